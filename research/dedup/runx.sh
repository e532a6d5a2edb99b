#!/bin/bash
# usage: runx.sh LABEL CODE(base|new) CORPUS INDEX [extra flags]
set -e
cd /work/scratch/dd100k
label=$1; code=$2; corpus=$3; index=$4; shift 4
rm -rf out-$label
if [ $code = base ]; then export PYTHONPATH=/work/scratch/dd100k/basecode/path; fi
/usr/bin/time -f "$label %e s wall %U user %S sys %M KB maxrss" \
  /work/wt-dd100k/.venv/bin/python -m corearchive ingest /tmp/corebench/$corpus -o out-$label --index $index --quiet "$@" > log-$label.txt 2>&1 || echo "exit $?"
