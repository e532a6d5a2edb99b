#!/usr/bin/env python3
"""htmldate without dateparser: its answers and the stage's chosen dates on htmldate dev.

    python research/metadata/hd_parser.py

htmldate's answer (trafilatura's metadata date, as the stage gets it) with its stock
dateparser and inside ``without_dateparser()`` (our text date reader), the CPU of each pass
(the stock pass pays dateparser's warm-up), the pages whose answer changes, and the date the
stage's ranker chooses on those pages with each answer.
"""

from __future__ import annotations

import json
import time

import htmldate.extractors as hx

from corearchive_plugins.metadata import html as hm
from corearchive_plugins.metadata.text import choose

DATA = "/work/shared/eval/data/htmldate/dev"


def answers(ours: bool) -> tuple[dict[str, str | None], float, int]:
    calls = 0
    orig = hx._external_date

    def counted(s: str) -> object:
        nonlocal calls
        calls += 1
        return orig(s)

    hx._external_date = counted
    hx.try_date_expr.cache_clear()  # (a string read in one pass must not answer in the other)
    out: dict[str, str | None] = {}
    t = time.process_time()
    for name in sorted(truth):
        html = open(f"{DATA}/html/{name}", encoding="utf-8").read()
        tree = hm.parse_html(html)
        src = tree if tree is not None else html
        if ours:
            out[name] = hm.trafilatura_meta(src, None).get("date")
        else:
            from trafilatura.metadata import extract_metadata

            config = {"original_date": True, "extensive_search": True}
            out[name] = extract_metadata(src, date_config=config).date
    hx._external_date = orig
    return out, time.process_time() - t, calls


truth = json.load(open(f"{DATA}/truth.json"))
stock, t_stock, c_stock = answers(False)
ours, t_ours, c_ours = answers(True)
print(f"stock: {t_stock:.1f} s CPU, {c_stock} dateparser calls; ours: {t_ours:.1f} s, {c_ours} calls")
hd_ok = [sum(d[n] == truth[n]["date"] for n in truth) for d in (stock, ours)]
print(f"htmldate's answer right on {hd_ok[0]} / {hd_ok[1]} of {len(truth)} pages")
ok = [0, 0]
for name in sorted(truth):
    if stock[name] == ours[name]:
        continue
    html = open(f"{DATA}/html/{name}", encoding="utf-8").read()
    tree = hm.parse_html(html)
    chosen = []
    for k, hd in enumerate((stock[name], ours[name])):
        cands = hm.html_candidates(html, None, hd=hd, tree=tree)
        idx, _ = choose(cands)
        v = cands[idx]["date"].isoformat() if idx is not None else None
        ok[k] += v == truth[name]["date"]
        chosen.append(v)
    print(f"  {name}: gold {truth[name]['date']}, htmldate {stock[name]} -> {ours[name]}, "
          f"chosen {chosen[0]} -> {chosen[1]}")
print(f"chosen date right on the changed pages: stock {ok[0]}, ours {ok[1]}")
