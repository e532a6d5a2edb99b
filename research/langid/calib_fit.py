"""Fit per-stage piecewise-linear confidence calibration on even rows of res/calib.tsv, check ECE on odd rows."""
import collections
AL = {"no": "nb", "iw": "he", "in": "id", "fil": "tl", "jw": "jv"}
rows = []
for i, ln in enumerate(open("res/calib.tsv")):
    k, lab, code, conf, st = ln.rstrip("\n").split("\t")
    rows.append((i, k, lab, AL.get(code, code) == lab, float(conf), int(st)))
def pav(pts):  # pool adjacent violators on (x, y, w)
    out = []
    for x, y, w in pts:
        out.append([x * w, y * w, w])
        while len(out) > 1 and out[-2][1] / out[-2][2] > out[-1][1] / out[-1][2]:
            a = out.pop(); out[-1] = [out[-1][0] + a[0], out[-1][1] + a[1], out[-1][2] + a[2]]
    return [(round(x / w, 4), round(y / w, 4)) for x, y, w in out]
def fit(train, nb=12):
    train = sorted(train, key=lambda r: r[4])
    n = len(train); pts = []
    for b in range(nb):
        ch = train[b * n // nb:(b + 1) * n // nb]
        if ch:
            pts.append((sum(r[4] for r in ch) / len(ch), sum(r[3] for r in ch) / len(ch), len(ch)))
    knots = pav(pts)
    return [(0.0, 0.0)] + knots + [(1.0, knots[-1][1])]
def apply(knots, x):
    if x <= knots[0][0]: return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        if x <= x1: return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
    return knots[-1][1]
def ece(rs, f, nb=10):
    bins = collections.defaultdict(list)
    for r in rs:
        c = f(r); bins[min(int(c * nb), nb - 1)].append((c, r[3]))
    return sum(abs(sum(c for c, _ in b) / len(b) - sum(h for _, h in b) / len(b)) * len(b) for b in bins.values()) / len(rs)
cal = {}
for st in (1, 15, 2):
    cal[st] = fit([r for r in rows if r[5] == st and r[0] % 2 == 0])
    print(st, cal[st])
test = [r for r in rows if r[0] % 2 == 1 and r[5] in cal]
print("ECE raw (odd rows)", round(ece(test, lambda r: r[4]), 4), " calibrated", round(ece(test, lambda r: apply(cal[r[5]], r[4])), 4))
for k in ["sentences", "word-pairs", "single-words"]:
    tk = [r for r in test if r[1] == k]
    print(k, "ECE raw", round(ece(tk, lambda r: r[4]), 4), "cal", round(ece(tk, lambda r: apply(cal[r[5]], r[4])), 4))
# und threshold trade-off (whole data, calibrated)
full = {st: fit([r for r in rows if r[5] == st]) for st in (1, 15, 2)}
print("FULL", full)
for th in [0, 0.2, 0.3, 0.4, 0.5]:
    line = []
    for k in ["sentences", "word-pairs", "single-words"]:
        per = collections.defaultdict(lambda: [0, 0])
        for r in rows:
            if r[1] != k: continue
            c = apply(full[r[5]], r[4]) if r[5] in full else 0
            per[r[2]][0] += r[3] and c >= th; per[r[2]][1] += 1
        line.append(f"{k} {sum(a/b for a,b in per.values())/len(per):.4f}")
    print("MIN_CONF", th, " ".join(line))
