"""Run `corearchive ingest` in-process, one worker, recording dedup's batch inputs.

usage: capture.py OUTFILE.pkl -- ingest args...
Each batch is pickled: (ids, sha256s, [work tuples]).
"""
import pickle
import sys

from corearchive_plugins import dedup

out_path = sys.argv[1]
args = sys.argv[sys.argv.index("--") + 1 :]
f = open(out_path, "wb")
orig = dedup.DedupStage.process_batch


def patched(self, docs):
    if all(self.name in d.work for d in docs):
        work = [d.work[self.name] for d in docs]
    else:
        ek, sigs, sizes = self._hash(docs)
        work = [(ek[i], sigs[i], int(sizes[i])) for i in range(len(docs))]
    pickle.dump(([d.id for d in docs], [d.source.sha256 for d in docs], work), f, 5)
    return orig(self, docs)


dedup.DedupStage.process_batch = patched
from corearchive.cli import cli  # noqa: E402

try:
    cli.main(args, prog_name='corearchive', standalone_mode=False)
finally:
    f.close()
