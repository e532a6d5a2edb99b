"""The chrome that a site's software writes around a page's own text, told by its wording.

Wikis, recipe cards and forum boards write the same lines on every page of every site that
runs them, in the site's language; a page's text keeps them as its own lines, next to the
text they frame, where the line model reads them as the text's (s42 acc-pages F3, F10, F13:
a MediaWiki page's text kept "From Wikipedia, the free encyclopedia", its contents, "[edit]",
'Retrieved from "https://…"', its categories and "This page was last edited on …"; a
recipe's "Jump to Recipe Print Recipe" and "4.86 from 35 votes"; a thread's "Posts: 4,218",
"Joined: Mar 2014" under each post). Their wording is a closed vocabulary:

* a wiki's tagline ("From Wikipedia, the free encyclopedia"), its footer's source link
  (a label and the page's address in quotes: 'Retrieved from "https://…"') and last-edit
  line, its sections' edit links ("[edit]", "[Bearbeiten | Quelltext bearbeiten]") and the
  categories under the text (a "Categories:" label and the short lines after it to the
  text's end);
* a table of contents: a label ("Contents", "Inhaltsverzeichnis") and two or more numbered
  items each of which names a later line of the text, its heading ("1 History", "2.1 Early
  years");
* a recipe card's buttons, one or more on a line with one that names the recipe ("Jump to
  Recipe Print Recipe", "Vai alla ricetta Stampa"), and its vote count ("4.86 from 35
  votes");
* a poster's profile line under each post ("Posts: 4,218", "Registriert: Fr 12. Aug 2011",
  "- rural_toni: Regular; Mensajes: 812; Registrado: 03 Feb 2019"): a label and a number or
  date, two such entries in the text at least (a profile has two, a thread two posts; a
  fact box's single "Registered: 1998" is the text's).

:func:`software_chrome` finds them in a text's lines. The text path removes them after the
line model (``boilerplate._drop_software_chrome``), the HTML path from trafilatura's text.
The wiki's last-edit date stays the metadata stage's evidence (it reads the removed lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, pairwise

from corearchive import lazyre as re

from .lines import LINE_ENDS, NETWORKS
from .reflow import BROWSER_BUTTON, GLUED_BAR_CHARS, GLUED_BAR_SPACE

#: the reasons of the lines :func:`software_chrome` finds
WIKI_REASON = "wiki software's chrome (tagline, edit link, source link, categories, last edit)"
CONTENTS_REASON = "table of contents (its items are the text's headings)"
RECIPE_REASON = "recipe card's button or vote count"
PROFILE_REASON = "poster's profile line under a post (posts, joined)"
BUTTONS_REASON = "a text browser's buttons (lynx's \"(BUTTON) Share\")"
COUNTER_REASON = 'gallery\'s counter over a picture ("1 of 6")'
GLUED_SHARE_REASON = 'share bar written without spaces ("ShareFacebookXWhatsApp")'
FORM_REASON = 'a text browser\'s form: a text field and its button ("____ (BUTTON) Subscribe")'

_TAGLINE = re.compile(
    r"(?i:from|aus|de|da|uit|un article de|desde)\s+[^,]{2,40},\s+(?:\S+\s+){0,2}"
    r"\S*?(?i:encyclop|enzyklop|enciclop)\w*(?:\s+\w+)?"
)
_CATEGORY_LABEL = (
    r"(?i:categories|category|kategorien|kategorie|catégories?|categorías?|categorie|categoria"
    r"|categorieën)\s?:"
)
_CATEGORIES = re.compile(_CATEGORY_LABEL)
#: a line that ends with the label (a source link w3m joined to it)
_LABEL_END = re.compile(rf"\s{_CATEGORY_LABEL}$")
#: the categories' label is among the text's last lines
_CATEGORY_LINES = 12
#: a wiki footer's source link: a label of up to three words and the page's address in
#: quotes ('Retrieved from "https://…"', 'Abgerufen von „https://…“')
_SOURCE_LINK = re.compile(
    r"(?:[^\W\d_]+\s){1,3}\s*[\"„“«‚']\s?https?://[^\"„“”«»]+[\"“”»‘’']"
    + rf"(?:\s{_CATEGORY_LABEL})?"
)
_LAST_EDIT = re.compile(
    r"(?i:this page was last (?:edited|modified)|diese seite wurde zuletzt"
    r"|la dernière modification de cette page|esta página se editó por última vez"
    r"|questa pagina è stata modificata per l'ultima volta|deze pagina is (?:voor het )?laatst"
    r" bewerkt)\b.{0,80}"
)
_LAST_EDIT_FIRST = frozenset("TtDdLlEeQq")
_EDIT_LINK = re.compile(
    r"\[\s*(?i:edit|edit source|bearbeiten|modifier|editar|modifica|bewerken)"
    r"(?:\s*\|\s*[^\]|]{1,30})?\s*\]"
)
#: a section heading (no brackets) and its edit link, and the fewest such on a page
_HEADING_EDIT = re.compile(rf"([^\[\]]{{1,80}}?)\s?{_EDIT_LINK.pattern}")
_HEADING_WORDS = 10
_MIN_EDIT_LINKS = 2
#: the most words of a category's line after the label
_CATEGORY_WORDS = 8
_CONTENTS = frozenset(
    (
        "contents", "table of contents", "inhaltsverzeichnis", "inhalt", "sommaire",
        "índice", "indice", "inhoud", "contenido", "contenuti", "indice dei contenuti",
    )
)  # fmt: skip
#: a table of contents' item: its number and the heading it names. Not a list item's number
#: (:data:`.reflow.NUMBERED_ITEM`): a contents' number goes down levels ("2.1.3 Scope") and
#: may have no stop ("2 History"), as no list's item is read
_TOC_ITEM = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,80})")
_MIN_TOC_ITEMS = 2
_RECIPE_WORDS = r"(?:recipe|ricetta|recette|rezept|receta|recept|receita)"
_BUTTON = (
    r"(?:(?:jump|skip|go) to (?:the )?recipe|(?:print|pin|save|rate)(?: this)?(?: recipe)?"
    r"|(?:vai|salta) alla ricetta|stampa(?: (?:la )?ricetta)?|aller à la recette"
    r"|imprimer(?: la recette)?|zum rezept(?: springen)?|rezept (?:drucken|merken)|drucken"
    r"|(?:ir|saltar) a la receta|imprimir(?: (?:la )?receta)?|naar (?:het )?recept"
    r"|recept printen|printen)"
)
_BUTTONS = re.compile(rf"(?i:{_BUTTON}(?:\s*[|·•]?\s*{_BUTTON}){{0,3}})")
_RECIPE = re.compile(_RECIPE_WORDS, re.I)
_VOTE_WORDS = (
    r"(?i:votes?|stimmen|votos?|voti|stemmen|ratings?|bewertungen|avis|valoraciones|reviews?"
    r"|évaluations?|valutazioni|beoordelingen|avaliações|оцен(?:ок|ки|ка)|голос(?:ов|а)?"
    r"|głos(?:ów|y)?|ocen(?:y)?)"
)
#: a count of votes, its thousands grouped by a space as French and Polish write them
#: ("2 415 avis", s49 acc-service S13), or by a dot or comma
_VOTE_COUNT = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d[\d.,]*)"
#: readers' votes on a recipe card: a score ("4.86", "4,6 von 5 Sternen", after a label:
#: "Valoración: 4,9") and the number of votes, after "from" or in brackets ("from 35 votes",
#: "(212 Bewertungen)"): the readers', not a review's rating (the German and Spanish cards'
#: forms were kept, s44 acc-genres G16)
_VOTES = re.compile(
    r"(?:(?i:rating|bewertung|valoraci[oó]n|note|nota|voto|valutazione|beoordeling|ocena|оценка)"
    r"\s?:\s*)?\d(?:[.,]\d{1,2})?"
    r"(?:\s*(?:/|(?i:von|de|sur|of|out of|su|van|z|из))\s*(?:5|10)"
    r"(?:\s+(?i:stars?|sternen?|estrellas?|étoiles?|stelle|sterren|звёзд|звезд))?)?"
    r"(?:\s+(?i:from|von|de|da|su|sur|van|aus|z|из)\s+"
    + _VOTE_COUNT
    + r"\s+"
    + _VOTE_WORDS
    + r"|\s*\("
    + _VOTE_COUNT
    + r"\s+"
    + _VOTE_WORDS
    + r"\))"
)
#: a text browser's buttons, as lynx writes a share bar: "(BUTTON) Share (BUTTON) Tweet",
#: a label of up to four words after each mark, and a wrapped bar's last words before the
#: first ("X (BUTTON) Envoyer par e-mail"); lynx's mark is the browser's, never the page's
#: words (the bars were kept in seven records, in Spanish, French and Russian: s44
#: acc-genres G11). The leading words hold no digit or currency sign: a shop writes each
#: price before its cart button ("23,90 € (BUTTON) In den Warenkorb"), and the price is
#: the page's (every price of 20 shop pages went with its button: s45 acc-regress R1)
_BAR_WORD = r"[^\d\s$¢£¤¥\u20a0-\u20cf]+"
#: the bar itself: its marks, each with a label of up to four words, and a last mark alone
_BAR = (
    rf"{BROWSER_BUTTON}(?: (?!\()\S+){{1,4}}"
    rf"(?: {BROWSER_BUTTON}(?: (?!\()\S+){{1,4}})*(?: {BROWSER_BUTTON})?"
)
_BROWSER_BUTTONS = re.compile(rf"(?:{_BAR_WORD}(?: {_BAR_WORD}){{0,2}} )?{_BAR}")
#: a form as lynx writes it: a text field (its underscores, a quantity's or a search's value
#: before them) and a button after it, at the line's end, with its label's words before:
#: "1___________________ (BUTTON) In den Warenkorb", "Restez informé : abonnez-vous à notre
#: newsletter. ____________________ (BUTTON) S'inscrire". The button's label is the shop's
#: or the sign-up's, and stayed as a price's, a prompt's tail (s45 acc-regress R1)
#: (the lookbehind starts the underscores at their run's first: a search from every
#: underscore of a long run, each backtracking through the rest, was quadratic: s47 read F4)
_FIELD_BUTTONS = re.compile(
    rf"(?<!_)_{{8,}} {BROWSER_BUTTON}(?: (?!\()\S+){{0,4}}"
    rf"(?: {BROWSER_BUTTON}(?: (?!\()\S+){{1,4}})*$"
)
#: a gallery's counter over each picture ("1 of 6", "Photo 2 / 5", "Bild 3 von 12"): a
#: picture's number, its scale word and their count, after a picture's word at most (and an
#: image's placeholder, as w3m writes one: "[gallery_en]1 of 6"). Not a how-to's or a
#: quiz's "Step 1 of 3", "Question 2 of 10" (s45 read F17)
_COUNTER = re.compile(
    r"(?:\[[^\]]{0,40}\]\s*)?(?:(?i:photo|foto|bild|image|imagen|immagine|picture|pic|slide|"
    r"diapositive|diapositiva|galerie|gallery|galer[ií]a|фото|снимок)\w{0,3}\s+)?"
    r"(\d{1,3})\s*(?:/|(?i:of|von|de|sur|su|van|из|z))\s*(\d{1,3})"
)
#: the fewest counters of a gallery, in order (one "1 of 6" may be a list's)
_MIN_COUNTERS = 2
_PROFILE_LABEL = (
    r"(?:posts|beiträge|mensajes|messages|messaggi|berichten|joined|registered|registriert"
    r"|registrado|inscrit(?: le)?|inscription|iscritto|member since|mitglied seit"
    r"|miembro desde|lid sinds)"
)
#: a profile's entry: its label and a number or a date of up to five words
_PROFILE_ENTRY = re.compile(
    rf"(?i:{_PROFILE_LABEL})\s?:\s*(?=[^;|]*\d)[^\s;|:]+(?:\s[^\s;|:]+){{0,4}}"
)
#: a profile line: its entries, after the poster's name and rank ("- rural_toni: Regular;")
_PROFILE_LINE = re.compile(
    rf"(?:[-*•]\s*)?(?:[\w.-]{{1,32}}:\s[^;|:]{{1,30}}[;|]\s*)?{_PROFILE_ENTRY.pattern}"
    rf"(?:\s*[;|·]\s*{_PROFILE_ENTRY.pattern})*"
)
_MIN_PROFILE_ENTRIES = 2
#: the longest line of chrome (a last-edit line with its time), of a recipe's buttons, of
#: a gallery's counter
_CHROME_CHARS = 160
_BUTTONS_CHARS = 80
_COUNTER_CHARS = 60
#: A share bar's words that a text browser writes as one word when the page put no space
#: between its links ("ShareFacebookXWhatsAppEmailCopy link",
#: "ПоделитьсяВКонтактеОдноклассникиTelegram", "شاركفيسبوكتويترواتساب"; s45 acc-wire
#: W11): the networks, and the call to share in the languages of the lexicon's networks
_GLUED_NETWORKS = frozenset((*NETWORKS, "messenger", "line", "はてなブックマーク", "qq空间"))
_GLUED_WORDS = (
    *_GLUED_NETWORKS, "e-mail", "email", "share", "teilen", "partager", "compartir",
    "condividi", "delen", "partilhar",
    "compartilhar", "udostępnij", "поделиться", "поділитися", "paylaş", "bagikan", "شارك",
    "शेयर करें", "공유하기", "シェア", "分享",
)  # fmt: skip
_GLUED = re.compile(
    "|".join(map(re.escape, sorted(set(_GLUED_WORDS), key=len, reverse=True))), re.I
)
#: the words and characters left of such a line without those words (a "Copy link"
#: button's, "Copier le lien", "نسخ الرابط"; its most characters and its first space:
#: :data:`.reflow.GLUED_BAR_CHARS`, :data:`.reflow.GLUED_BAR_SPACE`)
_GLUED_REST_WORDS = 3
_GLUED_REST_CHARS = 20


def _toc_item(lines: Sequence[str], k: int, later: dict[str, int]) -> bool:
    """Whether line ``k`` is a numbered item that names a later line (``later``: each
    line's last place, edit links aside)."""
    m = _TOC_ITEM.fullmatch(lines[k])
    return m is not None and later.get(m[2], -1) > k


def _toc(lines: Sequence[str], numbered: Sequence[int]) -> list[int]:
    """The lines of a table of contents: runs of :data:`_MIN_TOC_ITEMS` numbered items or
    more each of which names a later line (its heading, with or without an edit link), with
    a label of :data:`_CONTENTS` right over the run. A run starts at a line of ``numbered``
    (the kept lines that start with a digit)."""
    n = len(lines)
    # (one next to another numbered line: most texts have none, and the lines' index below
    # is built only for those that do)
    starts = [
        j
        for j in numbered
        if (j + 1 < n and lines[j + 1][:1].isdigit()) or (j and lines[j - 1][:1].isdigit())
    ]
    if not starts:
        return []
    found: list[int] = []
    later: dict[str, int] | None = None
    done = -1
    for j in starts:
        if j <= done or not _TOC_ITEM.fullmatch(lines[j]):
            continue
        if later is None:  # (the text's lines, by their last place: read once, on need)
            later = {s: i for i, s in enumerate(lines)}
            later.update(
                (_EDIT_LINK.sub("", s).rstrip(), i) for i, s in enumerate(lines) if s[-1:] == "]"
            )
        first, k = j, j
        while first and _toc_item(lines, first - 1, later):  # (its first items, removed)
            first -= 1
        while k < n and _toc_item(lines, k, later):
            k += 1
        done = k
        if k - first >= _MIN_TOC_ITEMS:
            found += range(first, k)
            if first and lines[first - 1].lower() in _CONTENTS:
                found.append(first - 1)
    return found


def _categories(lines: Sequence[str], keep: Sequence[bool], found: dict[int, str]) -> list[int]:
    """A wiki's categories under its text: the last line among the text's last kept lines
    that is a label of :data:`_CATEGORIES` (alone, with the categories after it, or after
    the source link, as w3m joins them), and the kept lines after it, each short and no
    sentence (lines of ``found``, the chrome, aside); the label when it is kept."""
    kept = [i for i, k in enumerate(keep) if k]
    start = kept[-_CATEGORY_LINES] if len(kept) >= _CATEGORY_LINES else 0
    for i in range(len(lines) - 1, start - 1, -1):
        if _CATEGORIES.match(lines[i]) is None and not (i in found and _LABEL_END.search(lines[i])):
            continue
        tail = [t for t in kept if t > i and t not in found]
        if len(lines[i].split()) > 2 * _CATEGORY_WORDS or any(
            len(lines[t].split()) > _CATEGORY_WORDS or lines[t].endswith(LINE_ENDS) for t in tail
        ):
            return []
        return [i, *tail] if keep[i] else tail
    return []


def _gallery_counters(counters: Sequence[tuple[int, int, int]]) -> list[int]:
    """The lines of ``counters`` (line, picture's number, their count) that are a gallery's:
    :data:`_MIN_COUNTERS` or more of one count, their numbers rising within it, one of
    them the first picture's ("1 of 6", "2 of 6", …). A list's "3 of 10" alone, or scores
    ("4/5", "3/5"), are none."""
    by_count: dict[int, list[tuple[int, int]]] = {}
    for j, k, total in counters:
        if 1 <= k <= total:
            by_count.setdefault(total, []).append((j, k))
    out: list[int] = []
    for run in by_count.values():
        numbers = [k for _, k in run]
        if (
            len(run) >= _MIN_COUNTERS
            and numbers[0] == 1
            and all(a < b for a, b in pairwise(numbers))
        ):
            out.extend(j for j, _ in run)
    return out


def glued_bar(line: str) -> bool:
    """Whether ``line`` is a share bar written as one word: three of its words or more
    (:data:`_GLUED_WORDS`, two of them a network's), two of them with no space between,
    and little else (a "Copy link" button's words)."""
    found = list(_GLUED.finditer(line))
    if len(found) < 3 or not any(a.end() == b.start() for a, b in pairwise(found)):
        return False
    if sum(m[0].lower() in _GLUED_NETWORKS for m in found) < 2:
        return False
    # (the line without those words, each a space: what _GLUED.sub(" ", line) gives, from
    # the matches at hand)
    starts = (*(m.start() for m in found), len(line))
    gaps = zip((0, *(m.end() for m in found)), starts, strict=True)
    rest = " ".join(line[a:b] for a, b in gaps)
    return len(rest.split()) <= _GLUED_REST_WORDS and len(rest.strip()) <= _GLUED_REST_CHARS


def software_chrome(lines: Sequence[str], keep: Sequence[bool] | None = None) -> dict[int, str]:
    """The lines of ``lines`` (a text's, stripped) that a wiki's, a recipe card's or a
    forum's software wrote (see the module's docstring), by index, each with its reason.
    ``keep``: the lines still in the text (all when None); only those are looked at (the
    line model has removed most of a page's lines: every text comes here)."""
    n = len(lines)
    kept = range(n) if keep is None else list(compress(range(n), keep))
    keep = [True] * n if keep is None else keep
    found: dict[int, str] = {}
    profiles: list[int] = []
    numbered: list[int] = []
    counters: list[tuple[int, int, int]] = []
    entries = 0
    for j in kept:
        line = lines[j]
        if len(line) > _CHROME_CHARS:
            continue
        first = line[:1]
        if first.isdigit():
            numbered.append(j)
        if first == "[":
            wiki = _EDIT_LINK.fullmatch(line) is not None
        else:
            wiki = bool(
                ("//" in line and _SOURCE_LINK.fullmatch(line))
                or ("," in line and _TAGLINE.fullmatch(line))
                or (first in _LAST_EDIT_FIRST and _LAST_EDIT.fullmatch(line))
            )
        if wiki:
            found[j] = WIKI_REASON
        elif ((first.isdigit() or ":" in line) and _VOTES.fullmatch(line)) or (
            len(line) <= _BUTTONS_CHARS and _RECIPE.search(line) and _BUTTONS.fullmatch(line)
        ):
            found[j] = RECIPE_REASON
        elif "(" in line and _BROWSER_BUTTONS.fullmatch(line):
            found[j] = BUTTONS_REASON
        elif "__ (" in line and _FIELD_BUTTONS.search(line):
            found[j] = FORM_REASON
        elif (
            len(line) <= GLUED_BAR_CHARS
            and not 0 <= line.find(" ") < GLUED_BAR_SPACE
            and glued_bar(line)
        ):
            found[j] = GLUED_SHARE_REASON
        elif len(line) <= _COUNTER_CHARS and (m := _COUNTER.fullmatch(line)):
            counters.append((j, int(m[1]), int(m[2])))
        elif ":" in line and _PROFILE_LINE.fullmatch(line):
            profiles.append(j)
            entries += len(_PROFILE_ENTRY.findall(line))
    found.update(dict.fromkeys(_gallery_counters(counters), COUNTER_REASON))
    if entries >= _MIN_PROFILE_ENTRIES:
        found.update(dict.fromkeys(profiles, PROFILE_REASON))
    if WIKI_REASON in found.values():  # (a blog's "Categories:" line is its own)
        found.update(dict.fromkeys(_categories(lines, keep, found), WIKI_REASON))
    if numbered:
        found.update(dict.fromkeys(_toc(lines, numbered), CONTENTS_REASON))
    return found


#: a text browser's button bar at a line's end, after the page's words ("23,90 € (BUTTON) In
#: den Warenkorb"): the marks and their labels, as :data:`_BROWSER_BUTTONS` reads a bar.
#: The spaces before it are matched from their run's first only (the lookbehind): a search
#: that starts at every space of a long run, each backtracking through the rest of it, took
#: ~1 s on a 10,000-space line (s47 read F4); the leftmost match is the same
_BAR_AT_END = re.compile(rf"(?<!\s)\s+{_BAR}$")


def without_button_bars(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines of ``lines`` (stripped; ``keep``: those still in the text) that end
    with a text browser's button bar after the page's own words, by index, each without the
    bar: a shop's price before its cart button ("23,90 € (BUTTON) In den Warenkorb" ->
    "23,90 €"). The price is the page's, the button's label lynx's rendering of a control;
    the line was kept with the label as its tail (s45 acc-regress R1)."""
    out: dict[int, str] = {}
    for j in compress(range(len(lines)), keep):
        line = lines[j]
        if "(" in line and _BROWSER_BUTTON_AT.search(line) and (m := _BAR_AT_END.search(line)):
            head = line[: m.start()].rstrip()
            if head and not _BROWSER_BUTTON_AT.search(head):
                out[j] = head
    return out


#: a button's mark anywhere in a line
_BROWSER_BUTTON_AT = re.compile(BROWSER_BUTTON)


def without_edit_links(lines: Sequence[str], keep: Sequence[bool] | None = None) -> dict[int, str]:
    """The kept lines of ``lines`` (stripped; ``keep``: those still in the text, all when
    None) that are a wiki's section heading with its edit link after it ("History[edit]",
    "Geschichte [Bearbeiten | Quelltext bearbeiten]"), by index, each as the heading alone;
    when :data:`_MIN_EDIT_LINKS` such headings or more are kept (a wiki has one at each
    section; a single bracketed "[edit]" may be the text's)."""
    kept = range(len(lines)) if keep is None else compress(range(len(lines)), keep)
    heads = {
        j: m[1]
        for j in kept
        if lines[j].endswith("]")
        and (m := _HEADING_EDIT.fullmatch(lines[j])) is not None
        and len(m[1].split()) <= _HEADING_WORDS
    }
    return heads if len(heads) >= _MIN_EDIT_LINKS else {}


#: the reasons of the lines :func:`shop_lines` finds
OFFER_REASON = 'shop button: a price and a shop ("$1,199 at Amazon", "1 299 € chez Amazon")'
DISCLOSURE_REASON = "affiliate disclosure (the site earns a commission on links)"

#: a price (an amount and its currency before or after it, a space or none between; the
#: thousands parted by a space as French and Polish write them: "1 299 €")
_OFFER_PRICE = (
    r"(?:[$€£¥₹₩]|US\$|R\$|CHF|EUR|USD|GBP|zł|kr|Kč|Ft|lei)\s?\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})*"
    r"(?:[.,]\d{1,2})?|(?:\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+|\d+)(?:[.,]\d{1,2})?\s?"
    r"(?:[$€£¥₹₩]|CHF|EUR|USD|GBP|zł|kr|Kč|Ft|lei)"
)
#: a shop's button: (a product's name and a dash,) a price, a word "at" of a language and the
#: shop's name, capitalised, of one to three words ("$1,199 at Amazon", "1 299 € chez
#: Amazon", "2799 zł w Media Expert", "R$ 949 na Amazon", "Xiaomi 15 - 999 € en Amazon")
_OFFER = re.compile(
    rf"(?:[^\W_][^\n]{{0,40}}?\s[-–—]\s)?(?:{_OFFER_PRICE})\s+"
    r"(?:at|from|@|chez|bei|en|w|na|da|op|in|su|u|от|на)\s+"
    r"[A-Z0-9ÀÉÖÜ][\w'’.&-]*(?:\s[\w'’.&-]+){0,2}"
)
#: an affiliate disclosure's wording: the links' ("affiliate links", "liens d'affiliation",
#: "linki afiliacyjne", "Affiliate-Links", "enlaces de afiliados") or the site's commission
#: ("may earn a commission", "pode receber comissão", "percevoir une commission")
_DISCLOSURE = re.compile(
    r"(?i)\baffiliate[-\s](?:links?|commissions?|partners?|programs?)\b"
    r"|\blinks? (?:d'|de |di )?affiliazione\b|\bliens? d['’]affiliation\b"
    r"|\blinki? afiliacyjn\w*|\benlaces? de afiliad\w*|\blinks? de afiliad\w*"
    # (the site's voice: it "may" earn; "the council will receive a commission's report")
    r"|\b(?:may|might|can|could|pode|podemos|peut|pouvons|puede|può|possiamo|kann"
    r"|können|może|możemy)\s(?:\w+\s){0,2}(?:earn|receive|percevoir|recevoir|receber|recibir"
    r"|ricevere|erhalten|otrzyma\w*)\s(?:\w+\s){0,2}"
    r"(?:commissions?|comissão|comisión|commissione|provision|prowizj\w*)\b"
)
#: the most words of a shop's button, and of a disclosure's line
_OFFER_WORDS = 8
_DISCLOSURE_WORDS = 60
_DISCLOSURE_LETTERS = ("fil", "mis", "ovis", "owiz")


def disclosure(line: str) -> bool:
    """Whether ``line`` is a site's affiliate disclosure ("If you buy something from a Verge
    link, Vox Media may earn a commission", "Cet article contient des liens d'affiliation")."""
    low = line.lower()
    # (the regex only where one of its words' letters are: "affil", "afil", "commission",
    # "comissão", "comisión", "Provision", "prowizja")
    return (
        # (spelt out: a generator over _DISCLOSURE_LETTERS doubled the test's cost)
        ("fil" in low or "mis" in low or "ovis" in low or "owiz" in low)
        and len(line.split()) <= _DISCLOSURE_WORDS
        and _DISCLOSURE.search(line) is not None
    )


def shop_lines(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines (positions in ``lines``) that are a shop's button, a price at a shop
    (:data:`_OFFER`), or a site's affiliate disclosure (:func:`disclosure`), with their
    reasons: a review's or a buying guide's furniture, which the line model kept between
    the article's short lines (s49 acc-service S6)."""
    out: dict[int, str] = {}
    for j, (s, k) in enumerate(zip(lines, keep, strict=True)):
        if not k:
            continue
        # (the word count first: most kept lines are prose, longer than a button)
        if len(s.split()) <= _OFFER_WORDS and any(map(str.isdigit, s)) and _OFFER.fullmatch(s):
            out[j] = OFFER_REASON
        elif disclosure(s):
            out[j] = DISCLOSURE_REASON
    return out
