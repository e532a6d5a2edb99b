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
from .listing import PRICE
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
DEAL_REASON = 'shop button without a price ("View Deal", "Voir l\'offre", "Zum Angebot")'

#: a shop's button: (a product's name and a dash,) a price, a word "at" of a language and the
#: shop's name, capitalised or an address's, of one to three words ("$1,199 at Amazon",
#: "1 299 € chez Amazon", "2799 zł w Media Expert", "R$ 949 na Amazon", "Xiaomi 15 - 999 €
#: en Amazon")
_OFFER = re.compile(
    rf"(?:[^\W_][^\n]{{0,40}}?\s[-–—]\s)?(?:{PRICE})\s+"
    r"(?P<at>at|from|@|chez|bei|en|w|na|da|op|in|su|u|от|на)\s+"
    # (or a shop's name in lower case with a hyphen or a dot: "x-kom", "bol.com")
    r"(?:[A-Z0-9ÀÉÖÜ][\w'’.&-]*|(?P<address>[a-z]\w*[-.]\w[\w.-]*))(?:\s[\w'’.&-]+){0,2}"
)
#: the words of :data:`_OFFER` that mean "at a shop" alone; the others are also a place's
#: or a time's ("€1,450 in Munich", "$25 from March", "999 € en Madrid": an article's list
#: of prices, removed as buttons; read50 F2), a shop's only on a page with an affiliate
#: disclosure (:func:`disclosure`)
_OFFER_SHOP_WORDS = frozenset({"at", "@", "chez", "bei"})
#: an affiliate disclosure's wording: the links' ("affiliate links", "liens d'affiliation",
#: "linki afiliacyjne", "Affiliate-Links", "enlaces de afiliados") or the site's commission
#: ("may earn a commission", "pode receber comissão", "percevoir une commission")
_DISCLOSURE = re.compile(
    r"(?i)\baffiliate[-\s](?:links?|commissions?|partners?|programs?)\b"
    r"|\blinks? (?:d'|de |di )?affiliazione\b|\bliens? d['’]affiliation\b"
    r"|\blinki? afiliacyjn\w*|\benlaces? de afiliad\w*|\blinks? de afiliad\w*"
    # (Amazon's programme, in the words it gives its associates: "As an Amazon Associate I
    # earn from qualifying purchases", "… a participant in the Amazon Services LLC Associates
    # Program, an affiliate advertising program …", "En tant que Partenaire Amazon …",
    # "Als Amazon-Partner verdiene ich …", "Como Afiliado de Amazon …"; held-out boingboing
    # kept it under the article in all three renderings; s51 heldout51)
    # (with what it earns from: Amazon's warehouse staff are its "associates" too, "As an
    # Amazon associate, she packed 200 boxes an hour")
    r"|\bamazon services llc associates program\b|\baffiliate advertising program\b"
    r"|\bas an amazon associate\b[^.]{0,60}\bqualifying purchases"
    r"|\ben tant que partenaire amazon\b[^.]{0,60}\bachats"
    r"|\bals amazon[-\s]partner\b[^.]{0,60}\bverdien"
    r"|\bcomo afiliad[oa] de amazon\b[^.]{0,60}\b(?:ingresos|compras)"
    r"|\bin qualità di affiliat[oa] amazon\b[^.]{0,60}\bacquisti"
)
#: the site's commission ("may earn a commission", "pode receber comissão"): the site's
#: voice, it "may" earn ("the council will receive a commission's report"); a disclosure
#: only with what earns it, the reader's purchase or the links (:data:`_DISCLOSURE_BUYING`:
#: "advisers may earn a commission on every product they sell" is a finance article's
#: sentence; read50 F10)
_DISCLOSURE_EARN = re.compile(
    r"(?i)\b(?:may|might|can|could|pode|podemos|peut|pouvons|puede|può|possiamo|kann"
    r"|können|może|możemy)\s(?:\w+\s){0,2}(?:earn|receive|percevoir|recevoir|receber|recibir"
    r"|ricevere|erhalten|otrzyma\w*)\s(?:\w+\s){0,2}"
    r"(?:commissions?|comissão|comisión|commissione|provision|prowizj\w*)\b"
)
#: a deal's button without its price ("View Deal", "Check price", "Voir l'offre", "Zum
#: Angebot", "Ver oferta", "Sprawdź cenę"), a line of its own, an arrow after it maybe
_DEAL = re.compile(
    r"(?i)(?:(?:view|see|get|check|compare|shop)\s(?:the\s)?(?:deals?|prices?|offers?)"
    r"|shop now|buy now|voir (?:l['’]offre|le prix|les prix|les offres)|comparer les prix"
    r"|zum (?:angebot|deal|shop)|preis(?:e)? (?:prüfen|vergleichen)|jetzt kaufen"
    r"|ver (?:oferta|ofertas|precio|preço|preços)|comprar ahora|comprar agora"
    r"|sprawdź (?:cenę|ceny|ofertę)|vedi (?:offerta|prezzo)|scopri l['’]offerta"
    r"|bekijk (?:aanbieding|prijs|deal))\s?[›»→>]?"
)
_DISCLOSURE_BUYING = re.compile(
    r"(?i)\b(?:links?|liens?|enlaces?|linki?|collegament\w*|buy\w*|purchas\w*|bought|"
    r"compra\w*|achat\w*|achet\w*|acquist\w*|kauf\w*|gekauft|zakup\w*|kupuj\w*)\b"
)
#: the links alone of :data:`_DISCLOSURE_BUYING`: a page's own ("a Verge link", "dos links")
_DISCLOSURE_LINKS = re.compile(r"(?i)\b(?:links?|liens?|enlaces?|linki?|collegament\w*)\b")
#: the site's own voice, with a purchase and no link: "we", "us", "our", "this site" in the
#: languages of :data:`_DISCLOSURE_EARN` ("If you buy through them, we may earn a
#: commission"). "Advisers may earn a commission on the products you buy through them" is a
#: finance article's sentence (read51 F14)
_DISCLOSURE_VOICE = re.compile(
    r"(?i)\b(?:we|we're|us|our|this (?:site|website|page|article|post)|(?-i:I)|nous|notre|nos"
    r"|wir|uns|unser\w*|nosotros|nuestr[oa]s?|noi|nostr[aoi]|nós|noss[ao]s?|podemos|possiamo"
    r"|pouvons|możemy|my)\b"
)
#: the most words of a shop's button, and of a disclosure's line
_OFFER_WORDS = 8
#: the most characters of a deal's button ("Comparer les prix ›")
_DEAL_CHARS = 24
_DISCLOSURE_WORDS = 60
_DIGIT = re.compile(r"\d")
_DISCLOSURE_LETTERS = ("fil", "mis", "ovis", "owiz", "amazon")


#: quotation marks: a straight one (opens and closes), and those that open and close (no
#: single ones: "’" is an apostrophe too, "liens d’affiliation")
_QUOTE_OPEN, _QUOTE_CLOSE = "“„«", "”»"


def _quoted(line: str, a: int, b: int) -> bool:
    """Whether ``line[a:b]`` stands inside quotation marks: a quote opened before it and not
    closed, or one closed after it that opened on a line above (a wrapped paragraph's)."""
    before, after = line[:a], line[b:]
    if before.count('"') % 2 or after.count('"') % 2:
        return True
    opened = max((before.rfind(q) for q in _QUOTE_OPEN), default=-1)
    closed = max((before.rfind(q) for q in _QUOTE_CLOSE), default=-1)
    if opened > closed:
        return True
    closes = [k for q in _QUOTE_CLOSE if (k := after.find(q)) >= 0]
    opens = [k for q in _QUOTE_OPEN if (k := after.find(q)) >= 0]
    return bool(closes) and (not opens or min(closes) < min(opens))


def disclosure(line: str) -> bool:
    """Whether ``line`` is a site's affiliate disclosure ("If you buy something from a Verge
    link, Vox Media may earn a commission", "Cet article contient des liens d'affiliation").
    Its words quoted in a sentence are none ('Many sites rely on lines such as "As an Amazon
    Associate I earn from qualifying purchases" …': an article's; s52 regress R4)."""
    low = line.lower()
    # (the regex only where one of its words' letters are: "affil", "afil", "commission",
    # "comissão", "comisión", "Provision", "prowizja")
    return (
        # (spelt out: a generator over _DISCLOSURE_LETTERS doubled the test's cost)
        ("fil" in low or "mis" in low or "ovis" in low or "owiz" in low or "amazon" in low)
        and len(line.split(None, _DISCLOSURE_WORDS)) <= _DISCLOSURE_WORDS
        and (
            ((m := _DISCLOSURE.search(line)) is not None and not _quoted(line, m.start(), m.end()))
            or (
                _DISCLOSURE_EARN.search(line) is not None
                and _DISCLOSURE_BUYING.search(line) is not None
                and (
                    _DISCLOSURE_LINKS.search(line) is not None
                    or _DISCLOSURE_VOICE.search(line) is not None
                )
            )
        )
    )


def offer_match(line: str) -> re.Match[str] | None:
    """The match of :data:`_OFFER` on ``line`` stripped, when the line reads as a price at
    a shop ("$449 at Best Buy", "Xiaomi 15 - 999 € en Amazon"; a digit, at most
    :data:`_OFFER_WORDS` words), else None. The one test of :func:`offer_line`,
    :func:`shop_lines` and :func:`.service.service_chrome`'s shop (three copies before)."""
    # (split only as far as the bound: a paragraph is not cut into all its words)
    if _DIGIT.search(line) is None or len(line.split(None, _OFFER_WORDS)) > _OFFER_WORDS:
        return None
    return _OFFER.fullmatch(line.strip())


def offer_line(line: str) -> bool:
    """Whether ``line`` reads as a price at a shop (:func:`offer_match`), any word for "at"
    (one that is also a place's, "€1,450 in Munich", is a shop's where the line's place says
    so: under a review's verdict, :func:`.structures.tail_lists`)."""
    return offer_match(line) is not None


def shop_lines(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines (positions in ``lines``) that are a shop's button, a price at a shop
    (:data:`_OFFER`), or a site's affiliate disclosure (:func:`disclosure`), with their
    reasons: a review's or a buying guide's furniture, which the line model kept between
    the article's short lines (s49 acc-service S6). A price "in", "en", "w" a name is a
    shop's on a page with a disclosure only (:data:`_OFFER_SHOP_WORDS`)."""
    out: dict[int, str] = {}
    kept = [j for j, k in enumerate(keep) if k]
    # (gates on the kept text at once: a price has a digit, a disclosure one of its words'
    # letters; a character loop per line was ~8 % of the boilerplate stage on plain text)
    joined = "\n".join([lines[j] for j in kept])
    digits = _DIGIT.search(joined) is not None
    low = joined.lower()  # (once: not once per letters tried)
    letters = any(x in low for x in _DISCLOSURE_LETTERS)
    places: list[int] = []  # (a price "in", "en", "w" a name: a shop's with a disclosure)
    for j in kept:
        s = lines[j]
        if digits and (m := offer_match(s)) is not None:
            # (a shop written as its address, "x-kom", "bol.com", is no place nor time)
            if m["at"] in _OFFER_SHOP_WORDS or m["address"]:
                out[j] = OFFER_REASON
            else:
                places.append(j)
        elif len(s) <= _DEAL_CHARS and _DEAL.fullmatch(s):
            out[j] = DEAL_REASON
        elif letters and disclosure(s):
            out[j] = DISCLOSURE_REASON
    # (the disclosure may be among the lines the model removed already)
    if places and (
        DISCLOSURE_REASON in out.values()
        or any(disclosure(s) for s, k in zip(lines, keep, strict=True) if not k)
    ):
        out.update(dict.fromkeys(places, OFFER_REASON))
    return out


#: the reasons of the lines :func:`reading_widgets` finds
READ_TIME_REASON = 'read-time or listen widget ("5 min read", "Listen to this article")'
PAYWALL_LABEL_REASON = 'subscribers\' label ("Article réservé aux abonnés")'
#: a read time: figures and a minute's unit with a reading word before or after them ("5
#: min read", "Lesezeit: 4 Min.", "Leestijd 3 minuten", "Lecture 4 min.", "Temps de
#: lecture : 6 minutes", "Czas czytania: 5 min")
_MINUTES = r"\d{1,3}\s?(?:min(?:s|ute|utes|uten|uti|utos|ut|uty)?\.?|mn)"
_READ_WORDS = (
    r"(?:reading time|read time|lesezeit|lesedauer|leestijd|leesduur|temps de lecture|lecture"
    r"|tempo di lettura|lettura|tempo de leitura|leitura|tiempo de lectura|lectura"
    r"|czas czytania|czytanie)"
)
READ_TIME = re.compile(
    rf"(?i)(?:{_READ_WORDS}\s?:?\s?(?:ca\.\s?)?{_MINUTES}"
    rf"|{_MINUTES}\s(?:read|reading|de lecture|lesen|lesezeit|leestijd|di lettura|de leitura"
    r"|de lectura|czytania))"
)
#: a listen-to-the-article button ("Listen to this article", "Écouter cet article",
#: "Ascolta l'articolo", "Ouça este artigo", "Artikel anhören", "Posłuchaj artykułu"), its
#: duration after it maybe
_LISTEN = re.compile(
    r"(?i)(?:listen to (?:this|the) (?:article|story)|listen|écouter (?:cet |l['’])article"
    r"|ascolta (?:l['’]|questo )articolo|ouça (?:este|o) artigo|ouvir (?:este|o) artigo"
    r"|escucha(?:r)? (?:este|el) artículo|escúchalo|artikel (?:anhören|vorlesen(?: lassen)?)"
    r"|posłuchaj(?: artykułu)?|luister naar (?:dit|het) artikel|beluister dit artikel)"
    rf"(?:\s?[-–—·|:]?\s?{_MINUTES})?"
)
#: a lone duration ("3 min") right under a listen button: the recording's length
_LONE_MINUTES = re.compile(rf"(?i){_MINUTES}")
#: a subscribers-only label ("Article réservé aux abonnés", "Nur für Abonnenten")
_SUBSCRIBERS = re.compile(
    r"(?i)(?:article |artículo |articolo |artigo )?(?:réservé aux abonnés|exclusivo para "
    r"(?:suscriptores|assinantes)|riservato agli abbonati|nur für abonnenten"
    r"|subscribers? only|for subscribers|exclusief voor abonnees|tylko dla prenumeratorów)"
)
#: the most characters of such a widget's line
_WIDGET_CHARS = 40
#: the marks a theme sets before a read time ("— 6 min de lecture", "· 4 min read")
_WIDGET_LEAD = "-–—·|• \t"
#: a blog's post footer: its author and the time of day it was posted ("Posted by Ray
#: Whitford at 10:14 AM", "Eingestellt von X um 18:40 Uhr", Blogger's template in its
#: languages): no sentence of the post (s51 acc-blogs B11); the names are the post's
#: author (``names``, :func:`corearchive_plugins.metadata.text.blog_byline_names`: the
#: one pattern of the footer, which the two stages wrote each in its own way)
POSTED_AT = re.compile(
    r"(?i)\s*(?:posted|publicado|postado|publicada|veröffentlicht|gepostet|eingestellt|publié"
    r"|pubblicato|geplaatst|opublikowany|opublikowano)\s+(?:by|por|von|par|da|door|przez)\s+"
    r"(?P<names>[^\n]+?)\s+(?:at|às|a\s+las?|en|um|à|alle|om|o)\s+\d{1,2}[:.h]\d{2}"
    r"(?:\s*(?:[ap]\.?\s?m\.?|uhr))?\s*"
)
#: the most characters of a post footer's line
_POSTED_CHARS = 90
POSTED_AT_REASON = 'blog post\'s footer byline with its time ("Posted by X at 10:14 AM")'


def reading_widgets(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines (positions in ``lines``) that are a page's read-time or listen widget
    or a subscribers' label, a line of their own, with their reasons: the line model kept
    them next to the headline or the first paragraph, no cue word among their words (s49
    acc-service S10: "Leestijd 3 minuten", "Ascolta l'articolo" / "3 min", "Ouça este
    artigo", "Article réservé aux abonnés")."""
    out: dict[int, str] = {}
    listen = False
    for j, (s, k) in enumerate(zip(lines, keep, strict=True)):
        was, listen = listen, False
        if k and len(s) <= _POSTED_CHARS and POSTED_AT.fullmatch(s):
            out[j] = POSTED_AT_REASON
            continue
        s = s.lstrip(_WIDGET_LEAD) if s[:1] in _WIDGET_LEAD else s
        if len(s) > _WIDGET_CHARS:
            continue
        if not k:  # (a removed listen button still has its duration under it)
            listen = _LISTEN.fullmatch(s) is not None
            continue
        if _LISTEN.fullmatch(s):
            listen = True
            reason = READ_TIME_REASON
        elif READ_TIME.fullmatch(s) or (was and _LONE_MINUTES.fullmatch(s)):
            reason = READ_TIME_REASON
        elif _SUBSCRIBERS.fullmatch(s):
            reason = PAYWALL_LABEL_REASON
        else:
            continue
        out[j] = reason
    return out


#: Why the lines under a blog post's footer byline left the text
POST_FOOTER_TAIL_REASON = (
    "under the blog post's footer byline (share buttons, comments, navigation, footer)"
)
#: The fewest words of a kept line under a post's footer byline that the model's decision
#: stands for (a next post's paragraph on a blog's front page, a long comment)
_TAIL_PARA_WORDS = 12


def post_footer_tail(lines: Sequence[str], keep: Sequence[bool], footers: list[int]) -> list[int]:
    """The kept lines of ``lines`` (stripped; ``keep``: what the text keeps) under the one
    row of ``footers``, the rows of a blog post's footer byline ("Postado por Helena Duarte às
    15:32": :data:`POSTED_AT`), up to the first kept paragraph (:data:`_TAIL_PARA_WORDS`
    words or more). Blogger's template ends the post's body with that byline; what its page
    writes under it is the post's share buttons, the readers' comments, the pager and the
    blog's footer ("Enviar por e-mail", "2 comentários:", "Página inicial", "Tema Simples.
    Tecnologia do Blogger."), whatever its language: the model kept some of them where it
    knew no word of them (s51 acc-blogs B18)."""
    if len(footers) != 1:
        # (a blog's front page has a footer under each post, the next post under it)
        return []
    out = []
    for j in range(footers[0] + 1, len(lines)):
        if not keep[j] or not lines[j]:
            continue
        if len(lines[j].split()) >= _TAIL_PARA_WORDS:
            break
        out.append(j)
    return out
