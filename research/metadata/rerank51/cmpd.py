import pickle, sys
a = {(r["set"], r["key"]): r for r in pickle.load(open(sys.argv[1], "rb"))}
b = {(r["set"], r["key"]): r for r in pickle.load(open(sys.argv[2], "rb"))}
for k in a:
    if a[k].get("pred") != b[k].get("pred"):
        print(k[0], k[1][:40], a[k]["ok"], "->", b[k]["ok"], repr(str(a[k].get("pred"))[:50]), "->", repr(str(b[k].get("pred"))[:50]), "| T:", a[k]["truth"][:40])
