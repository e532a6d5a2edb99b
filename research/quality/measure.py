"""How many documents of each set each quality rule would drop, under each profile.

    python research/quality/measure.py [--recompute] OUT/NAME ...

Each OUT/NAME is the output folder of a run with ``--set quality.action=flag`` (every
document kept, its signals recorded); the rules are applied again to the signals, so one
run gives the figures of both profiles (and of any thresholds: edit PROFILES). With
``--recompute`` the signals are computed again from each record's text by the stage's
current code (a record without them, of a run without the stage, counts too): how a change
of the signals moves the figures, from one run of each set.
"""

import json
import sys
from collections import Counter
from pathlib import Path

from corearchive_plugins.quality import PROFILES, QualityOptions, _limits, failed_rules, signals


def main(folders: list[str], recompute: bool = False) -> None:
    limits = {p: _limits(QualityOptions(profile=p)) for p in PROFILES}  # type: ignore[arg-type]
    for folder in folders:
        n = 0
        dropped: dict[str, Counter[str]] = {p: Counter() for p in PROFILES}
        any_drop: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for line in open(Path(folder) / "records.jsonl"):
            rec = json.loads(line)
            q = rec["annotations"].get("quality")
            lang = (rec.get("language") or {}).get("code")
            if recompute:
                conf = (rec.get("language") or {}).get("confidence", 1.0)
                q = {"signals": signals(rec["text"], lang, conf)}
            if q is None:
                continue
            n += 1
            for p, lim in limits.items():
                failed = failed_rules(q["signals"], lang, lim)
                for rule, _, _ in failed:
                    dropped[p][rule] += 1
                if failed:
                    any_drop[p] += 1
                    if p == "archive":
                        examples.setdefault(failed[0][0], []).append(
                            f"{rec['source'].get('path') or rec['source'].get('uri')}"
                            f" [{lang}] {failed[0][1]}"
                        )
        print(f"== {Path(folder).name}: {n} documents")
        for p in PROFILES:
            rules = ", ".join(f"{r} {c}" for r, c in dropped[p].most_common())
            print(f"  {p}: {any_drop[p]} dropped ({rules or 'none'})")
        for rule, ex in examples.items():
            for e in ex[:5]:
                print(f"    archive {rule}: {e}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main([a for a in args if a != "--recompute"], "--recompute" in args)
