"""Collect (kind, label, code, raw confidence, stage) for every dev sample -> res/calib.tsv (identity _CAL)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ["LANGID_RAW_CONF"] = "1"
import detect
AL = {"no": "nb", "iw": "he", "in": "id", "fil": "tl", "jw": "jv"}
D = "/work/shared/eval/data/lingua/dev/"
with open("res/calib.tsv", "w") as out:
    for k in ["sentences", "word-pairs", "single-words"]:
        for f in sorted(os.listdir(D + k)):
            for ln in open(D + k + "/" + f, encoding="utf-8"):
                if ln.strip():
                    code, conf, top, st = detect.detect(ln.rstrip("\n"), with_stage=True)
                    best = top[0][0] if top else "und"
                    out.write(f"{k}\t{f[:-4]}\t{best}\t{conf}\t{st}\n")
