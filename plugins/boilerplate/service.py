"""Service pages' chrome in plain text: a recipe's shopping-list and cart buttons, a test
magazine's unlock button, a podcast's follow button, a video's bare duration, a contents
label over a contents list already removed, a price at one of the big shops.

The line model keeps these short lines between a recipe's or a review's short structures
(ingredient lists, pros and cons) and no cue word among their words marks them (s49
acc-service S6/S10, left by service50). Each rule reads a whole line of its own; none
reads a word inside a sentence, so no article sentence is touched.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corearchive import lazyre as re

from .chrome import _SUBSCRIBERS, offer_match
from .listing import PRICE
from .reflow import RUNNING_TIME

if TYPE_CHECKING:
    from lxml.html import HtmlElement


#: the reasons of the lines :func:`service_chrome` finds
CART_REASON = 'shopping-list, cart or favourites button ("Einkaufsliste", "Add to cart")'
UNLOCK_REASON = 'paywall unlock button ("Jetzt freischalten")'
FOLLOW_REASON = 'follow button alone ("Follow", "Seguir")'
PRICE_REASON = "a button's price alone"
DURATION_REASON = "a video's or an episode's duration alone"
CONTENTS_REASON = "contents label over a removed contents list"
PICK_REASON = 'product box label over its offers ("Our pick: …")'
PLATFORM_REASON = 'listen-on-a-platform button ("Listen on Spotify")'
SHOP_REASON = 'price at a shop ("999 € en Amazon")'

#: a shopping-list, a cart or a favourites button, or an order-the-ingredients button of a
#: recipe site ("Einkaufsliste", "Auf die Einkaufsliste", "Zutaten bei REWE bestellen",
#: "Ajouter à ma liste de courses", "Alle ingrediënten in je mandje", "Add to cart",
#: "In den Warenkorb", "Ajouter à mes favoris", "Dodaj do koszyka"); a bare "Einkaufsliste"
#: is :data:`_LIST_NAME`'s, a button only over a removed line (an article's heading over its
#: own list of ingredients is no button; s52 acc-read F3)
_CART = re.compile(
    r"(?i)(?:(?:auf die |zur )einkaufsliste(?: hinzufügen)?|einkaufsliste hinzufügen"
    r"|zutaten (?:bei|über|via) \S+"
    r"(?: \S+)? (?:bestellen|kaufen)|(?:add|save) (?:to|ingredients to) (?:my |your |the )?"
    r"(?:shopping list|grocery list|cart|basket|bag|favou?rites)"
    r"|order (?:the )?ingredients(?: (?:on|from|at|with) \S+(?: \S+)?)?"
    r"|ajouter (?:à ma liste de courses|à mes favoris|au panier|aux favoris)"
    r"|commander les ingrédients(?: (?:sur|chez) \S+(?: \S+)?)?"
    r"|(?:alle )?ingrediënten (?:in (?:je|mijn) (?:mandje|winkelmand)|bestellen)"
    r"|(?:in|naar) (?:je |mijn )?(?:mandje|winkelmand(?:je)?)"
    r"|in den warenkorb(?: legen)?|zu (?:den )?favoriten(?: hinzufügen)?"
    r"|añadir (?:a la (?:cesta|lista de la compra)|al carrito|a favoritos)"
    r"|aggiungi (?:al carrello|alla lista della spesa|ai preferiti)"
    r"|adicionar (?:ao carrinho|à lista de compras|aos favoritos)"
    r"|dodaj do (?:koszyka|listy zakupów|ulubionych))\s?[›»→>+]?"
)
#: a shopping list's name alone ("Einkaufsliste", "Shopping list"): a button when the line
#: under it was removed or is one of :data:`_CART`, else maybe the label of the article's
#: own list
_LIST_NAME = re.compile(
    r"(?i)(?:einkaufsliste|shopping list|grocery list|liste de courses|lista de la compra"
    r"|lista della spesa|lista de compras|lista zakupów|boodschappenlijst(?:je)?)\s?[›»→>+]?"
)
#: a product box's label over its offers ("Our pick: Lodge Chain Mail Scrubber", "Notre
#: choix : …"), a button when the line under it (an offer) was removed
_PICK = re.compile(
    r"(?i)(?:our (?:top |budget )?pick|editor['’]s (?:pick|choice)|notre choix"
    r"|unsere empfehlung|nuestra elección|la nostra scelta|nossa escolha|nasz wybór"
    r"|onze keuze)\s?:.*"
)
#: a paywall's unlock button, its price maybe ("Jetzt freischalten", "Alle Testergebnisse
#: freischalten für 4,90 €", "Unlock now", "Unlock the full review for $2.99"): a call to
#: act now or the paid thing's name before "freischalten", not any words — a game's or a
#: phone's guide heads its steps "Geheime Level freischalten", "Face ID freischalten"
#: (s52 acc-read F3)
_UNLOCK = re.compile(
    r"(?i)(?:(?:jetzt|sofort) (?:\S+ ){0,2}freischalten|(?:alle |den |diesen )?(?:artikel"
    r"|beitrag|beiträge|inhalte?|test(?:ergebnisse|berichte?)?|zugang|plus-artikel)"
    r" freischalten|freischalten|unlock(?: now| all| the"
    r" full \S+| this \S+)?|débloquer(?: l['’]article| maintenant)?|sblocca(?: ora)?"
    r"|desbloquear(?: ahora| agora)?|odblokuj(?: teraz)?|ontgrendel(?: nu)?)"
    r"(?: (?:für|for|pour|per|por|za|voor) \S+(?: \S+)?)?\s?[›»→>]?"
)
#: a follow or a share button alone (a podcast's or an author's): not German "Folgen", a
#: podcast's heading of its episodes
_FOLLOW = re.compile(
    r"(?i)(?:\+ ?)?(?:follow|seguir|suivre|segui|obserwuj|volgen|seguire|share|partilhar"
    r"|compartilhar|compartir|teilen|partager|condividi|udostępnij|delen)"
)
#: a listen-on-a-platform button ("Listen on Spotify", "Bei Apple Podcasts anhören",
#: "Escúchalo en Apple Podcasts", "Écouter sur Deezer")
_PLATFORMS = (
    r"(?:apple podcasts|spotify|google podcasts|youtube(?: music)?|deezer|amazon music|podimo"
    r"|audible|pocket casts|overcast|ivoox|castbox|podcast addict|audio now|audionow|rss)"
)
_PLATFORM = re.compile(
    rf"(?i)(?:(?:listen|subscribe|follow) on|escúchalo en|escuchar en|escucha en|écouter sur"
    rf"|écoutez sur|ascolta su|ouça no|ouvir no|ouça na|luister op|luister via|słuchaj (?:na|w)"
    rf"|posłuchaj (?:na|w)) {_PLATFORMS}|(?:bei|auf) {_PLATFORMS} (?:anhören|hören|abonnieren)"
)
#: a gift-this-article button of a paywalled site ("Artikel verschenken", "Gift this
#: article", "Offrir cet article")
_GIFT = re.compile(
    r"(?i)(?:artikel verschenken|gift (?:this |the )?(?:article|story)|offrir (?:cet |l['’])"
    r"article|regala(?:r)? (?:este |el |questo |l['’])?(?:artículo|articolo)"
    r"|podaruj artykuł|cadeau geven|oferecer (?:este )?artigo)"
)
#: a shop's check button ("Check Walmart", "View at Amazon")
_CHECK_SHOP = re.compile(r"(?i)(?:check|view at|see at|buy at|shop at|buy on|view on) (.+)")
#: a price alone ("€ 12,47", "12,47 €", "$4.99")
_PRICE = re.compile(PRICE)
#: a player's line over its length ("Watch on YouTube", "Play video", "Ansehen")
_PLAYER = re.compile(
    r"(?i)\b(?:watch|play|video|youtube|vimeo|ansehen|abspielen|regarder|lire la vidéo|ver "
    r"(?:en|el|o)|guarda|odtwórz|obejrzyj|bekijk|afspelen|assistir)\b"
)
#: the fewest timestamps after a player's length (:func:`_longest`)
_CLOCKS_AFTER = 2
#: a clock time alone: a video's or an episode's length ("12:47", "1:02:33")
_CLOCK = re.compile(RUNNING_TIME)
#: a contents list's label ("Inhaltsverzeichnis", "Table of contents", "Sommaire")
_CONTENTS = re.compile(
    r"(?i)(?:inhaltsverzeichnis|inhalt|table of contents|contents|in this article|sommaire"
    r"|table des matières|índice(?: de contenidos)?|indice(?: dei contenuti)?|contenuti"
    r"|spis treści|inhoudsopgave|inhoud|conteúdo|sumário)\s?:?"
)
#: the big shops whose name after a price and a word "in"/"en"/"w"/"na" is a shop's, never
#: a place's or a time's (:data:`.chrome._OFFER_SHOP_WORDS`: "999 € en Amazon")
_BIG_SHOPS = frozenset(
    {"amazon", "ebay", "walmart", "best buy", "target", "aliexpress", "mediamarkt",
     "media markt", "saturn", "fnac", "darty", "boulanger", "cdiscount", "el corte inglés",
     "pccomponentes", "allegro", "media expert", "x-kom", "otto", "zalando", "coolblue",
     "currys", "argos", "unieuro", "kabum", "magalu", "mercado libre", "mercado livre"}
)  # fmt: skip
#: the most characters of a button's line
_BUTTON_CHARS = 60
#: the first words (lower case, a colon stripped: "Sommaire:" reached no rule, s52 acc-read
#: F15) of the lines of :func:`service_chrome`'s rules
_FIRST_WORDS = frozenset(
    {"einkaufsliste", "auf", "zur", "zutaten", "add", "save", "order", "ajouter", "commander",
     "alle", "ingrediënten", "in", "naar", "zu", "añadir", "aggiungi", "adicionar", "dodaj",
     "jetzt", "freischalten", "unlock", "débloquer", "sblocca", "desbloquear", "odblokuj",
     "ontgrendel", "artikel", "gift", "offrir", "regala", "regalar", "podaruj", "cadeau",
     "oferecer", "listen", "subscribe", "follow", "escúchalo", "escuchar", "escucha",
     "écouter", "écoutez", "ascolta", "ouça", "ouvir", "luister", "słuchaj", "posłuchaj",
     "bei", "check", "view", "see", "buy", "shop", "+", "+follow", "seguir", "suivre",
     "segui", "obserwuj", "volgen", "seguire", "share", "partilhar", "compartilhar",
     "compartir", "teilen", "partager", "condividi", "udostępnij", "delen", "inhaltsverzeichnis",
     "inhalt", "table", "contents", "sommaire", "índice", "indice", "contenuti", "spis",
     "inhoudsopgave", "inhoud", "conteúdo", "sumário", "shopping", "grocery", "liste",
     "lista", "boodschappenlijst", "boodschappenlijstje", "our", "editor's", "editor’s",
     "notre", "unsere", "nuestra", "la", "nossa", "nasz", "onze", "inhaltsverzeichnis:",
     "contents:"}
)  # fmt: skip
#: the first words (lower case) of a subscribers' label (:data:`.chrome._SUBSCRIBERS`)
_SUBSCRIBER_WORDS = frozenset(
    {"article", "artículo", "articolo", "artigo", "réservé", "exclusivo", "riservato", "nur",
     "subscribers", "subscriber", "for", "exclusief", "tylko"}
)  # fmt: skip
#: the last words (lower case) of a price at a big shop (:data:`_BIG_SHOPS`)
_SHOP_WORDS = frozenset(
    {"amazon", "ebay", "walmart", "buy", "target", "aliexpress", "mediamarkt", "markt",
     "saturn", "fnac", "darty", "boulanger", "cdiscount", "inglés", "pccomponentes", "allegro",
     "expert", "x-kom", "otto", "zalando", "coolblue", "currys", "argos", "unieuro", "kabum",
     "magalu", "libre", "livre", "amazon.", "walmart."}
)  # fmt: skip


def _shop_name(line: str) -> bool:
    """Whether ``line`` is a price at one of :data:`_BIG_SHOPS` ("Xiaomi 15 - 999 € en
    Amazon", "2799 zł w Media Expert")."""
    if (m := offer_match(line)) is None:
        return False
    shop = m.string[m.end("at") :].strip().lower().rstrip(".")
    return shop in _BIG_SHOPS or shop.split(" ")[0] in _BIG_SHOPS


def _seconds(clock: str) -> int:
    """The seconds of a clock time ("12:47" → 767)."""
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total


def _longest(lines: Sequence[str], clocks: Sequence[int]) -> bool:
    """Whether the page's first bare clock time is a player's length: the page's only one
    under a player's line ("Watch on YouTube" / "12:47"), or longer than the next ones, which
    count up from the start as a transcript's timestamps do ("12:47" over "0:05", "1:42").
    Not a live blog's post times, which count down from the latest ("22:41" over "21:10",
    "19:02"; s48 acc-live: the first was lost)."""
    if len(clocks) == 1:
        return clocks[0] > 0 and _PLAYER.search(lines[clocks[0] - 1]) is not None
    times = [_seconds(lines[j]) for j in clocks]
    return (
        len(times) >= _CLOCKS_AFTER + 1
        and times[0] > times[1]
        and all(a < b for a, b in itertools.pairwise(times[1:]))
    )


def service_chrome(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines (positions in ``lines``, the page's non-blank lines) that are a service
    page's buttons or widgets, with their reasons: a shopping-list, cart or favourites
    button (:data:`_CART`), a paywall's unlock button (:data:`_UNLOCK`), a follow button
    next to a removed line (:data:`_FOLLOW`), a price alone next to one of those, a page's
    only bare clock time right under a removed line (a player's length: transcripts' lone
    timestamps come many), a contents label (:data:`_CONTENTS`) whose next line was
    removed, a price at a big shop (:func:`_shop_name`)."""
    out: dict[int, str] = {}
    n = len(lines)
    # (the rules' lines by their first or last word, or "freischalten": a set's lookup a
    # line instead of a dozen regexes; the rules ran ~8 ms a page on the dev texts)
    cands = [
        j
        for j, (s, k) in enumerate(zip(lines, keep, strict=True))
        if k
        and len(s) <= _BUTTON_CHARS
        and (
            s.split(" ", 1)[0].lower().rstrip(":") in _FIRST_WORDS
            or s.rsplit(" ", 1)[-1].lower() in _SHOP_WORDS
            or "freischalten" in s
        )
    ]
    clocks = [j for j, s in enumerate(lines) if len(s) <= 8 and ":" in s and _CLOCK.fullmatch(s)]
    if (
        clocks
        and keep[clocks[0]]
        and clocks[0] > 0
        and not keep[clocks[0] - 1]
        and _longest(lines, clocks)
    ):
        out[clocks[0]] = DURATION_REASON
    for j in cands:
        s = lines[j]
        before = j > 0 and not keep[j - 1]
        after = j + 1 < n and not keep[j + 1]
        if _CART.fullmatch(s):
            out[j] = CART_REASON
        elif _UNLOCK.fullmatch(s) or _GIFT.fullmatch(s):
            out[j] = UNLOCK_REASON
        elif _PLATFORM.fullmatch(s):
            out[j] = PLATFORM_REASON
        elif (m := _CHECK_SHOP.fullmatch(s)) is not None and m[1].lower() in _BIG_SHOPS:
            out[j] = SHOP_REASON
        elif (
            len(s) <= 12
            and (before or after or (j > 0 and _PLATFORM.fullmatch(lines[j - 1]) is not None))
            and _FOLLOW.fullmatch(s)
        ):
            out[j] = FOLLOW_REASON
        elif after and len(s) <= 40 and _CONTENTS.fullmatch(s):
            out[j] = CONTENTS_REASON
        elif _shop_name(s):
            out[j] = SHOP_REASON
    for j in cands:
        # (a shopping list's name over a removed line or a cart button; a box's label over
        # its removed offers)
        if j not in out and j + 1 < n and (not keep[j + 1] or j + 1 in out):
            if _LIST_NAME.fullmatch(lines[j]):
                out[j] = CART_REASON
            elif _PICK.fullmatch(lines[j]):
                out[j] = PICK_REASON
    # (a price alone right under or over one of the buttons: the button's)
    for j in [j for j, why in out.items() if why in (CART_REASON, UNLOCK_REASON)]:
        for i in (j - 1, j + 1):
            if 0 <= i < n and keep[i] and i not in out and _PRICE.fullmatch(lines[i]):
                out[i] = PRICE_REASON
    return out


#: a media seek's parameter in a link ("?t=00:02:15", "#t=125", "&t=1h2m3s")
_SEEK = re.compile(
    r"[?&#]t=(?:\d{1,2}:)?\d{1,3}(?::\d{2})?(?:$|&)|[?&#]t=(?:\d+h)?(?:\d+m)?\d+s?(?:$|&)"
)


def seek_links(
    tree: HtmlElement,
) -> tuple[list[tuple[HtmlElement, str]], list[tuple[HtmlElement, str]], list[str]]:
    """Retag as ``<span>`` the links of an HTML tree that are a player's seek to a clock
    time (``<a href="?t=03:20">03:20</a>``: a chapter list's or a transcript's timestamps).
    trafilatura drops a list item or a paragraph made of links, and so every chapter whose
    title is short, and a paragraph whose class names a time ("timestamp"), and so every
    lone timestamp between a transcript's turns (s49 acc-service S9): a seek within the
    page's player is no link away from it. Returns each retagged element with its tag (for
    :func:`.figures.restore`), each paragraph of a seek alone with the class taken from it
    (to be set back), and the times of those paragraphs (lines refine keeps: the line model
    reads a lone time as a menu's item)."""
    links: list[tuple[HtmlElement, str]] = []
    classes: list[tuple[HtmlElement, str]] = []
    times: list[str] = []
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if "t=" not in href or _SEEK.search(href) is None:
            continue
        said = a.text_content().strip()
        if _CLOCK.fullmatch(said) is None:
            continue
        links.append((a, a.tag))
        a.tag = "span"
        up = a.getparent()
        # (the link is its parent's whole text when it is the parent's only child and no
        # other text stands around it: asked of its siblings, the parent's own text and the
        # link's tail (``len(up)`` counts the children), not of the parent's whole text — a
        # transcript's thousands of links in one <div> serialised the <div> for each,
        # quadratic; s52 acc-read F17)
        if (
            up is not None
            and up.tag in ("p", "div")
            and a.getprevious() is None
            and a.getnext() is None
            and not (up.text or "").strip()
            and not (a.tail or "").strip()
        ):
            times.append(said)
            if (cls := up.get("class")) is not None:
                classes.append((up, cls))
                del up.attrib["class"]
    return links, classes, times


def html_buttons(lines: Sequence[str]) -> list[int]:
    """The lines of an HTML page's text (trafilatura's, refined) that are a service page's
    button whole: a cart, shopping-list or favourites button (:data:`_CART`), an unlock or
    a gift button (:data:`_UNLOCK`, :data:`_GIFT`), a listen-on-a-platform button
    (:data:`_PLATFORM`), a subscribers' label (:data:`.chrome._SUBSCRIBERS`), a price alone
    next to an unlock button. trafilatura keeps a ``<button>``'s or a link's text that
    sits in the article's markup between its lists (s49 acc-service S6/S10: "Ajouter à ma
    liste de courses", "Bei Apple Podcasts anhören", "Article réservé aux abonnés")."""
    out: list[int] = []
    for j, s in enumerate(lines):
        if (
            len(s) > _BUTTON_CHARS
            or not s
            or (
                (first := s.split(" ", 1)[0].lower().rstrip(":")) not in _FIRST_WORDS
                and first not in _SUBSCRIBER_WORDS
                and "freischalten" not in s
            )
        ):
            continue
        if (
            _CART.fullmatch(s)
            or _GIFT.fullmatch(s)
            or _PLATFORM.fullmatch(s)
            or _SUBSCRIBERS.fullmatch(s)
        ):
            out.append(j)
        elif _UNLOCK.fullmatch(s):
            out.append(j)
            out += [i for i in (j - 1, j + 1) if 0 <= i < len(lines) and _PRICE.fullmatch(lines[i])]
    return sorted(set(out))


#: the reasons of the lines :func:`service_lines` keeps
STEP_REASON = 'a recipe\'s step label ("Étape 3") among kept ones'
NUTRITION_REASON = 'nutrition facts on one line ("Calories: 229kcal ~ Fat: 8g")'
ITEM_REASON = "a kept label's only item"
NUMBERED_REASON = "the next numbered heading after a kept one"
#: the first letters of a step's label (:data:`_STEP`)
_STEP_FIRST = frozenset("SsÉéEePpKk")
#: a numbered heading's number ("2. Dell XPS 14")
_NUMBERED = re.compile(r"(\d{1,2})\. \S")
#: a step's label ("Step 3", "Étape 3", "Schritt 3 von 5", "Paso 2:")
_STEP = re.compile(
    r"(?i)(?:step|étape|etape|schritt|paso|passo|krok|stap|etapa)\s?(\d{1,2})"
    r"(?:\s?(?:/|of|sur|von|de|di|z|van)\s?\d{1,2})?\s?:?"
)
#: a fact of a nutrition line: a label, a colon and an amount with its unit ("Calories:
#: 229kcal", "Fat: 8g", "Eiweiß: 12 g")
_FACT = r"[^\W\d_][\w ]{0,24}?:\s?\d[\d.,]*\s?(?:k?cal|kj|m?g|µg|%)\.?"
#: three facts or more on one line, parted by "~", "|", "·", "•", ",", ";", a table's tab or
#: a space (a text browser's table)
_FACTS_LINE = re.compile(rf"(?i){_FACT}(?:(?:\s*[~|·•,;\t]\s*|\s+){_FACT}){{2,}}")
#: the fewest facts of a nutrition line, the most characters of one
_FACTS, _FACTS_CHARS = 3, 200
#: a label of words alone, one to three ("Equipment", "What you'll need")
_LABEL_SHAPE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’&-])*(?: (?:[^\W\d_]|['’&-])+){0,2}")
#: the most words of a label and of its only item (:func:`service_lines`)
_LABEL_WORDS, _ITEM_WORDS = 3, 8
_ENDS = (".", "!", "?", ":", ";", ",")


def _facts_line(line: str) -> bool:
    """Whether ``line`` is :data:`_FACTS` or more nutrition facts joined on one line."""
    return len(line) <= _FACTS_CHARS and _FACTS_LINE.fullmatch(line.strip()) is not None


def service_lines(
    lines: Sequence[str], keep: Sequence[bool], short: Sequence[bool]
) -> dict[int, str]:
    """The removed lines (positions in ``lines``, the page's non-blank lines) of a recipe's
    or a how-to's structure that the line model read as a menu's items, with their reasons:
    a step's label ("Étape 3") when another label of the page's steps is kept and the step
    under it too; a line of nutrition facts ("Calories: 229kcal ~ Carbohydrates: 36g ~
    Protein: 3g") under a kept line or a label over it, with that label; a kept label's only
    item ("Equipment" / "9x5 inch loaf pan") with no kept line between it and the next
    label; a numbered heading ("2. Dell XPS 14") right after the kept one of the number
    before it ("1. Apple MacBook Air 15"), a kept line under it. ``short``: the lines
    removed for their shortness alone (the model's reasons, not a furniture word's)."""
    out: dict[int, str] = {}
    n = len(lines)
    steps = [
        (j, m[1])
        for j, s in enumerate(lines)
        if len(s) <= 24 and s[:1] in _STEP_FIRST and (m := _STEP.fullmatch(s))
    ]
    if len({k for _, k in steps}) >= 2 and any(keep[j] for j, _ in steps):
        for j, _ in steps:
            if not keep[j] and j + 1 < n and keep[j + 1]:
                out[j] = STEP_REASON
    last: tuple[int, bool] | None = None  # (the last numbered line's number, kept)
    for j, s in enumerate(lines):
        if s[:1].isdigit() and (m := _NUMBERED.match(s)) is not None:
            number = int(m[1])
            if (
                not keep[j]
                and short[j]
                and last == (number - 1, True)
                and len(s.split()) <= _ITEM_WORDS
                and not s.endswith(_ENDS)
                and j + 1 < n
                and keep[j + 1]
            ):
                out[j] = NUMBERED_REASON
            last = (number, keep[j] or j in out)
        if keep[j] or (not short[j] and ":" not in s):
            continue
        if ":" in s and s.count(":") >= _FACTS and _facts_line(s):
            # (under a kept line, or under a label right under one: "Nutrition")
            if j > 0 and keep[j - 1]:
                out[j] = NUTRITION_REASON
            elif j > 1 and keep[j - 2] and short[j - 1] and len(lines[j - 1].split()) <= 3:
                out[j] = out[j - 1] = NUTRITION_REASON
        elif (
            short[j]
            and 0 < j < n - 1
            and keep[j - 1]
            and not keep[j + 1]
            and len((label := lines[j - 1]).split()) <= _LABEL_WORDS
            # (a label of words alone: not a URL, a tags' line "Egypt, Coronavirus" or a
            # labelled value; htmldate 1550981615: a logo's URL over "Sputnik", the tags
            # over a follow button "اتبع")
            and _LABEL_SHAPE.fullmatch(label) is not None
            and len(s.split()) <= _ITEM_WORDS
            and not s.endswith(_ENDS)
            # (the next kept line a label too: the list of one item ends there)
            and (nxt := next((i for i in range(j + 1, n) if keep[i]), None)) is not None
            and nxt - j <= 3
            and len(lines[nxt].split()) <= _LABEL_WORDS
            # (over a kept line: a label of the article's, not a menu's item the model kept)
            and nxt + 1 < n
            and keep[nxt + 1]
            and j - 2 >= 0
            and keep[j - 2]
        ):
            out[j] = ITEM_REASON
    return out


#: the reason of the lines :func:`verdict_lists` keeps
VERDICT_REASON = "a review's pros or cons list between its labels"
#: the most lines from a pros label to its cons label, and the most words of an item
_VERDICT_SPAN, _VERDICT_WORDS = 10, 10


def _verdict_label(line: str, labels: frozenset[str]) -> bool:
    """Whether ``line`` is one of a review's pros or cons ``labels`` (lower case), alone on
    a short line, its colon maybe."""
    return len(line) <= 40 and line.strip().rstrip(":").strip().lower() in labels


def verdict_lists(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed lines (positions in ``lines``) of a review's pros list and its cons label
    ("Les points forts" / "Aspiration excellente" / "Navigation précise" / "Les points
    faibles" / "Prix élevé"): between a pros label and the cons label after it, each short
    line not an ad's label, when the model kept one of those items and the line under the
    cons label. The model removed an item for a furniture word ("Navigation") and the cons
    label as a teaser, and the pros read as running on into the cons (s49 acc-service,
    review-fr-1)."""
    from .structures import _CONS, _PROS, _ad

    out: list[int] = []
    n = len(lines)
    for p in [p for p, s in enumerate(lines) if len(s) <= 40 and _verdict_label(s, _PROS)]:
        c = next(
            (i for i in range(p + 2, min(n, p + _VERDICT_SPAN)) if _verdict_label(lines[i], _CONS)),
            None,
        )
        if c is None or c + 1 >= n or not keep[c + 1]:
            continue
        items = range(p + 1, c)
        if not any(keep[i] for i in items) or any(
            len(lines[i].split()) > _VERDICT_WORDS or _verdict_label(lines[i], _PROS) for i in items
        ):
            continue
        out += [i for i in (p, *items, c) if not keep[i] and not _ad(lines[i])]
    return out


#: the reason of the lines :func:`how_headings` keeps
HOW_REASON = 'a French "Comment …" ("how") heading over a kept paragraph'
#: the second words of an English "Comment …" line, which is a comment section's
_COMMENT_ON = frozenset(
    {"on", "below", "here", "now", "policy", "policies", "guidelines", "section", "form", "by",
     "box", "rules", "moderation", "and", "or", "&", "count", "thread", "threads", "this"}
)  # fmt: skip
#: the fewest words of the paragraph under such a heading
_HOW_PROSE = 8


def how_headings(lines: Sequence[str], keep: Sequence[bool], cue: Sequence[bool]) -> list[int]:
    """The removed lines (positions in ``lines``) that are a French heading "Comment …"
    ("how": "Comment nous testons", "Comment choisir son robot") right over a kept
    paragraph: the lexicon's comment word made it the page's furniture (``cue``: the line
    removed for its furniture words; s49 acc-service S8, text forms). Not a comment
    section's line: "Comment on this story", "Comment policy", "Leave a comment" (the word
    first and a French word after it)."""
    out: list[int] = []
    for j in range(len(lines) - 1):
        s = lines[j]
        if keep[j] or not cue[j] or not s.startswith("Comment ") or len(s) > 60:
            continue
        words = s.split()
        if (
            3 <= len(words) <= _ITEM_WORDS
            and words[1].lower() not in _COMMENT_ON
            and not any(c.isdigit() for c in s)
            and not s.rstrip().endswith((".", "!", ":"))
            and keep[j + 1]
            and len(lines[j + 1].split()) >= _HOW_PROSE
        ):
            out.append(j)
    return out


#: the reason of the lines :func:`tip_lines` keeps
TIP_REASON = 'a labelled tip under the article\'s kept text ("Bon à savoir : …")'
#: a tip's label and its colon ("Tip:", "Recipe tip:", "Astuce :", "Bon à savoir :", "Tipp:",
#: "Consejo:", "Consiglio:", "Dica:", "Wskazówka:", "Goed om te weten:")
_TIP = re.compile(
    r"(?i)(?:(?:pro |top |our |recipe |cook's |quick )?tip|good to know|(?:unser |mein )?tipp"
    r"|gut zu wissen|astuce|bon à savoir|(?:notre |le )?conseil|consejo|truco|consiglio"
    r"|(?:il )?trucco|dica|wskazówka|porada|(?:onze )?tip|goed om te weten)\s?:\s"
)
#: the fewest words of such a tip
_TIP_WORDS = 8


def tip_lines(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed lines (positions in ``lines``) right under a kept line that are a tip of
    the article: a tip's label and a colon (:data:`_TIP`), then a sentence of
    :data:`_TIP_WORDS` words or more to its end. The model read one after a how-to's last
    list as the page's furniture after the article (s49 acc-service, howto-fr-1)."""
    return [
        j
        for j in range(1, len(lines))
        if not keep[j]
        and keep[j - 1]
        and ":" in lines[j][:30]
        and len(lines[j].split()) >= _TIP_WORDS
        and lines[j].rstrip().endswith((".", "!"))
        and "http" not in lines[j]
        and _TIP.match(lines[j]) is not None
    ]
