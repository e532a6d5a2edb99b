"""boilerplate_bench.speed() (batches of 64, 5 KB aeb texts) alternating the shipped model (with the
sequence layer) and the session-start model (v8, no layer), same process."""
import sys
from pathlib import Path
sys.path.insert(0, "/work/wt-bseq/benchmarks")
import boilerplate_bench as bb
from corearchive_plugins.boilerplate import lines
new = lines.load_model()
base = lines.load_model("/work/scratch/bseq/lines_model_base.json")
ev = Path("/work/shared/eval")
for r in range(3):
    for name, m in (("with layer", new), ("v8 (none)", base)):
        lines._MODEL = m
        rate, size = bb.speed(ev, seconds=4.0)
        print(f"round {r} {name:11s} {rate:7.0f} docs/CPU-s = {1e6 / rate:6.0f} us/doc", flush=True)
