#!/usr/bin/env python3
"""A generated, labelled set of the non-article page kinds the text path fails on unseen (v22).

The held-out losses (v14, v21) are on institution, club, municipality, shop, table-heavy and
forum pages, which no package registry ships test pages of. This script writes such pages,
deterministically from a seed (the scratch disk is wiped between sessions: rebuild, don't keep):

    python kinds_set.py build OUT [--seed 44] [--per 2]
    python kinds_set.py score OUT [--tree T] [--rows proj,w3m,lynx,html] [--dump D] [--option K=V]
    python kinds_set.py roles OUT D            # failure modes of a dump: lost content, kept chrome

build: ``--per`` pages of each of 11 kinds (uni, club, town, company, product, category,
events, table, forum, job, docs) in each of en, de, fr, es, it, nl (132 at --per 2), each on its
own generated site: a template drawn per site (semantic / div soup / old table layout; class
naming; which chrome parts and where: skip link, top bar, cookie banner top / bottom / modal,
header with search and a menu of 4-16 items, breadcrumbs, sidebar left / right with teasers,
opening hours, tags, newsletter box, share bar, related items, comment form, mega footer with the
site's address, back-to-top), chrome in the page's language (now and then an English cookie
banner or share bar, as on real sites), content drawn from the phrase banks of
``kinds_banks.py`` (sentences without repeats within a page, lengths varied; a fifth of the
pages carry only a little content). Writes

  OUT/html/<id>.html, OUT/text/<id>.txt   the page and its browser-copy text (dev layout,
                                          prep_extra.render: one block per line)
  OUT/truth.json     per page: kind, lang, site, title, ``lines`` (the content an archivist
                     keeps: the page's own text without its h1 and bylines: a club's news item,
                     a product's description, price and specs, a table's rows, a listing's
                     items, events, the posts of a thread), ``articleBody`` (the lines joined:
                     the aeb scorer's truth) and ``roles`` ([role, text] of every text block
                     written, chrome included, for the failure analysis)
  OUT/meta.json      heldout.py's meta (kind article / listing by content length, page_kind, lang)
  OUT/<r>/aeb/dev/{text/,truth.json,html->../../../html} for r in proj, w3m, lynx: the layout
                     of the dev sets (boilerplate_eval.py --data OUT/<r> --set aeb) and of
                     heldout.py (``heldout.py score OUT``); w3m / lynx only when installed.

score: the boilerplate stage of tree T on each rendering (``html``: the page's HTML), aeb F1
overall, per kind and per language (page-bootstrap 95 % interval overall). A measuring tool:
do not tune on it alone (it is generated; its phrase banks are small).
"""

import argparse
import html as H
import json
import os
import random
import shutil
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
sys.path.insert(0, HERE)

from heldout import load_stage, rendered  # noqa: E402
from kinds_banks import CHROME, FEES, KINDS, VOCAB  # noqa: E402

LANGS = ("en", "de", "fr", "es", "it", "nl")
KIND_ORDER = ("uni", "club", "town", "company", "product", "category", "events", "table", "forum", "job", "docs")
TEAM_PREFIX = {"en": "{city} Town", "de": "SV {city}", "fr": "US {city}", "es": "CD {city}", "it": "AC {city}", "nl": "VV {city}"}
CURRENCY = {"en": "£{a}.{b:02d}", "de": "{a},{b:02d} €", "fr": "{a},{b:02d} €", "es": "{a},{b:02d} €", "it": "€ {a},{b:02d}", "nl": "€ {a},{b:02d}"}
SHORT_DAY = {"en": "Mon|Tue|Wed|Thu|Fri|Sat|Sun", "de": "Mo|Di|Mi|Do|Fr|Sa|So", "fr": "lun.|mar.|mer.|jeu.|ven.|sam.|dim.",
             "es": "lun|mar|mié|jue|vie|sáb|dom", "it": "lun|mar|mer|gio|ven|sab|dom", "nl": "ma|di|wo|do|vr|za|zo"}
MORE_LANGS = ("EN", "DE", "FR", "ES", "IT", "NL")
# The banks are parallel translations (same order in every language), so one map of a title's
# index to the sentences that fit it serves all six; kinds not listed take any sentence.
TOPICS = {
    "uni": {0: [0, 1, 4, 5, 6], 1: [2, 5], 2: [3, 4, 6], 3: [1, 4, 6], 4: [7, 6]},
    "club": {0: [0, 7], 1: [1, 5, 4, 6], 2: [2, 7], 3: [3, 6, 5], 4: [6, 4]},
    "town": {0: [0, 6], 1: [1, 5], 2: [2, 3, 7], 3: [4], 4: [5]},
    "product": {0: [0, 1, 4, 5], 1: [3, 4, 5], 2: [3, 4], 3: [3, 4, 5], 4: [0, 1, 2, 5]},
}
# product specs: label index -> value indices of the bank's "vals", per product (material)
SPEC_MATERIAL = {0: [0], 1: [1], 2: [], 3: [3], 4: [2]}
SPEC_VALS = {1: [4], 2: [5], 3: [6, 7, 8], 4: [9, 10]}


def _split(s):
    return s if isinstance(s, list) else s.split("|")


class Page:
    """One page being written: its random source, language, the text blocks by role."""

    def __init__(self, rnd, lang, kind):
        self.rnd, self.lang, self.kind = rnd, lang, kind
        self.ch = CHROME[lang]
        self.voc = {k: _split(v) if "|" in v else v for k, v in VOCAB[lang].items()}
        self.bank = KINDS[lang][kind]
        self.roles = []  # [role, text]
        self.content = []  # truth lines
        self.used = set()
        self.topic = None  # index of the page's title in the bank (TOPICS)

    # -- random pieces
    def pick(self, seq):
        return self.rnd.choice(seq)

    def date(self, year=None):
        y = year or self.rnd.choice((2023, 2024, 2025))
        return self.voc["date"].format(d=self.rnd.randint(1, 28), m=self.pick(self.voc["months"]), y=y)

    def slots(self):
        r = self.rnd
        return {"city": self.pick(self.voc["city"]), "last": self.pick(self.voc["last"]),
                "name": f"{self.pick(self.voc['first'])} {self.pick(self.voc['last'])}",
                "street": self.pick(self.voc["street"]), "date": self.date(), "n": r.randint(2, 9),
                "n2": r.randint(10, 60), "year": r.randint(1948, 2012), "month": self.pick(self.voc["months"]),
                "team": TEAM_PREFIX[self.lang].format(city=self.pick(self.voc["city"]))}

    def fill(self, s):
        return s.format(**self.slots())

    def allowed(self, key, topic):
        bank = _split(self.bank[key])
        idx = TOPICS.get(self.kind, {}).get(topic) if key == "sents" and topic is not None else None
        return [bank[i] for i in idx] if idx is not None else bank

    def fresh(self, key, k=1):
        """Up to k sentences of the bank's list ``key`` that fit the page's topic and are not
        used yet on this page (filled); none when all are used (no repeats on a page)."""
        pool = [s for s in self.allowed(key, self.topic) if (key, s) not in self.used]
        out = self.rnd.sample(pool, min(k, len(pool)))
        self.used.update((key, s) for s in out)
        return [self.fill(s) for s in out]

    def money(self, lo=3, hi=250):
        return CURRENCY[self.lang].format(a=self.rnd.randint(lo, hi), b=self.rnd.choice((0, 50, 90, 95, 99, 49)))

    # -- text registration: every text written goes through t() (chrome) or c() (content)
    def t(self, text, role):
        self.roles.append([role, text])
        return H.escape(text)

    def c(self, text, role="content"):
        self.content.append(text)
        return self.t(text, role)


# ------------------------------------------------------------------ templates --
class Site:
    """The template of one site: markup style, class names, which chrome parts and where."""

    def __init__(self, rnd, lang, kind):
        self.rnd = rnd
        r = rnd
        self.layout = r.choices(("semantic", "div", "table"), (5, 4, 1))[0]
        self.style = r.choice(("bem", "bootstrap", "short", "hashed", "wp"))
        self.skip = r.random() < 0.35
        self.topbar = r.random() < 0.45
        self.cookie = r.choices((None, "top", "bottom", "modal"), (3, 2, 4, 2))[0]
        self.cookie_en = lang != "en" and r.random() < 0.2
        self.share_en = lang != "en" and r.random() < 0.3
        self.search = r.random() < 0.7
        self.menu_n = r.randint(4, 14)
        self.submenu = r.random() < 0.3
        self.crumb = r.random() < 0.65
        self.sidebar = r.choices((None, "left", "right"), (4, 2, 4))[0]
        self.widgets = r.sample(("latest", "popular", "hours", "tags", "newsletter", "contact", "search"), r.randint(1, 4))
        self.newsletter = None if "newsletter" in self.widgets else r.choices((None, "after", "footer"), (5, 2, 3))[0]
        self.share = r.choices((None, "top", "bottom", "both"), (4, 2, 3, 1))[0]
        self.related = r.random() < 0.45
        self.comments = kind in ("club", "uni", "docs", "events") and r.random() < 0.25
        self.footer_cols = r.randint(1, 4)
        self.footer_addr = r.random() < 0.6
        self.totop = r.random() < 0.45
        self.langsw = r.random() < 0.35
        self.meta_line = r.random() < 0.7
        self.prefix = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(1, 3)))

    def cls(self, role):
        """A class attribute for a part, in this site's naming style."""
        r = self.rnd
        if self.style == "hashed":
            return f"css-{r.getrandbits(28):07x}"
        names = {
            "bem": {"header": "site-header", "nav": "site-nav__list", "main": "page-content", "side": "sidebar",
                    "footer": "site-footer", "cookie": "cookie-notice", "crumb": "breadcrumbs", "share": "share-bar"},
            "bootstrap": {"header": "navbar navbar-expand-lg", "nav": "navbar-nav me-auto", "main": "col-md-8",
                          "side": "col-md-4", "footer": "footer bg-dark text-white", "cookie": "alert alert-info fixed-bottom",
                          "crumb": "breadcrumb", "share": "btn-group"},
            "short": {"header": "hd", "nav": "nv", "main": "ct", "side": "sb", "footer": "ft", "cookie": "cc",
                      "crumb": "bc", "share": "sh"},
            "wp": {"header": "site-header wp-block-group", "nav": "menu", "main": "entry-content", "side": "widget-area",
                   "footer": "site-footer", "cookie": "cmplz-cookiebanner", "crumb": "yoast-breadcrumb",
                   "share": "sharedaddy sd-sharing-enabled"},
        }[self.style]
        return f"{self.prefix}-{names.get(role, role)}" if self.style == "short" else names.get(role, role)


def _links(p, items, role, sep=""):
    return sep.join(f'<li><a href="/{i}">{p.t(x, role)}</a></li>' for i, x in enumerate(items))


def chrome_header(p, s, site_name):
    ch, r, out = p.ch, p.rnd, []
    if s.skip:
        out.append(f'<a class="skip-link" href="#main">{p.t(ch["skip"], "skip")}</a>')
    if s.cookie == "top":
        out.append(cookie(p, s))
    if s.topbar:
        bits = [f'<span>{p.t(ch["phone"] + ": +" + str(r.randint(30, 49)) + " " + str(r.randint(100, 999)) + " " + str(r.randint(10000, 99999)), "topbar")}</span>']
        if s.langsw:
            bits.append("<span>" + " | ".join(f'<a href="/{x.lower()}/">{p.t(x, "langsw")}</a>' for x in r.sample(MORE_LANGS, 3)) + "</span>")
        bits.append(f'<a href="/login">{p.t(ch["login"], "topbar")}</a>')
        out.append(f'<div class="{s.cls("topbar")}">{"".join(bits)}</div>')
    menu = [ch["home"]] + r.sample(_split(ch["menu"]), s.menu_n)
    items = []
    for i, m in enumerate(menu):
        sub = ""
        if s.submenu and i and r.random() < 0.3:
            sub = "<ul class='sub-menu'>" + _links(p, r.sample(_split(ch["menu"]), 3), "menu") + "</ul>"
        items.append(f'<li><a href="/m{i}">{p.t(m, "menu")}</a>{sub}</li>')
    logo = f'<a class="logo" href="/"><img src="/img/logo.svg" alt="">{p.t(site_name, "logo")}</a>'
    srch = ""
    if s.search:
        srch = (f'<form role="search" action="/search"><label for="q">{p.t(ch["search"], "search")}</label>'
                f'<input id="q" name="q" placeholder="{H.escape(ch["search_ph"])}"><button>{p.t(ch["search"], "search")}</button></form>')
    nav = f'<nav aria-label="Main"><ul class="{s.cls("nav")}">{"".join(items)}</ul></nav>'
    tag = "header" if s.layout == "semantic" else "div"
    out.append(f'<{tag} class="{s.cls("header")}">{logo}{srch}{nav}</{tag}>')
    return "\n".join(out)


def cookie(p, s):
    ch = CHROME["en"] if s.cookie_en else p.ch
    txt = p.rnd.choice(_split(ch["cookie"]))
    btns = [ch["accept"], ch["decline"], ch["settings"]][: p.rnd.randint(1, 3)]
    b = "".join(f"<button>{p.t(x, 'cookie')}</button>" for x in btns)
    return (f'<div class="{s.cls("cookie")}" role="dialog"><p>{p.t(txt, "cookie")} '
            f'<a href="/privacy">{p.t(ch["more_info"], "cookie")}</a></p>{b}</div>')


def crumb(p, s, title):
    parts = [p.ch["home"]] + p.rnd.sample(_split(p.ch["menu"]), p.rnd.randint(0, 2)) + [title]
    lead = f"<span>{p.t(p.ch['crumb'], 'crumb')}</span> " if p.rnd.random() < 0.4 else ""
    li = " › ".join(f'<a href="/c{i}">{p.t(x, "crumb")}</a>' for i, x in enumerate(parts))
    return f'<nav class="{s.cls("crumb")}" aria-label="breadcrumb">{lead}{li}</nav>'


def share(p, s):
    ch = CHROME["en"] if s.share_en else p.ch
    items = p.rnd.sample(_split(ch["share_on"]), p.rnd.randint(2, 5))
    head = f"<span>{p.t(ch['share'], 'share')}</span>" if p.rnd.random() < 0.6 else ""
    return f'<div class="{s.cls("share")}">{head}<ul>{_links(p, items, "share")}</ul></div>'


def newsletter(p, s):
    ch = p.ch
    return (f'<section class="newsletter"><h3>{p.t(ch["nl_head"], "newsletter")}</h3>'
            f'<p>{p.t(p.rnd.choice(_split(ch["nl_text"])), "newsletter")}</p><form><input type="email" '
            f'placeholder="{H.escape(ch["email_ph"])}"><button>{p.t(ch["nl_btn"], "newsletter")}</button></form></section>')


def teasers(p, n, with_text):
    """Teasers of other pages of the same site: other titles of the kind's bank, with a sentence
    that fits that title and is not in the page's content."""
    out = []
    others = [i for i in range(len(_split(p.bank["titles"]))) if i != p.topic]
    for i in p.rnd.sample(others, min(n, len(others))):
        title = p.fill(_split(p.bank["titles"])[i])
        body = ""
        if with_text and "sents" in p.bank:
            pool = [x for x in p.allowed("sents", i) if ("sents", x) not in p.used]
            if pool:
                body = f"<p>{p.t(p.fill(p.rnd.choice(pool)), 'teaser')}</p>"
        dt = f"<time>{p.t(p.date(), 'teaser')}</time>" if p.rnd.random() < 0.5 else ""
        out.append(f'<li>{dt}<a href="/t{p.rnd.randint(1, 999)}">{p.t(title, "teaser")}</a>{body}</li>')
    return "<ul>" + "".join(out) + "</ul>"


def sidebar(p, s, addr):
    ch, r, parts = p.ch, p.rnd, []
    for w in s.widgets:
        if w == "latest":
            parts.append(f"<h3>{p.t(ch['latest'], 'sidebar')}</h3>" + teasers(p, r.randint(2, 5), r.random() < 0.5))
        elif w == "popular":
            parts.append(f"<h3>{p.t(ch['popular'], 'sidebar')}</h3>" + teasers(p, r.randint(3, 5), False))
        elif w == "hours":
            days = _split(p.voc["days"])
            rows = [f"{days[0]} – {days[3]}: {r.choice((8, 9))}:00 – {r.choice((16, 17, 18))}:00",
                    f"{days[4]}: {r.choice((8, 9))}:00 – {r.choice((12, 13, 14))}:00"]
            parts.append(f"<h3>{p.t(ch['hours'], 'sidebar')}</h3>" + "".join(f"<p>{p.t(x, 'sidebar')}</p>" for x in rows))
        elif w == "tags":
            tags = r.sample(_split(ch["menu"]), 5)
            parts.append("<div class='tags'>" + " ".join(f"<a href='/tag/{i}'>{p.t(x, 'tags')}</a>" for i, x in enumerate(tags)) + "</div>")
        elif w == "newsletter":
            parts.append(newsletter(p, s))
        elif w == "contact":
            parts.append(f"<h3>{p.t(ch['address'], 'sidebar')}</h3>" + "".join(f"<p>{p.t(x, 'address')}</p>" for x in addr))
        elif w == "search":
            parts.append(f"<form><input placeholder='{H.escape(ch['search_ph'])}'><button>{p.t(ch['search'], 'search')}</button></form>")
    tag = "aside" if s.layout == "semantic" else "div"
    return f'<{tag} class="{s.cls("side")}">' + "\n".join(parts) + f"</{tag}>"


def footer(p, s, site_name, addr):
    ch, r, cols = p.ch, p.rnd, []
    for _ in range(s.footer_cols):
        head = r.choice(_split(ch["menu"]))
        cols.append(f"<div><h4>{p.t(head, 'footer')}</h4><ul>{_links(p, r.sample(_split(ch['menu']), r.randint(2, 5)), 'footer')}</ul></div>")
    if s.footer_addr:
        cols.append("<address>" + "<br>".join(p.t(x, "address") for x in [site_name, *addr]) + "</address>")
    if s.newsletter == "footer":
        cols.append(newsletter(p, s))
    if r.random() < 0.5:
        cols.append(f"<div class='social'><span>{p.t(ch['follow'], 'footer')}</span> "
                    + " ".join(f"<a href='#'>{p.t(x, 'footer')}</a>" for x in r.sample(("Facebook", "Instagram", "YouTube", "LinkedIn", "Mastodon", "X"), 3)) + "</div>")
    legal = r.sample(_split(ch["footer"]), r.randint(2, 6))
    copy_ = f"© {r.choice((2024, 2025))} {site_name}" + (f". {ch['rights']}" if r.random() < 0.6 else "")
    bottom = f"<p>{p.t(copy_, 'footer')}</p><ul class='legal'>{_links(p, legal, 'footer')}</ul>"
    tag = "footer" if s.layout != "table" else "div"
    return f'<{tag} class="{s.cls("footer")}">' + "\n".join(cols) + bottom + f"</{tag}>"


# ---------------------------------------------------------------- content --
def paras(p, k_lo, k_hi, n_lo=1, n_hi=3, key="sents"):
    out = []
    for _ in range(p.rnd.randint(n_lo, n_hi)):
        sents = p.fresh(key, p.rnd.randint(k_lo, k_hi))
        if sents:
            out.append(f"<p>{p.c(' '.join(sents))}</p>")
    return "".join(out)


def h2(p, text):
    return f"<h2>{p.c(text)}</h2>"


def ul(p, items):
    return "<ul>" + "".join(f"<li>{p.c(x)}</li>" for x in items) + "</ul>"


def table(p, head, rows, caption=None):
    """A data table; each row one content line (cells joined by a space, as the scorer's tokens
    see them)."""
    th = "".join(f"<th>{p.t(h, 'thead')}</th>" for h in head)
    if any(head):
        p.content.append(" ".join(head))
    body = []
    for row in rows:
        p.content.append(" ".join(str(x) for x in row))
        p.roles.append(["content", " ".join(str(x) for x in row)])
        body.append("<tr>" + "".join(f"<td>{H.escape(str(x))}</td>" for x in row) + "</tr>")
    cap = f"<caption>{p.c(caption)}</caption>" if caption else ""
    thead = f"<thead><tr>{th}</tr></thead>" if head else ""
    return f'<table class="data">{cap}{thead}<tbody>{"".join(body)}</tbody></table>'


def byline(p, s):
    if not s.meta_line:
        return ""
    ch = p.ch
    txt = f"{ch['posted']} {p.date()}" + (f" {ch['by']} {p.slots()['name']}" if p.rnd.random() < 0.5 else "")
    return f"<p class='meta'>{p.t(txt, 'byline')}</p>"


def content_for(p, s, short):
    """(title, content HTML) of the page's kind."""
    r, b, ch = p.rnd, p.bank, p.ch
    k = p.kind
    hl = _split(b.get("H", ""))
    p.topic = r.randrange(len(_split(b["titles"])))
    title = p.fill(_split(b["titles"])[p.topic])
    body = []
    if k in ("uni", "club", "town"):
        body.append(byline(p, s))
        body.append(paras(p, 1, 3, 1, 1 if short else 3))
        if k != "club" and not short:
            if r.random() < 0.7:
                body.append(h2(p, hl[0]) + ul(p, r.sample(_split(b["items"]), r.randint(2, len(_split(b["items"]))))))
            if r.random() < 0.5:
                body.append(h2(p, hl[2] if k == "uni" else hl[1]) + paras(p, 1, 2, 1, 1))
            if k == "town" and r.random() < 0.5:
                days = _split(p.voc["days"])
                rows = [[d, f"{r.choice((7, 8))}:30 – {r.choice((12, 13))}:00", f"{r.choice((14, 15))}:00 – {r.choice((16, 18))}:00" if r.random() < 0.6 else "–"] for d in days[:5]]
                body.append(h2(p, hl[2]) + table(p, [ch["hours"], "", ""], rows))
        elif k == "club" and not short and r.random() < 0.4:
            body.append(paras(p, 1, 2, 1, 2))
    elif k == "company":
        imprint = "Imprint" in title or title in ("Impressum", "Mentions légales", "Aviso legal", "Note legali", "Colofon")
        if imprint or r.random() < 0.3:
            sl = p.slots()
            lines = [p.fill(r.choice(_split(b["sites"]))), f"{sl['street']} {r.randint(1, 120)}", f"{r.randint(10000, 99999)} {sl['city']}",
                     f"{ch['phone']}: +{r.randint(30, 49)} {r.randint(100, 999)} {r.randint(100000, 999999)}", f"{ch['email']}: info@example.{p.lang if p.lang != 'en' else 'co.uk'}"]
            body.append("<p>" + "<br>".join(p.c(x) for x in lines) + "</p>")
            vals = [p.slots()["name"], p.slots()["city"], f"{r.choice(('HRB', 'RCS', 'REA', 'KvK', 'No.'))} {r.randint(1000, 999999)}",
                    f"{p.lang.upper()}{r.randint(100000000, 999999999)}", p.slots()["name"]]
            for lab, val in list(zip(hl, vals))[: r.randint(2, len(hl))]:
                body.append(f"<p>{p.c(lab + ': ' + val)}</p>")
            if not short and not imprint:
                body.append(paras(p, 2, 3, 1, 3))
        else:
            body.append(paras(p, 1, 3, 1 if short else 2, 2 if short else 4))
    elif k == "product":
        price = p.money(9, 400)
        body.append(f"<p class='price'>{p.c(price)}</p><p class='vat'>{p.t(ch['vat'], 'shop')}</p>")
        if r.random() < 0.6:
            body.append(f"<div class='rating'>{p.t('★★★★☆ ' + str(r.randint(3, 240)) + ' ' + ch['reviews'], 'shop')}</div>")
        body.append(f"<p class='stock'>{p.t(ch['instock'], 'shop')}</p><form><input type='number' value='1'><button>{p.t(ch['cart'], 'shop')}</button></form>")
        body.append(paras(p, 1, 3, 1, 1 if short else 2))
        if not short or r.random() < 0.5:
            vals = _split(b["vals"])
            rows = []
            for li in sorted(r.sample(range(len(hl)), r.randint(3, len(hl)))):
                opts = SPEC_MATERIAL[p.topic] if li == 0 else SPEC_VALS.get(li)
                if opts is None:
                    rows.append([hl[li], str(r.randint(100000, 999999))])
                elif opts:
                    rows.append([hl[li], p.fill(vals[r.choice(opts)])])
            if r.random() < 0.5:
                body.append(table(p, [], rows))
            else:
                body.append("<dl>" + "".join(f"<dt>{p.c(a)}</dt><dd>{p.c(v)}</dd>" for a, v in rows) + "</dl>")
    elif k == "category":
        body.append(f"<div class='toolbar'><span>{p.t(str(r.randint(12, 180)) + ' ' + ch['results'], 'shop')}</span> "
                    f"<label>{p.t(ch['sort'], 'shop')}</label><select><option>{p.t(ch['filter'], 'shop')}</option></select></div>")
        if r.random() < 0.7:
            body.append(paras(p, 1, 2, 1, 1))
        tiles = []
        for name in r.sample(_split(b["prods"]), r.randint(3 if short else 5, 5 if short else 10)):
            badge = f"<span class='badge'>{p.t('-' + str(r.choice((10, 15, 20, 30))) + '%', 'shop')}</span>" if r.random() < 0.25 else ""
            tiles.append(f"<li class='product'>{badge}<a href='/p/{r.randint(1, 9999)}'><img src='/i.jpg' alt=''><h3>{p.c(name)}</h3></a>"
                         f"<span class='price'>{p.c(p.money(3, 90))}</span><button>{p.t(ch['cart'], 'shop')}</button></li>")
        body.append("<ul class='products'>" + "".join(tiles) + "</ul>")
        body.append(f"<nav class='pagination'>{p.t(ch['prev'], 'pager')} 1 2 3 {p.t(ch['next'], 'pager')}</nav>")
    elif k == "events":
        import datetime

        days = _split(SHORT_DAY[p.lang])
        month = r.randrange(12)
        title = p.fill(_split(b["titles"])[p.topic].replace("{month}", _split(p.voc["months"])[month]))
        city = p.slots()["city"]
        k_ev = r.randint(2 if short else 4, 3 if short else 8)
        dates = sorted(r.sample(range(1, 29), k_ev))
        items = []
        for day, ev in zip(dates, r.sample(_split(b["evs"]), k_ev)):
            d = datetime.date(2025, month + 1, day)
            when = f"{days[d.weekday()]} {p.voc['date'].format(d=day, m=_split(p.voc['months'])[month], y=2025)}, {r.randint(10, 20)}:{r.choice(('00', '30'))}"
            place = f"{p.slots()['street']} {r.randint(1, 80)}, {city}"
            head = f"<li class='event'><time>{p.c(when)}</time><h3>{p.c(p.fill(ev))}</h3><p>{p.c(place)}</p>"
            desc = f"<p>{p.c(p.fill(r.choice(_split(b['sents']))))}</p>" if r.random() < 0.7 else ""  # after head: truth in page order
            items.append(f"{head}{desc}</li>")
        body.append("<ul class='events'>" + "".join(items) + "</ul>")
    elif k == "table":
        which = p.topic = r.randrange(4)
        title = p.fill(_split(b["titles"])[which])
        body.append(f"<p>{p.c(p.fill(_split(b['sents'])[min(which, 3)]))}</p>" if r.random() < 0.85 else "")
        n = r.randint(4 if short else 6, 8 if short else 16)
        if which == 0:
            cities = r.sample(_split(p.voc["city"]), min(n, 10))
            pts = sorted((r.randint(3, 60) for _ in cities), reverse=True)
            rows = [[j + 1, TEAM_PREFIX[p.lang].format(city=c), r.randint(18, 24), pt] for j, (c, pt) in enumerate(zip(cities, pts))]
            head = [hl[0], hl[1], hl[2], hl[3]]
        elif which == 1:
            t0 = r.randint(5 * 60, 20 * 60)
            stops = r.sample(_split(p.voc["street"]) + _split(p.voc["city"]), min(n, 15))
            rows = []
            for j, st in enumerate(stops):
                t0 += r.randint(2, 7)
                rows.append([st, f"{t0 // 60:02d}:{t0 % 60:02d}", f"{(t0 + 30) // 60 % 24:02d}:{(t0 + 30) % 60:02d}"])
            head = [hl[4], hl[5], hl[6]]
        elif which == 2:
            fees = _split(FEES[p.lang])
            rows = [[fees[j], p.money(2, 600 if j == 4 else 90), r.choice(("", "", "*", "**"))] for j in sorted(r.sample(range(len(fees)), min(n, len(fees))))]
            head = [hl[7], hl[8], hl[9]]
        else:
            rows = []
            for j in range(n):
                sl = p.slots()
                rows.append([j + 1, sl["name"], f"{r.randint(31, 59)}:{r.randint(0, 59):02d}", TEAM_PREFIX[p.lang].format(city=sl["city"])])
            head = [hl[0], hl[10], hl[11], hl[12]]
        body.append(table(p, head, rows))
        if r.random() < 0.4:
            body.append(f"<p class='note'>{p.t(ch['updated'] + ': ' + p.date(2025), 'byline')}</p>")
    elif k == "forum":
        qs = p.fresh("q", r.randint(1, 3))
        qs.sort(key=_split(b["q"]).index)  # greeting, what was tried, the ask: the bank's order
        posts = [(p.slots()["name"].replace(" ", "_").lower()[:12] + str(r.randint(1, 99)), " ".join(qs))]
        ans = _split(b["ans"])  # 0-4: one per title (same order), 5: solved, 6-7: any thread
        replies = [ans[p.topic]] + r.sample([ans[6], ans[7]], r.randint(0, 1 if short else 2))
        r.shuffle(replies)
        if r.random() < 0.5:
            replies.append(ans[5])
        for text in replies:
            posts.append((p.pick(p.voc["first"]).lower() + str(r.randint(1, 999)), text))
        out = []
        for j, (user, text) in enumerate(posts):
            info = f"{ch['posts']}: {r.randint(1, 4000)}" + (f" · {ch['joined']} {p.date(r.randint(2009, 2022))}" if r.random() < 0.5 else "")
            acts = " ".join(f"<a href='#'>{p.t(x, 'forum')}</a>" for x in (ch["reply"], ch["quote"], ch["report"])[: r.randint(1, 3)])
            out.append(f"<div class='post' id='p{j}'><div class='author'><b>{p.t(user, 'forum')}</b><small>{p.t(info, 'forum')}</small></div>"
                       f"<div class='date'>{p.t(p.date(2025), 'forum')}</div><div class='body'><p>{p.c(text)}</p></div><div class='actions'>{acts}</div></div>")
        body.append("".join(out))
    elif k == "job":
        sl = p.slots()
        body.append(f"<p class='meta'>{p.t(p.fill(r.choice(_split(b['sites']))) + ' · ' + sl['city'] + ' · ' + p.date(2025), 'byline')}</p>")
        body.append(paras(p, 1, 2, 1, 1 if short else 2))
        items = _split(b["items"])
        if not short:
            body.append(h2(p, hl[0]) + ul(p, r.sample(items[0:2], 2)))
            body.append(h2(p, hl[1]) + ul(p, items[2:4]))
            if r.random() < 0.7:
                body.append(h2(p, hl[2]) + ul(p, r.sample(items[4:], r.randint(1, 3))))
        body.append(h2(p, hl[3]) + f"<p>{p.c(p.fill(_split(b['sents'])[3]))}</p>" if r.random() < 0.7 else "")
        body.append(f"<a class='button' href='/apply'>{p.t(ch['apply'], 'shop')}</a>")
    elif k == "docs":
        body.append(paras(p, 1, 2, 1, 1))
        if not short:
            body.append(h2(p, hl[0]) + ul(p, [f"Python 3.{r.randint(9, 12)}", f"{r.randint(2, 8)} GB RAM", "systemd"][: r.randint(1, 3)]))
        body.append(h2(p, hl[1]) + paras(p, 1, 2, 1, 1))
        cmd = r.choice(("sudo apt install openrouter", "pip install datapipe", "docker compose up -d", "make && sudo make install"))
        body.append(f"<pre><code>{p.c(cmd, 'code')}</code></pre>")
        if not short:
            body.append(h2(p, hl[2]) + paras(p, 1, 2, 1, 2))
            if r.random() < 0.5:
                body.append(table(p, ["Option", "Default", ""], [[f"{x}", str(r.randint(1, 60)), ""] for x in r.sample(("timeout", "retries", "log_level", "workers", "port", "cache_dir"), 3)]))
            if r.random() < 0.5:
                body.append(h2(p, hl[3]) + paras(p, 1, 2, 1, 1))
        body.append(f"<p class='edit'><a href='#'>{p.t(r.choice(('Edit this page', 'Edit on GitHub', ch['updated'] + ' ' + p.date(2025))), 'byline')}</a></p>")
    return title, "\n".join(x for x in body if x)


def make_page(rnd, kind, lang):
    """(HTML, truth record) of one page of ``kind`` in ``lang``."""
    p = Page(rnd, lang, kind)
    s = Site(rnd, lang, kind)
    ch = p.ch
    site_name = p.fill(rnd.choice(_split(p.bank["sites"])))
    sl = p.slots()
    addr = [f"{sl['street']} {rnd.randint(1, 120)}", f"{rnd.randint(10000, 99999)} {sl['city']}",
            f"{ch['phone']} +{rnd.randint(30, 49)} {rnd.randint(100, 999)} {rnd.randint(100000, 999999)}"]
    short = rnd.random() < 0.2
    title, main = content_for(p, s, short)
    # the chrome (teasers draw from the bank too: written after the content, so fresh() spent it first)
    head = chrome_header(p, s, site_name)
    cr = crumb(p, s, title) if s.crumb else ""
    h1 = f"<h1>{p.t(title, 'title')}</h1>"
    parts = [h1, main]
    if s.share in ("top", "both"):
        parts.insert(1, share(p, s))
    if s.share in ("bottom", "both"):
        parts.append(share(p, s))
    if s.related:
        parts.append(f"<section class='related'><h2>{p.t(ch['related'], 'related')}</h2>{teasers(p, rnd.randint(2, 4), rnd.random() < 0.4)}</section>")
    if s.comments:
        parts.append(f"<section class='comments'><h3>{p.t(ch['reply'], 'comments')}</h3><form><textarea></textarea><button>{p.t(ch['reply'], 'comments')}</button></form></section>")
    if s.newsletter == "after":
        parts.append(newsletter(p, s))
    art = "article" if s.layout == "semantic" and rnd.random() < 0.7 else "div"
    main_html = f'<main id="main" class="{s.cls("main")}"><{art} class="{s.cls("content")}">' + "\n".join(parts) + f"</{art}></main>"
    side = sidebar(p, s, addr) if s.sidebar else ""
    foot = footer(p, s, site_name, addr)
    tail = []
    if s.totop:
        tail.append(f'<a href="#top" class="to-top">{p.t(ch["top"], "totop")}</a>')
    if s.cookie in ("bottom", "modal"):
        tail.append(cookie(p, s))
    if s.layout == "table":
        cells = [f"<td valign='top' width='200'>{side}</td>" if s.sidebar == "left" else "", f"<td valign='top'>{cr}{main_html}</td>",
                 f"<td valign='top' width='200'>{side}</td>" if s.sidebar == "right" else ""]
        body = (f"<table width='100%' cellpadding='0' cellspacing='0'><tr><td colspan='3'>{head}</td></tr>"
                f"<tr>{''.join(cells)}</tr><tr><td colspan='3'>{foot}</td></tr></table>")
    else:
        cont = [side if s.sidebar == "left" else "", main_html, side if s.sidebar == "right" else ""]
        wrap = "container" if s.style == "bootstrap" else s.cls("wrap")
        body = f"{head}\n{cr}\n<div class='{wrap}'>" + "\n".join(x for x in cont if x) + f"</div>\n{foot}"
    css = f"/assets/main.{rnd.getrandbits(32):08x}.css"
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{H.escape(title)} | {H.escape(site_name)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="{css}">'
            f"<script>window.dataLayer=window.dataLayer||[];</script></head>\n<body class='{s.cls('page')}'>\n{body}\n"
            + "\n".join(tail) + "\n<script src='/assets/app.js' defer></script></body></html>\n")
    lines = [x for x in p.content if x.strip()]
    words = sum(len(x.split()) for x in lines)
    rec = {"kind": kind, "lang": lang, "site": site_name, "title": title, "short": short, "lines": lines,
           "articleBody": "\n".join(lines), "roles": p.roles,
           "template": {k: v for k, v in vars(s).items() if k != "rnd"}, "words": words}
    return page, rec


# ------------------------------------------------------------------ build --
def build(out, seed, per):
    from prep_extra import render

    from renderings import _lynx, _w3m

    rnd = random.Random(seed)
    tools = {"w3m": _w3m if shutil.which("w3m") else None, "lynx": _lynx if shutil.which("lynx") else None}
    rends = ["proj"] + [k for k, v in tools.items() if v]
    for d in ("html", "text"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    for r in rends:
        base = os.path.join(out, r, "aeb", "dev")
        os.makedirs(os.path.join(base, "text"), exist_ok=True)
        link = os.path.join(base, "html")
        if not os.path.lexists(link):
            os.symlink(os.path.join("..", "..", "..", "html"), link)
    truth, meta, aeb = {}, {}, {r: {} for r in rends}
    i = 0
    for _ in range(per):
        for kind in KIND_ORDER:
            for lang in LANGS:
                page, rec = make_page(rnd, kind, lang)
                pid = f"k{i:03d}_{kind}_{lang}"
                i += 1
                key = pid + ".html"
                with open(os.path.join(out, "html", key), "w", encoding="utf-8") as f:
                    f.write(page)
                texts = {"proj": render(page)}
                for r in rends[1:]:
                    texts[r] = tools[r](page)
                with open(os.path.join(out, "text", pid + ".txt"), "w", encoding="utf-8") as f:
                    f.write(texts["proj"])
                for r in rends:
                    with open(os.path.join(out, r, "aeb", "dev", "text", key + ".txt"), "w", encoding="utf-8") as f:
                        f.write(texts[r])
                    aeb[r][key] = {"articleBody": rec["articleBody"], "url": f"https://{pid}.example/"}
                truth[pid] = rec
                meta[key] = {"source": rec["site"], "url": None, "lang": lang, "page_kind": kind,
                             "kind": "article" if rec["words"] >= 80 else "listing"}
    for r in rends:
        with open(os.path.join(out, r, "aeb", "dev", "truth.json"), "w", encoding="utf-8") as f:
            json.dump(aeb[r], f, ensure_ascii=False)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    kinds = Counter(m["page_kind"] for m in meta.values())
    print(f"{len(truth)} pages, renderings {rends}; short {sum(t['short'] for t in truth.values())}; "
          f"by kind {dict(kinds)}; by lang {dict(Counter(m['lang'] for m in meta.values()))}; "
          f"words/page median {sorted(t['words'] for t in truth.values())[len(truth) // 2]}")


# ------------------------------------------------------------------ score --
def _f1(rows):
    from boilerplate_eval import aeb_scores

    return aeb_scores(rows, [0] * len(rows))["F1"] if rows else float("nan")


def score(out, tree, rows, dump, options):
    stage = load_stage(tree, options, origin="kinds_set")
    from boilerplate_eval import aeb_scores

    meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
    res = {}
    for row in rows:
        pages = rendered(stage, out, row)
        if pages is None:
            print(f"{row}: no such rendering in {out}")
            continue
        for key, counts, text in pages:
            res.setdefault(row, {})[key] = counts
            if dump:
                os.makedirs(os.path.join(dump, row), exist_ok=True)
                with open(os.path.join(dump, row, key + ".out.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
    rnd = random.Random(0)
    print("F1 (aeb) by rendering; P/R overall; 95 % page-bootstrap interval")
    for row, per in res.items():
        rs = list(per.values())
        a = aeb_scores(rs, [0] * len(rs))
        bs = sorted(_f1([rs[rnd.randrange(len(rs))] for _ in rs]) for _ in range(1000))
        print(f"{row:5s} n={len(rs)} P={a['P']:.3f} R={a['R']:.3f} F1={a['F1']:.3f} [{bs[25]:.3f}, {bs[975]:.3f}]")
    for group in ("page_kind", "lang"):
        names = KIND_ORDER if group == "page_kind" else LANGS
        print(f"\n| {group} | n | " + " | ".join(res) + " |")
        print("|---|---|" + "---|" * len(res))
        for g in names:
            cells = []
            n = 0
            for row, per in res.items():
                rs = [v for k, v in per.items() if meta[k][group] == g]
                n = len(rs)
                cells.append(f"{_f1(rs):.3f}")
            print(f"| {g} | {n} | " + " | ".join(cells) + " |")
    if dump:
        with open(os.path.join(dump, "per_page.json"), "w", encoding="utf-8") as f:
            json.dump(res, f)


# ------------------------------------------------------------------ roles --
def roles(out, dump):
    """Failure modes of a dump: per rendering, the content lines lost (by kind) and the chrome
    kept (by role), with examples."""
    import re

    truth = json.load(open(os.path.join(out, "truth.json"), encoding="utf-8"))
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    for row in sorted(os.listdir(dump)):
        rdir = os.path.join(dump, row)
        if not os.path.isdir(rdir):
            continue
        lost, lost_n, kept, kept_n, ex_lost, ex_kept = Counter(), Counter(), Counter(), Counter(), defaultdict(list), defaultdict(list)
        pages_empty = Counter()
        for pid, rec in truth.items():
            f = os.path.join(rdir, pid + ".html.out.txt")
            if not os.path.exists(f):
                continue
            outn = " " + norm(open(f, encoding="utf-8").read()) + " "
            if not outn.strip():
                pages_empty[rec["kind"]] += 1
            for ln in rec["lines"]:
                lost_n[rec["kind"]] += 1
                if " " + norm(ln) + " " not in outn:
                    lost[rec["kind"]] += 1
                    if len(ex_lost[rec["kind"]]) < 6:
                        ex_lost[rec["kind"]].append(f"{pid}: {ln[:90]}")
            content = {norm(x) for x in rec["lines"]}
            seen = set()
            for role, text in rec["roles"]:
                t = norm(text)
                if role in ("content", "code") or not t or t in content or (role, t) in seen or len(t.split()) < 2:
                    continue
                seen.add((role, t))
                kept_n[role] += 1
                if " " + t + " " in outn:
                    kept[role] += 1
                    if len(ex_kept[role]) < 4:
                        ex_kept[role].append(f"{pid}: {text[:90]}")
        print(f"\n## {row}\ncontent lines lost by kind (lost/all; pages with empty output):")
        for k in KIND_ORDER:
            if lost_n[k]:
                print(f"  {k:9s} {lost[k]:4d}/{lost_n[k]:4d} ({lost[k] / lost_n[k]:.0%}) empty {pages_empty[k]}")
        print("chrome blocks (>= 2 words) kept by role (kept/all):")
        for role, n in kept_n.most_common():
            print(f"  {role:10s} {kept[role]:4d}/{n:4d} ({kept[role] / n:.0%})")
        print("examples lost:")
        for k in KIND_ORDER:
            for e in ex_lost[k][:3]:
                print("  -", e)
        print("examples kept:")
        for role in kept:
            for e in ex_kept[role][:2]:
                print(f"  + [{role}]", e)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--seed", type=int, default=44)
    b.add_argument("--per", type=int, default=2, help="pages per kind and language (11 kinds x 6 languages each)")
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("--tree", default=ROOT)
    s.add_argument("--rows", default="proj,w3m,lynx,html")
    s.add_argument("--dump", help="write each output to DUMP/<row>/<key>.out.txt and per_page.json")
    s.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    ro = sub.add_parser("roles")
    ro.add_argument("out")
    ro.add_argument("dump")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.out, a.seed, a.per)
    elif a.cmd == "score":
        score(a.out, os.path.abspath(a.tree), a.rows.split(","), a.dump, a.option)
    else:
        roles(a.out, a.dump)


if __name__ == "__main__":
    main()
