"""boilerplate_bench.speed() (batches of 64, 5 KB aeb texts) alternating two models in the same
process: python v11_speed_ab.py OLD.json NEW.json [ROUNDS]"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "benchmarks"))
import boilerplate_bench as bb  # noqa: E402

from corearchive_plugins.boilerplate import lines  # noqa: E402

models = [(Path(p).name, lines.load_model(p)) for p in sys.argv[1:3]]
ev = Path("/work/shared/eval")
for r in range(int(sys.argv[3]) if len(sys.argv) > 3 else 3):
    for name, m in models:
        lines._MODEL = m
        rate, _size = bb.speed(ev, seconds=4.0)
        print(f"round {r} {name:24s} {rate:7.0f} docs/CPU-s = {1e6 / rate:6.0f} us/doc", flush=True)
