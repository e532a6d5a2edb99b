"""Wrap dedup methods with process_time accumulators; print per segment."""
import sys, runpy, collections, time, functools
from corearchive_plugins import dedup
T = collections.Counter()
depth = [0]
def wrap(name, keyf=None):
    orig = getattr(dedup.DedupStage, name)
    @functools.wraps(orig)
    def w(self, *a, **k):
        key = keyf(a) if keyf else name
        if depth[0] and not key.startswith(('_lsh', '_cand', '_flush')):
            return orig(self, *a, **k)
        depth[0] += 1
        t0 = time.process_time()
        try:
            return orig(self, *a, **k)
        finally:
            T[key] += time.process_time() - t0
            depth[0] -= 1
    setattr(dedup.DedupStage, name, w)
wrap('_lsh_lookup'); wrap('_exact_lookup'); wrap('_near_batch'); wrap('_candidate_rows'); wrap('_insert'); wrap('_hash'); wrap('_flush')
wrap('_select', lambda a: 'select:' + a[0].split('FROM')[1].split('WHERE')[1].split(' IN')[0].strip())
orig_pb = dedup.DedupStage.process_batch
N = [0, 10000]
def pb(self, docs):
    t0 = time.process_time()
    r = orig_pb(self, docs)
    T['process_batch'] += time.process_time() - t0
    N[0] += len(docs)
    if N[0] >= N[1]:
        seg = N[1]
        print(f"@{N[0]}: " + "  ".join(f"{k} {v / 10000 * 1e6:.0f}" for k, v in sorted(T.items())), flush=True)
        T.clear(); N[1] += 10000
    return r
dedup.DedupStage.process_batch = pb
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
