"""The shipped mix (stage 3 0.5, the two capped nets 0.25 each) of split S's dumps as a v8-style dump:
  python v10_mix.py S  -> /work/scratch/bseq/MIX_S.pkl"""
import pickle, sys, numpy as np
S = sys.argv[1]
D = pickle.load(open(f"/work/scratch/bseq/X_{S}.pkl", "rb"))
q = [pickle.load(open(f"/work/scratch/bseq/seq_cap6_s{i}_{S}.pkl", "rb")) for i in (0, 1)]
p2 = {k: (0.5 * v + 0.25 * (q[0][k] + q[1][k])) if len(v) else v for k, v in D["p2"].items()}
pickle.dump({"p1": D["p1"], "p2": p2, "s2": D["s2"]}, open(f"/work/scratch/bseq/MIX_{S}.pkl", "wb"))
