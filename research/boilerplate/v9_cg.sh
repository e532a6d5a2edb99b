#!/bin/bash
# instructions (callgrind) of v9_cold.py VARIANT STAGE PASSES: a pass = runs(1) - runs(0)
# instructions of cold.py (VARIANT STAGE PASSES) under callgrind; prints the total Ir
V=$1; S=$2; N=$3
if [ $V = base ]; then export PYTHONPATH=/work/scratch/bfast/basepath; fi
cd /work/wt-bfast
OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/work/scratch/bfast/cg.$V.$S.$N.out .venv/bin/python /work/scratch/bfast/cold.py $V $S $N > /dev/null 2>/work/scratch/bfast/cg.$V.$S.$N.log
grep -m1 -E "^(summary|totals):" /work/scratch/bfast/cg.$V.$S.$N.out
