import pickle, sys
a = pickle.load(open(sys.argv[1], "rb")); b = pickle.load(open(sys.argv[2], "rb"))
bad = [k for k in a if a[k] != b[k]]
print(f"{len(a) - len(bad)}/{len(a)} identical")
for k in bad[:3]:
    x, y = a[k], b[k]
    print(k, x[0] == y[0])
    if x[0] == y[0] and isinstance(x[1], dict):
        for kk in x[1]:
            if x[1][kk] != y[1].get(kk): print("  ", kk, str(x[1][kk])[:300], "\n   ->", str(y[1].get(kk))[:300])
