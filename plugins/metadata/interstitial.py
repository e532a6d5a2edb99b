"""Pages that stand in for an article: error pages, consent walls, "enable JavaScript" and
bot-check interstitials, paywall-only stubs (s36 acc-types #1).

A server that cannot or will not give the article often answers with status 200 and a short
page of its own (a "soft 404", a consent wall, a captcha): the line model keeps its one or two
sentences of prose, and they became an article record titled "Page not found". A status of 4xx
or 5xx is dropped at the input already (``http_status``); this reads what the page says.

The evidence is the page's own, in several languages (en, de, fr, es, it, pt, nl): a short
text (at most :data:`SHORT_WORDS` words, a JavaScript or bot check :data:`SCRIPT_CHECK_WORDS`)
for which no publication date was found and whose prose is mostly an interstitial's
sentences (by words: an article's prose beyond them keeps the page). The title (the headline
found, or the HTML ``<title>``) supports the prose and decides alone only when no prose
follows it (a few words, or a server's status code over no sentence): a film review
headlined "Forbidden", the lyrics of a song "Gone" are articles (s37 acc-read F2, s38
acc-read F4). A wall quoted in a story is the story's (F11), and so is one reported, with
who said or asked it (s39 acc-read F11): a wall speaks to its reader.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

from corearchive import lazyre as re

from ..boilerplate.notes import REPORTED, is_paywall
from ..boilerplate.structures import is_handle

Kind = Literal[
    "error_page",
    "access_denied",
    "javascript_or_captcha",
    "consent_wall",
    "paywall",
    "login_wall",
    "age_gate",
    "maintenance",
]

#: A page's text of at most this many words may be an interstitial (Cloudflare's block page
#: in full is 106 words, and was archived at 100: s39 acc-regress D10; the IAB framework's
#: consent wall runs to 129, a paywall with its plans past 100; an article is longer, a
#: brief has its title and date, and the prose decides under it) ...
SHORT_WORDS = 150
#: ... and a JavaScript or bot check's of at most this many: it speaks in a sentence or two,
#: and 100 to 150 words of its phrases are a help article's: "How to enable JavaScript in
#: your browser", an instruction per browser, was dropped as a wall (s40 acc-read F4)
SCRIPT_CHECK_WORDS = 100
#: The share of the text's words in an interstitial's sentences from which the text is the
#: interstitial's without a title that says so (a footer line or a quoted "Page not found"
#: in a brief is less)
PROSE_SHARE = 0.5

# (every pattern starts, and ends, at a word's edge: "terror: 500 soldiers" is no "error
# 500", "embarrassing" no Portuguese "assin(atura)"; s37 acc-read F16, F17)
_ERROR = (
    # English
    r"\b(?:page\s+(?:was\s+|could\s+not\s+be\s+|cannot\s+be\s+|can't\s+be\s+)?not\s+found"
    r"|page\s+(?:could\s+not|cannot|can't)\s+be\s+found"
    r"|(?:can't|cannot|could\s+not|couldn't|unable\s+to)\s+find\s+(?:the|this|that)\s+page"
    r"|page\s+(?:you\s+(?:are|were|'re|’re)\s+looking\s+for|you\s+requested)"
    r"|page\s+(?:does\s+not|doesn't|doesn’t|no\s+longer)\s+exists?"
    # (a page taken down: "This page is no longer available", "The article you are looking
    # for has been removed or has expired")
    r"|(?:page|article|story|content)\s+(?:is\s+)?no\s+longer\s+available"
    r"|(?:article|story|content)\s+you\s+(?:are|were|'re|’re)\s+looking\s+for"
    r"|(?:error|erreur|fehler|errore|erro|fout|código)\s*:?\s*(?:404|410|500|502|503)"
    r"|404\s*[-:–|]?\s*(?:not\s+found|error|page)"
    # German
    r"|seite\s+(?:wurde\s+)?(?:leider\s+)?nicht\s+gefunden"
    r"|seite\s+(?:existiert|gibt\s+es)\s+(?:leider\s+)?(?:nicht|nicht\s+mehr)"
    r"|(?:aufgerufene|angeforderte|gesuchte)\s+(?:seite|artikel|beitrag|inhalt)"
    # (a page taken down: "Diese Seite ist nicht mehr verfügbar", "Möglicherweise wurde er
    # gelöscht oder verschoben"; s39 acc-regress D10)
    r"|(?:seite|beitrag|inhalt)\s+ist\s+(?:leider\s+)?nicht\s+mehr\s+verfügbar"
    r"|möglicherweise\s+wurde\s+(?:\w+\s+){0,2}(?:gelöscht|entfernt|verschoben)"
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
    r"|pagina\s+die\s+(?:je|u)\s+zoekt|opgevraagde\s+pagina)\b"
)
#: (German "keine Berechtigung" alone is a court report's as much as a server's: only the
#: page's address to the reader, "Sie haben keine Berechtigung")
_ACCESS = (
    r"\b(?:access\s+(?:denied|forbidden)"
    # (a firewall's block page: "Sorry, you have been blocked", "You are unable to access
    # example.com", "This website is using a security service to protect itself")
    r"|you\s+have\s+been\s+blocked|why\s+have\s+i\s+been\s+blocked"
    r"|(?:you\s+are|you're|you’re)\s+unable\s+to\s+access"
    r"|using\s+a\s+security\s+service\s+to\s+protect\s+itself"
    r"|triggered\s+the\s+security\s+solution"
    r"|(?:don't|don’t|do\s+not)\s+have\s+permission\s+to\s+(?:access|view)"
    # (a server's own help under it: "If you think you are seeing this message in error,
    # please contact the site administrator"; s39 acc-regress D10)
    r"|(?:think|believe)\s+(?:that\s+)?(?:you\s+are|you're|you’re)\s+seeing\s+this\s+"
    r"(?:message|page)\s+in\s+error"
    r"|zugriff\s+verweigert|zugang\s+verweigert"
    r"|sie\s+haben\s+keine\s+(?:zugriffs)?berechtigung"
    r"|accès\s+(?:refusé|interdit)|acceso\s+(?:denegado|prohibido)|accesso\s+negato"
    r"|acesso\s+negado|toegang\s+geweigerd"
    r"|n['’]avez\s+pas\s+(?:l['’])?autorisation\s+d['’]accéder|n['’]êtes\s+pas\s+autorisée?\s+à\s+accéder"
    r"|no\s+tienes?\s+permiso\s+para\s+acceder|non\s+(?:hai|ha)\s+(?:il\s+)?permesso\s+di\s+accedere"
    r"|non\s+sei\s+autorizzato\s+ad\s+accedere|não\s+tem\s+permissão\s+para\s+(?:acessar|aceder)"
    r"|(?:je|u)\s+(?:hebt|heeft)\s+geen\s+(?:toegang|toestemming))\b"
)
#: ("unusual traffic" alone is a road report's: the bot check's "unusual traffic from your
#: network", "detected unusual traffic")
_JAVASCRIPT = (
    r"\b(?:(?:enable|activate|turn\s+on|allow|switch\s+on)\s+(?:javascript|js)"
    # (an ad-blocker wall, in the site's voice to the reader: "Please disable any ad
    # blocker", "You seem to be using an ad blocker")
    r"|(?:disable|turn\s+off|pause|deactivate|switch\s+off)\s+(?:your\s+|any\s+|the\s+)?ad\s*-?\s*blockers?"
    r"|(?:you\s+are|you're|you’re|you\s+seem\s+to\s+be)\s+using\s+an?\s+ad\s*-?\s*blocker"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|needed|turned\s+off|must\s+be\s+enabled)"
    r"|(?:requires|need|needs)\s+javascript"
    r"|javascript\s+(?:aktivieren|einschalten|aktiviert)|aktivieren\s+sie\s+(?:bitte\s+)?javascript"
    r"|(?:activer|activez|activé)\s+(?:le\s+)?javascript"
    r"|(?:habilita|habilitar|activa|activar|active)\s+(?:el\s+|o\s+)?javascript"
    r"|(?:abilita|abilitare|attiva|attivare)\s+(?:il\s+)?javascript"
    r"|(?:ative|ativar|habilite)\s+o\s+javascript"
    r"|javascript\s+(?:in\s*(?:te\s+)?schakelen|aan\s*(?:te\s+)?zetten)|schakel\s+javascript\s+in"
    # bot checks
    r"|captcha|are\s+you\s+(?:a\s+)?(?:human|robot)"
    r"|verify(?:ing)?\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human"
    r"|(?:you(?:'re|’re|\s+are)|i'm|i’m|i\s+am)\s+not\s+a\s+robot"
    r"|review\s+the\s+security\s+of\s+your\s+connection"
    r"|(?:detected|noticed)\s+unusual\s+traffic|unusual\s+traffic\s+from"
    r"|unusual\s+activity\s+from\s+your"
    # (Cloudflare's and DDoS-Guard's challenge: "Checking your browser before accessing
    # example.com", "Your browser will redirect to your requested content shortly", "Please
    # allow up to 5 seconds", "DDoS protection by Cloudflare"; s38 acc-regress R3)
    r"|checking\s+(?:your\s+browser(?:\s+before\s+accessing(?:\s+[\w.-]+\w)?)?"
    r"|if\s+the\s+site\s+connection\s+is\s+secure)"
    r"|your\s+browser\s+will\s+redirect|allow\s+up\s+to\s+\d+\s+seconds"
    r"|(?:ddos\s+protection|performance\s+(?:&|and)\s+security)\s+by\s+\w+"
    r"|sind\s+sie\s+ein\s+(?:mensch|roboter)|êtes-vous\s+un\s+(?:humain|robot)"
    r"|(?:eres|es\s+usted)\s+(?:un\s+)?(?:humano|robot)|sei\s+un\s+(?:umano|robot)"
    r"|você\s+é\s+(?:um\s+)?(?:humano|robô)|ben\s+je\s+een\s+(?:mens|robot))\b"
)
#: A consent wall's sentences: the site and its partners storing data (the IAB framework's
#: wording in every language), or cookies in the site's own voice (:data:`_COOKIE_VOICE`)
#: with a word of consent, data or advertising (:data:`_CONSENT_WORDS`: "These cookies are
#: the best we have made" is a recipe's)
_CONSENT = (
    r"\b(?:we|nous|wir|nosotros|noi|nós|wij)\s+(?:and|et|und|y|e|en)\s+(?:our|nos|unsere"
    r"|nuestros|i\s+nostri|os\s+nossos|nossos|onze)\s+(?:\d+\s+)?(?:partners?|partenaires"
    r"|socios|parceiros|fournisseurs|vendors|anbieter)\b"
)
_COOKIE_VOICE = re.compile(
    r"\bcookies?\b.{0,80}\b(?:(?:we|our)\b|this\s+(?:web)?site|nous\b|nos\b|ce\s+site"
    r"|wir\b|unsere|diese\s+(?:web)?seite|utilizamos|usamos|nuestro|este\s+sitio"
    r"|utilizziamo|questo\s+sito|nosso|este\s+site|wij\b|gebruiken|deze\s+(?:web)?site)"
    r"|\b(?:we|nous|wir|utilizamos|usamos|utilizziamo|wij)\b.{0,40}\bcookies?\b"
)
_CONSENT_WORDS = re.compile(
    # (at a word's start in English and the Romance languages: "accept", "refus" ...;
    # anywhere in German and Dutch, whose compounds hold them: "Browsereinstellungen",
    # "persoonsgegevens")
    r"\b(?:consent|partner|accept|acept|accett|aceit|refus|reject|rechaz|rifiut|recus"
    r"|settings|paramètre|configura|impostazion|preferen|privacy|privée|privacidad"
    r"|privacidade|personal|personnel|personali|données|datos|dati\b|dados|advertis"
    r"|publicit|pubblicit|advertent|analytic|experience|expérience|experiencia|esperienza"
    r"|experiência|brows|navega|navigazion|navigation|store|stock|almacen|archivi|armazen)"
    r"|akzept|ablehn|weiger|einstellung|instelling|datenschutz|persönlich|persoonlijk|daten"
    r"|gegevens|werbung|erfahrung|ervaring|speicher|opslaan|zustimm|toestemming"
)
#: A consent wall's title: its privacy or cookie settings, the reader's privacy
_CONSENT_TITLE = (
    r"\bcookies?\b|cookie-|privacy\s+(?:settings|choices|preferences|center|centre)"
    r"|(?:your|votre|vos|ihre|deine|tu|su|la\s+tua|a\s+sua|uw|jouw)\s+(?:privacy|vie\s+privée"
    r"|privatsphäre|datenschutz|privacidad|privacidade)"
    r"|datenschutz-?einstellungen|paramètres\s+de\s+confidentialité"
)
#: A login wall's sentences, the site's to the reader ("Please log in to continue", "You
#: must be logged in to read this", "Forgot your password?"; "Users must sign in to the app"
#: is a story's)
_LOGIN = (
    r"\b(?:(?:please|you\s+(?:must|need\s+to|have\s+to))\s+(?:be\s+)?(?:log(?:ged)?|sign(?:ed)?)"
    r"\s*in\b|forgot\s+your\s+password|bitte\s+melden\s+sie\s+sich\s+an"
    r"|passwort\s+vergessen|veuillez\s+vous\s+connecter|mot\s+de\s+passe\s+oublié"
    r"|inicia\s+sesión\s+para|accedi\s+per\s+continuare|log\s+in\s+om\s+verder)\b"
)
#: An age gate's ("Are you over 18?", "You must be of legal drinking age to enter this
#: site", "Sind Sie über 18?")
_AGE = (
    r"\b(?:are\s+you\s+(?:(?:over|at\s+least)\s+(?:18|21)|of\s+legal\s+(?:drinking\s+)?age)"
    # (the reader's country may come between: "You must be of legal drinking age in your
    # country of residence to enter this website"; and the gate's button: "By entering, you
    # confirm that you are of legal age"; s39 acc-regress D10)
    r"|(?:legal\s+(?:drinking\s+)?age|18\s+or\s+older|over\s+18|at\s+least\s+18)"
    r"(?:\s+in\s+your\s+country(?:\s+of\s+residence)?)?\s+to\s+"
    r"(?:enter|view|visit|access|use)\s+this\s+(?:web)?site"
    r"|you\s+(?:confirm|certify|declare)\s+that\s+you\s+are\s+(?:of\s+legal\s+(?:drinking\s+)?age"
    r"|over\s+18|at\s+least\s+18|18\s+or\s+older)"
    r"|sind\s+sie\s+(?:über|mindestens)\s+18|avez-vous\s+(?:plus\s+de\s+)?18\s+ans"
    r"|(?:tienes|eres)\s+mayor\s+de\s+(?:edad|18)|hai\s+più\s+di\s+18\s+anni)\b"
)
#: A maintenance page's, in the site's voice ("We're performing some maintenance at the
#: moment", "We'll be back soon!"; "The site is down for maintenance, the council said"
#: is a story's)
_MAINTENANCE = (
    r"\b(?:(?:we(?:'re|’re|\s+are)|we\s+are\s+currently|we're\s+currently)\s+"
    r"(?:performing|undergoing|doing|carrying\s+out)\s+(?:some\s+)?(?:scheduled\s+)?maintenance"
    r"|we(?:'ll|’ll|\s+will)\s+be\s+back\s+(?:online\s+|up\s+)?(?:soon|shortly)"
    r"|wir\s+(?:führen|sind)\s+(?:gerade\s+|derzeit\s+)?wartungsarbeiten"
    r"|(?:site|page)\s+en\s+maintenance|sitio\s+en\s+mantenimiento|sito\s+in\s+manutenzione)\b"
)
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    "error_page": re.compile(_ERROR),
    "access_denied": re.compile(_ACCESS),
    "javascript_or_captcha": re.compile(_JAVASCRIPT),
    "consent_wall": re.compile(_CONSENT),
    "login_wall": re.compile(_LOGIN),
    "age_gate": re.compile(_AGE),
    "maintenance": re.compile(_MAINTENANCE),
}
#: Whole title parts that are such a page's own and no sentence's: Cloudflare's "Just a
#: moment..." and "Attention Required!", "DDoS-Guard", "Subscribe to read", "Sign in",
#: "Age verification", "Down for maintenance" (a title only supports the prose, and
#: decides alone only over no prose)
_WALL_TITLES: dict[Kind, re.Pattern[str]] = {
    "javascript_or_captcha": re.compile(
        r"just\s+a\s+moment(?:\.{3}|…)?|attention\s+required!?|ddos-guard|one\s+more\s+step"
    ),
    "paywall": re.compile(r"subscribe\s+to\s+(?:read|unlock|continue(?:\s+reading)?)"),
    "login_wall": re.compile(r"(?:sign|log)\s*(?:in|on)|login|anmeldung|anmelden|connexion"),
    "age_gate": re.compile(
        r"age\s+(?:verification|check|gate)|altersverifikation|altersüberprüfung"
        r"|vérification\s+de\s+l['’]âge|verificación\s+de\s+edad"
    ),
    "maintenance": re.compile(
        r"(?:(?:down|closed)\s+for|under)\s+(?:scheduled\s+)?maintenance|maintenance\s+mode"
        r"|wartungsarbeiten|wartungsmodus|site\s+en\s+maintenance"
    ),
}
#: A whole title that is a server's status page: "404", "Not Found", "403 Forbidden", "Error"
_STATUS_TITLE = re.compile(
    r"(?:(?:http\s+)?(?:error|erreur|fehler|errore|erro|fout)?\s*[45]\d\d\s*[-:–|]?\s*)?"
    r"(?:not\s+found|forbidden|gone|service\s+unavailable|internal\s+server\s+error"
    r"|bad\s+gateway|oops!?|error|erreur|fehler|errore|erro|fout)?[.!]?"
)
_CONSENT_TITLE_RE = re.compile(_CONSENT_TITLE)
#: A price: "£1", "4,99 €", "10 euros"
_PRICE = r"(?:[£$€]\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:[£$€]|eur(?:os?)?\b|usd\b|chf\b))"
#: A paywall's pitch in a paywall-only stub (the boilerplate stage cut the prompt and
#: marked the text): an offer of access or a subscription, or a price for a time ("for a
#: week", "a month ago" are any story's: a period needs its price; s37 acc-read F16)
_PITCH = re.compile(
    r"\bunlimited\s+(?:digital\s+)?access\b|\b(?:subscri|abonn|suscr|abbonat|assin)"
    r"|\bcancel\s+(?:at\s+)?any\s*time\b"
    r"|\b(?:for|für|pour|por|per|voor)\s+(?:(?:just|only|nur|seulement|solo|apenas|slechts)\s+)?"
    + _PRICE
    + "|"
    + _PRICE
    + r"\s*(?:(?:a|per|pro|par|al|por|each|im|au)\s+|/\s*|for\s+(?:\d+|one|two|three|four|six)\s+)"
    r"(?:week|month|woche|monat|semaine|mois|semana|mes|mese|mês|maand)s?\b"
)


#: A quotation: a story that quotes a wall ("“We now ask every visitor for consent before
#: any cookie is stored,” the retailer said") speaks of it, in its own voice; a wall does
#: not quote itself (s37 acc-read F11). Single quotes only around words ("can't" is none)
_QUOTED = re.compile(
    r"“[^“”]{0,400}”|„[^“”„]{0,400}[“”]|«[^«»]{0,400}»|\"[^\"]{0,400}\""
    r"|(?<!\w)['‘][^'‘’]{0,400}['’](?!\w)"
)
#: A sentence's end: where a paragraph's sentences are told apart
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
#: A sentence of prose (an article's, or the interstitial's) ends with one of these, after
#: any closing quotes or brackets; a line without one is a heading, a link, a menu item
_PROSE_END = re.compile(r"[.!?…,;:][\"'”’»)\]]*$")
#: Words a sentence of prose has at least ("Log in.", "on this server." are a page's)
_PROSE_WORDS = 5
#: Words of other prose at most beside a server's status title, in a language that the
#: patterns do not read ("404 Not Found" over "Strona nie istnieje, sprawdź adres.")
_STATUS_PROSE = 20
#: A title's parts: a headline and the site's name ("Page introuvable - Le Courrier")
_TITLE_PARTS = re.compile(r"\s+[|–—·-]\s+|\s*::\s*")


def _kind_of(line: str) -> Kind | None:
    low = line.casefold()
    for kind, pattern in _PATTERNS.items():
        if pattern.search(low):
            return kind
    if _COOKIE_VOICE.search(low) and _CONSENT_WORDS.search(low):
        return "consent_wall"
    return None


def _status_title(part: str) -> bool:
    """Whether ``part`` (of a casefolded title) is all a server's status line: "404", "403
    Forbidden", "Not Found", "Error"."""
    return any(c.isdigit() or c.isalpha() for c in part) and bool(_STATUS_TITLE.fullmatch(part))


def _part_kind(part: str) -> Kind | None:
    """The kind of interstitial a title's ``part`` is when its phrases make most of it (more
    than half its words): "Please enable JavaScript", "Fehler 404: Seite nicht gefunden";
    a headline that speaks of one, "Access denied: residents locked out of planning files",
    is none (s37 acc-read F2)."""
    if _status_title(part):
        return "access_denied" if "403" in part or "forbidden" in part else "error_page"
    for kind, pattern in _WALL_TITLES.items():
        if pattern.fullmatch(part):
            return kind
    n = len(part.split())
    for kind, pattern in _PATTERNS.items():
        if 2 * sum(len(m.group().split()) for m in pattern.finditer(part)) > n:
            return kind
    return None


def title_kind(title: str | None) -> Kind | None:
    """The kind of interstitial ``title`` names (a page's headline or ``<title>``), or None."""
    if not title:
        return None
    low = " ".join(title.casefold().split())
    for part in _TITLE_PARTS.split(low):
        if (kind := _part_kind(part)) is not None:
            return kind
    if len(low.split()) <= 10 and _CONSENT_TITLE_RE.search(low):
        return "consent_wall"
    return None


def _paragraphs(text: str) -> list[str]:
    """``text``'s paragraphs: its lines, a line that starts in lower case going on the one
    above (a hard-wrapped text, a poem)."""
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if paragraphs and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _read_prose(paragraphs: list[str], pitch_from: int | None) -> tuple[dict[Kind, int], int, int]:
    """The words of ``paragraphs``' sentences that are an interstitial's, by kind (a
    paywall's pitch from the paragraph ``pitch_from`` on, when not None); the words of its
    other sentences of prose (:data:`_PROSE_END`, :data:`_PROSE_WORDS`: an article's); and
    all its words. A quoted passage, a reported sentence are the text's, not the page's."""
    found: dict[Kind, int] = {}
    prose = total = 0
    for i, paragraph in enumerate(paragraphs):
        own = _QUOTED.sub(lambda m: re.sub(r"\w+", "x", m.group()), paragraph)
        kinds: dict[Kind, int] = {}
        other = before = 0
        for sentence in _SENTENCE_END.split(own):
            n = len(sentence.split())
            kind: Kind | None = None
            low = sentence.casefold()
            if not REPORTED.search(low):
                kind = _kind_of(sentence)
                if (
                    kind is None
                    and pitch_from is not None
                    and i >= pitch_from
                    and (is_paywall(sentence) or _PITCH.search(low))
                ):
                    kind = "paywall"
            if kind is not None:
                kinds[kind] = kinds.get(kind, 0) + n
            elif n >= _PROSE_WORDS and _PROSE_END.search(sentence):
                other += n
                if not kinds:
                    before += n
        n = len(paragraph.split())
        total += n
        if kinds and not before and 2 * sum(kinds.values()) >= n:
            # (a paragraph mostly the interstitial's is all its: "Sorry, we can't find
            # the page you were looking for. It may have been moved or deleted."; not one
            # that opens with the story's own sentence: "Members can now borrow e-books
            # through the new app. You need to sign in with your library card number and
            # PIN." is a brief's, s39 acc-read F11)
            kind = max(kinds.items(), key=lambda kv: kv[1])[0]
            found[kind] = found.get(kind, 0) + n
            continue
        for kind, n in kinds.items():
            found[kind] = found.get(kind, 0) + n
        prose += other
    return found, prose, total


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
    n_words = len(text.split()) if text else 0
    if not text or n_words > SHORT_WORDS:
        return None
    named = next((k for t in titles if (k := title_kind(t)) is not None), None)
    # (a paywall's pitch is one with a prompt to subscribe: the boilerplate stage's cut, a
    # title that says so, or a prompt the stage left because the offer follows it; s38
    # acc-regress D8): the pitch is counted from the prompt on, the offer following it,
    # and a reported sentence is none ("The annual plan is for subscribers only, the
    # company added" in a story on prices; s39 acc-read F2)
    paragraphs = _paragraphs(text)
    pitch_from = (
        0
        if paywall or named == "paywall"
        else next(
            (i for i, p in enumerate(paragraphs) if is_paywall(p)),
            None,
        )
    )
    found, prose, total = _read_prose(paragraphs, pitch_from)
    own = sum(found.values())
    if named == "consent_wall":
        # (a consent title needs the wall's prose: a listing's footer link, "Cookie
        # settings", was taken for its title)
        named = None
    # the page is the interstitial's when its prose is: an article's prose beyond the
    # interstitial's sentences keeps it (a brief that quotes a wall or names a 404, a film
    # review headlined "Forbidden"; s37 acc-read F2, F11). A title that names the
    # interstitial supports the prose (which may then be a third the interstitial's: "Oops!
    # That page can't be found." over a line of help), or decides when no prose follows it:
    # a few words (a server's "Access Denied" over a reference number), not lines of
    # unpunctuated prose the sentence count does not see (the lyrics of a song titled "Gone
    # – Ann Lee | Lyrics", a poem; s38 acc-read F4) ...
    if own < (prose / 2 if named is not None else prose) or (not own and total > _STATUS_PROSE):
        # ... or when a server's status title with its code stands over a sentence or two in
        # a language the patterns do not read (a bare "Gone" or "Error" needs the prose)
        server = any(
            _status_title(p) and any(c.isdigit() for c in p)
            for t in titles
            if t
            for p in _TITLE_PARTS.split(" ".join(t.casefold().split()))
        )
        if own or not server or prose > _STATUS_PROSE:
            return None
    kind: Kind | None = named
    if kind is None and own and own >= PROSE_SHARE * total:
        kind = max(found.items(), key=lambda kv: kv[1])[0]
    if n_words > SCRIPT_CHECK_WORDS and kind == "javascript_or_captcha":
        return None
    return kind


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
    if any(all(len(u) > p and is_handle(lines[u[p]]) for u in units) for p in range(longest)):
        # (a thread: every post has its author's user name in one place, "dave_k", and
        # posts need no final stop; s37 acc-read F15)
        return none
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
