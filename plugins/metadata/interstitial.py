"""Pages that stand in for an article: error pages, consent walls, "enable JavaScript" and
bot-check interstitials, paywall-only stubs (s36 acc-types #1).

A server that cannot or will not give the article often answers with status 200 and a short
page of its own (a "soft 404", a consent wall, a captcha): the line model keeps its one or two
sentences of prose, and they became an article record titled "Page not found". A status of 4xx
or 5xx is dropped at the input already (``http_status``); this reads what the page says.

The evidence is the page's own, in several languages (en, de, fr, es, it, pt, nl): a short
text (at most :data:`SHORT_WORDS` words) whose title (the headline found, or the HTML
``<title>``) is an interstitial's, or whose prose is mostly an interstitial's sentences, and
for which no publication date was found. An article that speaks of a 404 or of cookies is
long, or has a date (a brief quoting "Page not found" under the headline "Page not found:
council site down" is one).
"""

from __future__ import annotations

import itertools
import re
from typing import Any, Literal

from ..boilerplate.notes import is_paywall

Kind = Literal["error_page", "access_denied", "javascript_or_captcha", "consent_wall", "paywall"]

#: A page's text of at most this many words may be an interstitial (the longest of the s36
#: acceptance test's walls: a French consent wall of 60 words; an article is longer, a brief
#: has its title and date)
SHORT_WORDS = 100
#: The share of the text's characters in an interstitial's sentences from which its prose is
#: the interstitial's (a footer line or a quoted "Page not found" in a brief is less)
PROSE_SHARE = 0.5

_ERROR = (
    # English
    r"page\s+(?:was\s+|could\s+not\s+be\s+|cannot\s+be\s+|can't\s+be\s+)?not\s+found"
    r"|page\s+(?:could\s+not|cannot|can't)\s+be\s+found"
    r"|(?:can't|cannot|could\s+not|couldn't|unable\s+to)\s+find\s+(?:the|this|that)\s+page"
    r"|page\s+(?:you\s+(?:are|were|'re|’re)\s+looking\s+for|you\s+requested)"
    r"|page\s+(?:does\s+not|doesn't|doesn’t|no\s+longer)\s+exists?"
    r"|(?:error|erreur|fehler|errore|erro|fout|código)\s*:?\s*(?:404|410|500|502|503)\b"
    r"|\b404\s*[-:–|]?\s*(?:not\s+found|error|page)"
    # German
    r"|seite\s+(?:wurde\s+)?(?:leider\s+)?nicht\s+gefunden"
    r"|seite\s+(?:existiert|gibt\s+es)\s+(?:leider\s+)?(?:nicht|nicht\s+mehr)"
    r"|(?:aufgerufene|angeforderte|gesuchte)\s+seite"
    # French
    r"|page\s+(?:introuvable|non\s+trouvée|inexistante)"
    r"|(?:cette\s+)?page\s+n['’]existe\s+(?:pas|plus)"
    r"|page\s+(?:que\s+vous\s+(?:cherchez|recherchez|demandez)|demandée)"
    # Spanish, Portuguese, Italian
    r"|página\s+no\s+(?:encontrada|existe)"
    r"|página\s+(?:que\s+(?:buscas|busca|estás\s+buscando|has\s+solicitado)|solicitada)"
    r"|página\s+não\s+(?:encontrada|existe)"
    r"|página\s+que\s+(?:você\s+)?(?:procura|está\s+procurando)"
    r"|pagina\s+non\s+(?:trovata|esiste)"
    r"|pagina\s+(?:che\s+stai\s+cercando|richiesta)"
    # Dutch
    r"|pagina\s+(?:niet\s+gevonden|bestaat\s+niet|kon\s+niet\s+(?:worden\s+)?gevonden)"
    r"|pagina\s+die\s+(?:je|u)\s+zoekt|opgevraagde\s+pagina"
)
_ACCESS = (
    r"access\s+(?:denied|forbidden)"
    r"|(?:don't|don’t|do\s+not)\s+have\s+permission\s+to\s+(?:access|view)"
    r"|zugriff\s+verweigert|zugang\s+verweigert|keine\s+berechtigung"
    r"|accès\s+(?:refusé|interdit)|acceso\s+(?:denegado|prohibido)|accesso\s+negato"
    r"|acesso\s+negado|toegang\s+geweigerd"
    r"|n['’]avez\s+pas\s+(?:l['’])?autorisation\s+d['’]accéder|n['’]êtes\s+pas\s+autorisée?\s+à\s+accéder"
    r"|no\s+tienes?\s+permiso\s+para\s+acceder|non\s+(?:hai|ha)\s+(?:il\s+)?permesso\s+di\s+accedere"
    r"|non\s+sei\s+autorizzato\s+ad\s+accedere|não\s+tem\s+permissão\s+para\s+(?:acessar|aceder)"
    r"|(?:je|u)\s+(?:hebt|heeft)\s+geen\s+(?:toegang|toestemming)"
    r"|haben\s+keine\s+(?:zugriffs)?berechtigung"
)
_JAVASCRIPT = (
    r"(?:enable|activate|turn\s+on|allow|switch\s+on)\s+javascript"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|needed|turned\s+off|must\s+be\s+enabled)"
    r"|(?:requires|need|needs)\s+javascript"
    r"|javascript\s+(?:aktivieren|einschalten|aktiviert)|aktivieren\s+sie\s+(?:bitte\s+)?javascript"
    r"|(?:activer|activez|activé)\s+(?:le\s+)?javascript"
    r"|(?:habilita|habilitar|activa|activar|active)\s+(?:el\s+|o\s+)?javascript"
    r"|(?:abilita|abilitare|attiva|attivare)\s+(?:il\s+)?javascript"
    r"|(?:ative|ativar|habilite)\s+o\s+javascript"
    r"|javascript\s+(?:in\s*(?:te\s+)?schakelen|aan\s*(?:te\s+)?zetten)|schakel\s+javascript\s+in"
    # bot checks
    r"|\bcaptcha\b|are\s+you\s+(?:a\s+)?(?:human|robot)"
    r"|verify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human|unusual\s+traffic"
    r"|checking\s+(?:your\s+browser|if\s+the\s+site\s+connection\s+is\s+secure)"
    r"|sind\s+sie\s+ein\s+(?:mensch|roboter)|êtes-vous\s+un\s+(?:humain|robot)"
    r"|(?:eres|es\s+usted)\s+(?:un\s+)?(?:humano|robot)|sei\s+un\s+(?:umano|robot)"
    r"|você\s+é\s+(?:um\s+)?(?:humano|robô)|ben\s+je\s+een\s+(?:mens|robot)"
)
#: A consent wall's sentences: the site and its partners storing data (the IAB framework's
#: wording in every language), or cookies in the site's own voice (:data:`_COOKIE_VOICE`)
#: with a word of consent, data or advertising (:data:`_CONSENT_WORDS`: "These cookies are
#: the best we have made" is a recipe's)
_CONSENT = (
    r"\b(?:we|nous|wir|nosotros|noi|nós|wij)\s+(?:and|et|und|y|e|en)\s+(?:our|nos|unsere"
    r"|nuestros|i\s+nostri|os\s+nossos|nossos|onze)\s+(?:\d+\s+)?(?:partners?|partenaires"
    r"|socios|parceiros|fournisseurs|vendors|anbieter)"
)
_COOKIE_VOICE = re.compile(
    r"\bcookies?\b.{0,80}\b(?:(?:we|our)\b|this\s+(?:web)?site|nous\b|nos\b|ce\s+site"
    r"|wir\b|unsere|diese\s+(?:web)?seite|utilizamos|usamos|nuestro|este\s+sitio"
    r"|utilizziamo|questo\s+sito|nosso|este\s+site|wij\b|gebruiken|deze\s+(?:web)?site)"
    r"|\b(?:we|nous|wir|utilizamos|usamos|utilizziamo|wij)\b.{0,40}\bcookies?\b"
)
_CONSENT_WORDS = re.compile(
    r"consent|partner|accept|akzept|acept|accett|aceit|refus|reject|ablehn|rechaz|rifiut|recus"
    r"|weiger|settings|einstellung|paramètre|configura|impostazion|instelling|preferen|privacy"
    r"|privée|datenschutz|privacidad|privacidade|personal|personnel|persönlich|personali"
    r"|persoonlijk|daten|données|datos|dati\b|dados|gegevens|advertis|publicit|werbung"
    r"|pubblicit|advertent|analytic|experience|expérience|erfahrung|experiencia|esperienza"
    r"|experiência|ervaring|brows|navega|navigazion|navigation|store|stock|speicher|almacen"
    r"|archivi|armazen|opslaan|zustimm|toestemming"
)
#: A consent wall's title: its privacy or cookie settings, the reader's privacy
_CONSENT_TITLE = (
    r"\bcookies?\b|cookie-|privacy\s+(?:settings|choices|preferences|center|centre)"
    r"|(?:your|votre|vos|ihre|deine|tu|su|la\s+tua|a\s+sua|uw|jouw)\s+(?:privacy|vie\s+privée"
    r"|privatsphäre|datenschutz|privacidad|privacidade)"
    r"|datenschutz-?einstellungen|paramètres\s+de\s+confidentialité"
)
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    "error_page": re.compile(_ERROR),
    "access_denied": re.compile(_ACCESS),
    "javascript_or_captcha": re.compile(_JAVASCRIPT),
    "consent_wall": re.compile(_CONSENT),
}
#: A whole title that is a server's status page: "404", "Not Found", "403 Forbidden", "Error"
_STATUS_TITLE = re.compile(
    r"(?:(?:http\s+)?(?:error|erreur|fehler|errore|erro|fout)?\s*[45]\d\d\s*[-:–|]?\s*)?"
    r"(?:not\s+found|forbidden|gone|service\s+unavailable|internal\s+server\s+error"
    r"|bad\s+gateway|oops!?|error|erreur|fehler|errore|erro|fout)?[.!]?"
)
_CONSENT_TITLE_RE = re.compile(_CONSENT_TITLE)
#: A paywall's pitch in a paywall-only stub (the boilerplate stage cut the prompt and
#: marked the text): an offer of access or a subscription
_PITCH = re.compile(
    r"unlimited\s+(?:digital\s+)?access|subscri|abonn|suscr|abbonat|assin"
    r"|(?:for|für|pour|por|per|voor)\s+(?:just|only|nur|seulement|solo|apenas|slechts)\b"
    r"|(?:a|per|pro|par|al|por|each)\s+(?:week|month|woche|monat|semaine|mois|semana|mes|mese"
    r"|mês|maand)\b"
)


def _kind_of(line: str) -> Kind | None:
    low = line.casefold()
    for kind, pattern in _PATTERNS.items():
        if pattern.search(low):
            return kind
    if _COOKIE_VOICE.search(low) and _CONSENT_WORDS.search(low):
        return "consent_wall"
    return None


def title_kind(title: str | None) -> Kind | None:
    """The kind of interstitial ``title`` names (a page's headline or ``<title>``), or None."""
    if not title:
        return None
    low = " ".join(title.casefold().split())
    if any(c.isdigit() or c.isalpha() for c in low) and _STATUS_TITLE.fullmatch(low):
        return "access_denied" if "403" in low or "forbidden" in low else "error_page"
    if (kind := _kind_of(low)) is not None:
        return kind
    if len(low.split()) <= 10 and _CONSENT_TITLE_RE.search(low):
        return "consent_wall"
    return None


def interstitial(
    text: str, titles: list[str | None], dated: bool, paywall: bool = False
) -> Kind | None:
    """The kind of page that stands in for an article ``text`` is (with its ``titles``: the
    headline found and the HTML ``<title>``; ``dated``: a publication date was found;
    ``paywall``: the boilerplate stage cut a paywall's prompt from it), or None: an
    article, or too long to tell. See the module's docstring."""
    # (a dated page first: most pages, and the text's split costs ~10 us a corpus document)
    if dated:
        return None
    words = text.split()
    if not words or len(words) > SHORT_WORDS:
        return None
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    total = sum(map(len, lines))
    found: dict[Kind, int] = {}
    for line in lines:
        kind = _kind_of(line)
        if kind is None and paywall and (is_paywall(line) or _PITCH.search(line.casefold())):
            kind = "paywall"
        if kind is not None:
            found[kind] = found.get(kind, 0) + len(line)
    named = next((k for t in titles if (k := title_kind(t)) is not None), None)
    # (a consent title needs the wall's prose: a listing's footer link, "Cookie
    # settings", was taken for its title)
    if named is not None and named != "consent_wall":
        return named
    if found and sum(found.values()) >= PROSE_SHARE * total:
        return max(found.items(), key=lambda kv: kv[1])[0]
    return None


#: A listing's teaser units: at least this many dated units (s36 acc-types #2: a section
#: front, a tag, author or search page of three or more dated teasers)
LISTING_UNITS = 3
#: Lines of a unit at most besides its date (a headline, a teaser, a kicker)
_UNIT_LINES = 4
#: A teaser's line has at most this many words (an article's paragraph is longer)
_TEASER_WORDS = 30
#: Words of the kept text outside the listing from which the page has an article of its own
#: (the list is its "Most read" or "Related" box)
_OWN_BODY_WORDS = 40
#: Words besides the date on a unit's date line at most ("Publié le", "Posted on")
_DATE_LINE_WORDS = 3
#: A teaser's headline has at most this many words
_HEADLINE_WORDS = 20
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


def _headline_shaped(line: str) -> bool:
    """A teaser's headline: two words or more, up to :data:`_HEADLINE_WORDS`, not ending a
    sentence (a forum post's name, "dave_k", and its text, "Roofer or plumber first?", are
    none)."""
    words = line.split()
    return 2 <= len(words) <= _HEADLINE_WORDS and not line.rstrip().endswith(_SENTENCE_ENDS)


def listing_units(
    lines: list[str], cands: list[dict[str, Any]], kept: str
) -> tuple[int, frozenset[int]]:
    """How many dated teaser units ``lines`` (the page's lines, whose date candidates
    ``cands`` carry their ``line`` and ``text``) list where the page is a listing — a section
    front, a tag, author or search page: :data:`LISTING_UNITS` or more lines holding a date
    and at most :data:`_DATE_LINE_WORDS` words more, on two days or more, each after at most
    :data:`_UNIT_LINES` lines (the first after as many as the longest of the others, which
    differ by one line at most: one template) of at most :data:`_TEASER_WORDS` words, one a
    headline (:func:`_headline_shaped`), and of the
    ``kept`` text no more than :data:`_OWN_BODY_WORDS` words outside them (an article with a
    list of related stories has its own body); else 0. With the indices of the units'
    lines (empty when none)."""
    none: tuple[int, frozenset[int]] = (0, frozenset())
    at: dict[int, str] = {}
    for c in cands:
        i = c.get("line", -1)
        if not 0 <= i < len(lines) or i in at:
            continue
        rest = lines[i].replace(str(c.get("text", "")), " ")
        if len(rest.split()) <= _DATE_LINE_WORDS:
            at[i] = str(c.get("value") or c.get("date"))[:10]
    dated = sorted(at)
    if len(dated) < LISTING_UNITS or len(set(at.values())) < 2:
        return none
    units: list[list[int]] = []
    for prev, i in itertools.pairwise(dated):
        units.append([k for k in range(prev + 1, i) if lines[k].strip()])
    longest = max(map(len, units))
    if longest - min(map(len, units)) > 1:
        # (a listing's teasers share a template: an article's own dateline and lead above
        # a list of related stories make a unit of another size; medef.fr's dev page)
        return none
    first = [k for k in range(dated[0] - 1, -1, -1) if lines[k].strip()][:longest]
    units.insert(0, sorted(first))
    taken: set[int] = set(dated)
    for unit in units:
        if not 1 <= len(unit) <= _UNIT_LINES:
            return none
        if any(len(lines[k].split()) > _TEASER_WORDS for k in unit):
            return none
        if not any(_headline_shaped(lines[k]) for k in unit):
            return none
        taken.update(unit)
    span = {lines[k].strip() for k in taken}
    own = sum(len(ln.split()) for ln in kept.split("\n") if ln.strip() and ln.strip() not in span)
    if own > _OWN_BODY_WORDS:
        return none
    return len(dated), frozenset(taken)
