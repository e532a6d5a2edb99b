#!/bin/bash
# usage: runs.sh LABEL CODE(base|new) N [extra ingest flags]
set -e
cd /work/scratch/dd100k
label=$1; code=$2; n=$3; shift 3
rm -rf out-$label
if [ $code = base ]; then export PYTHONPATH=/work/scratch/dd100k/basecode/path; fi
/usr/bin/time -f "%e s wall %U user %S sys %M KB maxrss" -o time-$label.txt \
  /work/scratch/s6/tools/bin/py-spy record -r 100 -f raw -o prof-$label.txt -- \
  /work/wt-dd100k/.venv/bin/python -m corearchive ingest /tmp/corebench/corpus-$n -o out-$label --quiet --workers 1 "$@" > log-$label.txt 2>&1
cat time-$label.txt
