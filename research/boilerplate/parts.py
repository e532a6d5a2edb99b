"""Min-of-N timing of the parts of decide() on a few typical 5 KB docs (robust to load)."""
import glob, timeit, sys, importlib.util
import numpy as np
if len(sys.argv) > 1:
    spec = importlib.util.spec_from_file_location("L", sys.argv[1]); tc = importlib.util.module_from_spec(spec); spec.loader.exec_module(tc)
else:
    from corearchive_plugins.boilerplate import lines as tc
docs = []
for p in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*.txt"))[::40]:
    t = open(p, encoding="utf-8").read()[:5000]
    docs.append(t[: t.rfind("\n")])
m = tc.load_model()
tot = {}
for d in docs:
    lines = tc._split(d)
    idx, X = tc.line_features(lines, m["lex"])
    st1, st2 = m["stages"]
    p1 = tc._sigmoid(tc._ensemble_predict(st1["_arrays"], X, 0.0))
    X2 = tc.stage2_features(X, p1)
    p2 = tc._sigmoid(tc._ensemble_predict(st2["_arrays"], X2, 0.0))
    parts = {
        "raw": lambda: tc._raw_features(lines, m["lex"]),
        "line_features": lambda: tc.line_features(lines, m["lex"]),
        "tree1": lambda: tc._ensemble_predict(st1["_arrays"], X, 0.0),
        "stage2_feat": lambda: tc.stage2_features(X, p1),
        "tree2": lambda: tc._ensemble_predict(st2["_arrays"], X2, 0.0),
        "rules": lambda: tc._rules(X, p2, 0.5),
        "clean": lambda: tc.clean(d),
    }
    if hasattr(tc, "decide"): parts["decide"] = lambda: tc.decide(d)
    for k, f in parts.items():
        tot[k] = tot.get(k, 0) + min(timeit.repeat(f, number=1, repeat=40))
for k, v in tot.items():
    print(f"{k:14s} {1e6 * v / len(docs):7.0f} us/doc")
