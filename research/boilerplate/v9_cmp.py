"""Compare two dumps of v9_dump.py: boilerplate (text, annotations, line split), language
(tag, confidence, annotations), decide_many on the dev pages (scores to 1e-9) and detect() on
the langid dev data.  python v9_cmp.py BASE.pkl NEW.pkl  -> "RESULT: IDENTICAL" or the
differences (keys missing from NEW are skipped: quick dumps)."""
import pickle, sys, math
a = pickle.load(open(sys.argv[1], "rb")); b = pickle.load(open(sys.argv[2], "rb"))
bad = 0
for k in a:
    if k not in b: continue
    if k == "dev":
        worst = 0.0; n = 0
        for x, y in zip(a[k], b[k], strict=True):
            if x[:4] != y[:4] or x[5:] != y[5:]:
                bad += 1; n += 1
                if n < 3: print("dev differ", [i for i in range(7) if x[i] != y[i]])
            if len(x[4]) != len(y[4]): bad += 1; continue
            for s, t in zip(x[4], y[4]): worst = max(worst, abs(s - t))
        print(f"dev: {len(a[k])} pages, max score diff {worst:.2e}")
        if worst > 1e-9: bad += 1
    elif a[k] != b[k]:
        if isinstance(a[k], tuple):
            for part, (u, v) in enumerate(zip(a[k], b[k])):
                d = [i for i, (s, t) in enumerate(zip(u, v, strict=True)) if s != t]
                if d: print(k, "part", part, "differs on", len(d), "first", d[:5]); bad += 1
        else:
            d = [i for i, (s, t) in enumerate(zip(a[k], b[k], strict=True)) if s != t]
            print(k, "differs on", len(d), "of", len(a[k]), "first", d[:5]); bad += 1
    else:
        print(k, "identical", len(a[k]))
print("RESULT:", "IDENTICAL" if not bad else f"{bad} DIFFERENCES")
