"""Compare two ingest outputs: records and rejects, without run ids and archive positions;
and the run.json counts."""
import hashlib, json, sys
from pathlib import Path

def digest(path: Path, drop: tuple[str, ...]) -> tuple[int, str]:
    h = hashlib.sha256(); n = 0
    with open(path, "rb") as f:
        for line in f:
            r = json.loads(line)
            for k in drop:
                r.pop(k, None)
            if isinstance(r.get("archive"), dict):
                r["archive"] = None
            h.update(json.dumps(r, sort_keys=True).encode()); n += 1
    return n, h.hexdigest()[:16]

for out in sys.argv[1:]:
    o = Path(out)
    rec = digest(o / "records.jsonl", ())
    rej = digest(o / "rejects.jsonl", ("run_id",))
    counts = json.loads((o / "run.json").read_text())["counts"]
    print(out, "records", rec, "rejects", rej, "counts", hashlib.sha256(json.dumps(counts, sort_keys=True).encode()).hexdigest()[:12], counts["kept"], counts["dropped"])
