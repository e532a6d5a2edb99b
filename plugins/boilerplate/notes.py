"""Corrections and editor's notes: part of the article, whatever the line model says of them.

A newsroom appends a correction ("Correction: an earlier version of this story misstated
...") or an editor's note to the story it amends, often at its very end, below the byline
box, or above the lead. Placed there, short and led by a label, such a line reads like page
furniture to a model of line shapes and positions, and was removed (s28 integration tester
M3): a corrected recapture then became an exact copy of the uncorrected story, and the fact
the correction stated was lost.

:func:`is_note` recognises a note by its wording, not by a page's layout:

* a label at the start of the line that only such notes carry ("Correction:",
  "Clarification:", "Editor's note:", "Berichtigung:", "Rectificatif :", "Fe de erratas:",
  ...), followed by a sentence of at least :data:`MIN_WORDS` words;
* a weaker label that a page's furniture also uses ("Update:", "Mise à jour :",
  "Aktualisierung:", ...), followed by a whole sentence (a sentence end and at least
  :data:`MIN_WORDS` words: "Updated: 12:30 PM EST, Nov 3" is a time stamp, not a note);
* or, without a label, a sentence that speaks of an earlier version of the article or of
  the article being corrected or updated ("An earlier version of this article ...",
  "This story has been updated to ...", "In einer früheren Version dieses Artikels ...",
  "Cet article a été corrigé ...").

Languages: English, German, French, Spanish, Italian, Portuguese, Dutch, and the labels of
the Nordic languages and Polish. The line must start with the label or the phrase (after
list marks, markdown emphasis or brackets), so that an article's own sentence quoting
"an earlier version" in its middle is the line model's to decide.
"""

from __future__ import annotations

from corearchive import lazyre as re

from .lines import LINE_ENDS

#: words a note must have after its label (a label alone, "Correction", is a heading)
MIN_WORDS = 6

#: The marks a line's lead-in (``_LEAD``) may hold besides white space: list marks,
#: markdown emphasis, brackets, dashes, a quote's ">"
LEAD_MARKS = "*_[(>#•·–—-"
_LEAD = r"^[\s" + re.escape(LEAD_MARKS) + "]*"
# the separator after a label: a colon (French puts a space before it), a dash or a full stop
_SEP = r"[*_\])]*\s*(?:[:：]|[—–-]\s|\.\s)"

_STRONG = (
    # English
    r"corrections?|clarifications?|editor['’]?s['’]?\s+notes?|editorial\s+note|"
    r"note\s+from\s+the\s+editors?|errat(?:um|a)|corrigend(?:um|a)|"
    r"correction\s+appended|"
    # German
    r"korrektur(?:hinweis)?|berichtigung|richtigstellung|transparenzhinweis|"
    r"(?:anmerkung|hinweis|notiz)\s+der\s+redaktion|"
    # French
    r"rectificatifs?|précisions?|note\s+de\s+la\s+rédaction|n\.?\s?d\.?\s?l\.?\s?r\.?|"
    r"erratum|"
    # Spanish
    r"corrección|fe\s+de\s+erratas|aclaración|nota\s+(?:del\s+editor|de\s+la\s+redacción)|"
    # Italian
    r"correzione|rettifica|precisazione|nota\s+della\s+redazione|"
    # Portuguese
    r"correção|correcção|esclarecimento|nota\s+d[ao]\s+(?:editor|redação|redacção)|"
    # Dutch
    r"correctie|rectificatie|(?:noot|naschrift)\s+(?:van\s+de\s+)?redactie|"
    # Swedish, Danish, Norwegian, Finnish, Polish
    r"rättelse|rettelse|retting|oikaisu|korjaus|sprostowanie|od\s+redakcji"
)
_WEAK = (
    r"updated?|update\s+\d[\d:.]*\s*(?:[ap]\.?m\.?)?|editor['’]?s\s+update|"
    r"aktualisierung|nachtrag|ergänzung|mise\s+à\s+jour|actualización|actualizado|"
    r"aggiornamento|atualização|actualização|bijgewerkt|uppdatering|opdatering|"
    r"oppdatering|päivitys|aktualizacja"
)
_LABEL = re.compile(
    _LEAD + r"(?:(?P<strong>" + _STRONG + r")|(?P<weak>" + _WEAK + r"))"
    r"(?:\s*\([^)]{0,40}\))?" + _SEP,  # (a date in brackets: "Correction (May 3):")
    re.IGNORECASE,
)

_ART_EN = r"(?:article|story|report|post|piece|column|item|headline|caption|video|graphic)"
_PHRASE = re.compile(
    _LEAD + r"(?:"
    # English
    r"(?:an?|the)\s+(?:earlier|previous|prior|original)\s+version\s+of\s+(?:this|the)\s+"
    + _ART_EN
    + r"|(?:this|the)\s+"
    + _ART_EN
    + r"\s+(?:has\s+been|was|is\s+being|had\s+been)\s+(?:updated|corrected|amended|revised|"
    r"edited|changed)"
    # German
    r"|in\s+einer\s+(?:früheren|älteren|vorherigen|ersten)\s+(?:version|fassung)\s+"
    r"(?:dieses|des|dieser|der)\s+(?:artikels|textes|beitrags|meldung|berichts)"
    r"|(?:dieser|der)\s+(?:artikel|text|beitrag|bericht)\s+wurde\s+(?:am\s+[^,.]{0,30}\s+)?"
    r"(?:aktualisiert|korrigiert|geändert|ergänzt|überarbeitet)"
    # French
    r"|(?:une|dans\s+une)\s+(?:précédente|première|ancienne)\s+version\s+de\s+"
    r"(?:cet|cette|l['’])\s*(?:article|dépêche|texte)"
    r"|(?:cet|l['’])\s*article\s+a\s+été\s+(?:modifié|corrigé|mis\s+à\s+jour|actualisé)"
    # Spanish
    r"|(?:una|en\s+una)\s+versión\s+(?:anterior|previa)\s+de\s+(?:este|esta)\s+"
    r"(?:artículo|nota|noticia|información)"
    r"|(?:este|esta)\s+(?:artículo|nota|noticia)\s+(?:ha\s+sido|fue)\s+"
    r"(?:actualizad[ao]|corregid[ao]|modificad[ao])"
    # Italian
    r"|(?:una|in\s+una)\s+(?:versione|precedente\s+versione)\s+(?:precedente\s+)?di\s+"
    r"quest[oa]\s+(?:articolo|notizia)"
    r"|quest[oa]\s+(?:articolo|notizia)\s+è\s+stat[oa]\s+(?:aggiornat[oa]|corrett[oa]|"
    r"modificat[oa])"
    # Portuguese
    r"|(?:uma|numa|em\s+uma)\s+versão\s+anterior\s+d(?:este|esta)\s+"
    r"(?:artigo|reportagem|matéria|notícia|texto)"
    r"|(?:este|esta)\s+(?:artigo|reportagem|matéria|notícia|texto)\s+foi\s+"
    r"(?:atualizad[ao]|actualizad[ao]|corrigid[ao]|alterad[ao])"
    # Dutch
    r"|in\s+een\s+eerdere\s+versie\s+van\s+(?:dit|het)\s+(?:artikel|bericht|stuk)"
    r"|(?:dit|het)\s+(?:artikel|bericht|stuk)\s+is\s+(?:aangepast|gecorrigeerd|bijgewerkt)"
    r")\b",
    re.IGNORECASE,
)
#: A line that asks something of the reader is the site's corrections policy or a notice
#: of the site ("Corrections: If you are aware of an inaccuracy ... please email us";
#: "Update: die Störung ist behoben ... wendet euch an admin@..."), not a note of the
#: article: an address, a link, "please", "if you", "contact", and their kin.
_TO_READER = re.compile(
    r"@|https?://|www\.|\b(?:if\s+you|please|contact|e-?mail|let\s+us\s+know|send\s+us|"
    r"write\s+to|report\s+(?:an?\s+)?(?:error|correction|inaccurac)|subscribe|sign\s+up|"
    r"click|bitte|wenden\s+sie|wendet\s+euch|schreiben\s+sie|kontakt|abonn|"
    r"si\s+vous|veuillez|contactez|écrivez|por\s+favor|escr[ií]b|contáct|suscr[ií]b|"
    r"se\s+vuoi|per\s+favore|scrivi|contatt|entre\s+em\s+contato|assine|"
    r"neem\s+contact|mail\s+ons|stuur|kontakta|kontakt)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = LINE_ENDS
#: a line cut short is a teaser of another page ("Update: Riba prediccion di un recesion ...")
_CUT = ("...", "…")


#: The first word of a line, after its lead-in (see :data:`_LEAD`)
_FIRST_WORD = re.compile(r"[\s*_\[(>#•·–—-]*([^\W\d_]+)")
#: The words a label or a phrase starts with (lower case): a line that starts otherwise is
#: no note, told by one short match (a page's removed lines are many: the two patterns on
#: each of them cost 10 % of the stage's time on plain text)
_FIRST_WORDS = frozenset(
    re.findall(
        r"\S+",
        # the labels' (see _STRONG, _WEAK)
        """correction corrections clarification clarifications editor editors editorial note
        erratum errata corrigendum corrigenda korrektur korrekturhinweis berichtigung
        richtigstellung transparenzhinweis anmerkung hinweis notiz rectificatif rectificatifs
        précision précisions n ndlr corrección fe aclaración nota correzione rettifica
        precisazione correção correcção esclarecimento correctie rectificatie noot naschrift
        rättelse rettelse retting oikaisu korjaus sprostowanie od update updated
        aktualisierung nachtrag ergänzung mise actualización actualizado aggiornamento
        atualização actualização bijgewerkt uppdatering opdatering oppdatering päivitys
        aktualizacja"""
        # the phrases' (see _PHRASE)
        """ a an the this in dieser der une dans cet l una en este esta questo questa uma
        numa em dit het""",
    )
)


def is_note(line: str) -> bool:
    """Whether ``line`` (one line of a page's text) is a correction or an editor's note of
    the article (see the module's docstring)."""
    if len(line) < 20 or len(line) > 2000:  # (a label and six words; a note is a paragraph)
        return False
    first = _FIRST_WORD.match(line)
    if first is None or first.group(1).lower() not in _FIRST_WORDS:
        return False
    m = _LABEL.match(line)
    if m is not None:
        end = line.rstrip()
        if len(_WORDS.findall(line, m.end())) < MIN_WORDS or end.endswith(_CUT):
            return False
        if m.group("strong") is None and not end.endswith(_SENTENCE_END):
            return False
    elif _PHRASE.match(line) is not None:
        end = line.rstrip()
        if len(_WORDS.findall(line)) < MIN_WORDS + 2 or not end.endswith(_SENTENCE_END):
            return False
        if end.endswith(_CUT):
            return False
    else:
        return False
    return _TO_READER.search(line) is None


#: A report: a sentence that says who said or asked it ("We'll be back soon, says the
#: manager", "regulators said", "she sings", "according to", "sites ask readers to disable
#: ad blockers") is the story's about a wall, in its own voice; a wall speaks to its reader
#: and names no one who said it (s39 acc-read F11, F2): no paywall's prompt either ("The
#: annual plan is for subscribers only, the company added"). (Not "according to",
#: "selon", "volgens": a consent wall's "according to your preferences")
REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|adds|explained|announced|reported|wrote|writes|warned"
    r"|sings|sang|asks?\s+(?:readers|users|visitors|customers|people|them)\s+to|asked"
    r"|sagte|sagt|sagten|erklärte|berichtete|a\s+(?:déclaré|dit|expliqué)|dijo|afirmó"
    r"|explicó|ha\s+(?:detto|dichiarato|spiegato)|disse|afirmou|explicou|zei|zegt|aldus"
    r"|verklaarde)\b"
)
#: A paywall's prompt: the page's text stops where it stands, the rest for subscribers
#: ("Subscribe to continue reading. Already a subscriber? Log in.", "Il vous reste 68 % de
#: cet article à lire", "Weiterlesen mit SZ Plus"). Looked for in the last lines of a kept
#: text only (:func:`paywall_cut`): a newsletter pitch ("Subscribe to our newsletter") is
#: no such prompt, and an article that speaks of paywalls has them in its middle.
_PAYWALL = re.compile(
    # (after a few words at most: "Sorry, this article is for subscribers only")
    _LEAD + r"(?:[^\n]{0,25}?\b)?(?:"
    # English
    r"subscribe\s+(?:now\s+|today\s+)?to\s+(?:continue|keep)\s+reading"
    r"|subscribe\s+to\s+(?:read|unlock)\s+(?:the\s+(?:full|rest|whole)|this|more)"
    r"|(?:to\s+)?(?:continue|keep)\s+reading,?\s+(?:please\s+)?(?:subscribe|log\s*in|sign\s+in|"
    r"register|become\s+a)"
    r"|this\s+(?:article|story|content|post)\s+is\s+(?:only\s+)?(?:available\s+)?"
    r"(?:exclusively\s+)?(?:for|to)\s+(?:paying\s+)?(?:subscribers|members|premium)"
    r"|(?:for|to)\s+subscribers\s+only"
    r"|you(?:'|’)?(?:ve|\s+have)\s+reached\s+(?:your|the)\s+(?:free\s+)?(?:article\s+|story\s+|"
    r"monthly\s+)?limit"
    r"|(?:log|sign)\s+in\s+or\s+(?:subscribe|register)\s+to\s+(?:read|continue)"
    r"|register\s+(?:for\s+free\s+|now\s+)?to\s+(?:continue|keep)\s+reading"
    # (a newsletter platform's: "Keep reading with a 7-day free trial", "Subscribe to Water
    # Policy Weekly to keep reading this post"; s41 acc-press F16)
    r"|(?:continue|keep)\s+reading\s+with\s+a\s+(?:\d+[-\s]day\s+)?free\s+trial"
    r"|subscribe\s+to\s+[^\n]{1,60}?\s+to\s+(?:continue|keep)\s+reading"
    # German
    r"|(?:jetzt\s+)?weiterlesen\s+mit\s+\S+"
    r"|lesen\s+sie\s+(?:jetzt\s+)?(?:weiter|den\s+(?:ganzen|vollständigen)\s+artikel)\s+mit"
    r"|(?:dieser|der)\s+(?:artikel|beitrag|inhalt)\s+ist\s+(?:nur\s+|exklusiv\s+)?für\s+"
    r"(?:abonnent|plus|digital)"
    # French
    r"|la\s+suite\s+(?:de\s+cet\s+article\s+)?est\s+réservée\s+aux\s+abonnés"
    r"|il\s+vous\s+reste\s+\d+\s*%\s+de\s+cet\s+article\s+à\s+lire"
    r"|(?:article|contenu)\s+réservé\s+aux\s+abonnés"
    # Spanish, Italian, Portuguese, Dutch
    r"|(?:contenido|artículo)\s+(?:exclusivo\s+)?para\s+(?:suscriptores|socios)"
    r"|suscríbete\s+para\s+(?:seguir|continuar)\s+leyendo"
    r"|articolo\s+riservato\s+agli\s+abbonati"
    r"|abbonati\s+per\s+(?:leggere|continuare)"
    r"|conteúdo\s+exclusivo\s+para\s+assinantes"
    r"|dit\s+(?:artikel|stuk)\s+is\s+(?:alleen\s+)?voor\s+abonnees"
    # Hebrew, Arabic, Russian, Japanese, Chinese: "to continue reading you must register",
    # "for subscribers only" (a Hebrew prompt stayed as the text's last line: s50
    # acc-scripts he-2). Reading on alone is a link's ("להמשך קריאה לחצו כאן"): with the
    # prompt's verb only
    r"|להמשך\s+(?:ה)?קריאה[^\n]{0,30}?(?:להירשם|הירשמו|הירשם|מנוי|להתחבר|התחברו)"
    r"|(?:הכתבה|התוכן)\s+(?:המלא(?:ה)?\s+)?(?:זמינ(?:ה|ים)\s+)?(?:רק\s+)?למנויים"
    r"|(?:لمتابعة|لمواصلة|لإكمال)\s+(?:ال)?قراءة[^\n]{0,30}?(?:اشترك|اشتراك|سجّ?ل|تسجيل)"
    r"|(?:هذا\s+)?(?:المحتوى|المقال)\s+(?:متاح\s+)?(?:حصري(?:ا|اً)?\s+)?(?:فقط\s+)?للمشتركين"
    r"|чтобы\s+(?:продолжить|дочитать)\s+(?:чтение|статью|материал),?\s+"
    r"(?:подпишитесь|войдите|зарегистрируйтесь|оформите)"
    r"|(?:материал|статья)\s+доступ(?:ен|на)\s+только\s+(?:для\s+)?подписчик"
    r"|この記事は有料会員限定|続きを読むには(?:、)?(?:会員登録|ログイン|有料会員)"
    r"|(?:订阅|訂閱)(?:后|後|以)?(?:继续|繼續)(?:阅读|閱讀)"
    r")",
    re.IGNORECASE,
)
#: A prompt's question to those who have paid ("Already a subscriber?", "Bereits
#: Abonnent?"): a paywall's only with the prompt to log in after it, on its line or the next
#: ("Already a subscriber? Log in."). Alone it is any club's, a gym's or a library's: "Not
#: already a member? Sign up at the front desk." ended a local story and was cut as a paywall
#: (s34 acc-read #6).
_ALREADY_PAID = re.compile(
    _LEAD + r"(?:[^\n]{0,25}?\b)?(?:"
    r"already\s+a\s+(?:subscriber|member)|bereits\s+abonnent(?:in)?|déjà\s+abonné(?:e)?"
    r"|ya\s+eres\s+suscriptor|sei\s+già\s+abbonato|já\s+é\s+assinante|ben\s+je\s+al\s+abonnee"
    r")\s*\?",
    re.IGNORECASE,
)
#: The prompt to log in after :data:`_ALREADY_PAID`'s question: its verb first, or after a
#: prompt's own lead words, "Log in", "Please log in", "Click here to log in", "Bitte melden
#: Sie sich an" (the verb right after the marks only lost those: s35 acc-read #21).
#: "Sign up at the front desk" is none, nor a sentence whose verb comes after any other
#: words, "Bring your card and log in at any of the new computers" (a library's notice
#: ending a local story, cut when four words of any kind could lead: s36 acc-read F13)
_LOG_IN = re.compile(
    r"[\s*_\[(>#•·–—:.!-]*(?:(?:please|kindly|simply|bitte|veuillez|por\s+favor|per\s+favore"
    r"|(?:click|tap|klicken\s+sie|cliquez|haga\s+clic|haz\s+clic|clicca)\s+"
    r"(?:here|hier|ici|aquí|qui)(?:\s+(?:to|um|pour|para|per))?|(?:pour\s+)?vous)[\s,]+)*"
    r"(?:log\s*in|sign\s*in|anmelden|einloggen"
    r"|(?:melden|loggen)\s+sie\s+sich\s+(?:[^\W\d_]+\s+){0,2}?(?:an|ein)"
    r"|(?:se\s+)?connecte[zr]|identifiez|inicia(?:r)?\s+sesión|accedi|entr(?:e|ar)|faça\s+login"
    r"|inloggen)\b",
    re.IGNORECASE,
)
#: How long a paywall's prompt is at most (a paragraph of the article is longer)
_PAYWALL_CHARS = 200
#: How many of a text's last lines may be the prompt's ("Subscribe to continue reading." /
#: "Already a subscriber? Log in." / "Subscribe now")
PAYWALL_LINES = 3


#: Words one of which each prompt of :data:`_PAYWALL` and of :data:`_ALREADY_PAID` holds
#: but those with a letter beyond ASCII ("für", "à lire"; a test checks every alternative
#: of the two): a line of ASCII without any is no prompt, told by one search of its lower
#: case, where the patterns tried their alternatives after each of its first 26 characters
#: (~1.4 µs a line, four to six lines a page). (ASCII only: there, the patterns' case-blind
#: match is the lower case's; elsewhere "ſ" matches an "s" of them, say.)
_PAYWALL_TRIGGER = re.compile(
    r"subscri|reading|member|premium|reached|regist|lesen|abonn|suscr|socios|abbonat"
)


def is_paywall(line: str, following: str = "") -> bool:
    """Whether ``line`` (``following``: the line after it) is a paywall's prompt to
    subscribe or log in to read on."""
    if len(line) > _PAYWALL_CHARS:
        return False
    if line.isascii() and _PAYWALL_TRIGGER.search(line.lower()) is None:
        return False
    if _PAYWALL.match(line) is not None:
        return REPORTED.search(line.casefold()) is None
    m = _ALREADY_PAID.match(line)
    return m is not None and (
        _LOG_IN.match(line, m.end()) is not None
        or (line[m.end() :].strip() == "" and _LOG_IN.match(following) is not None)
    )


def paywall_cut(lines: list[str], after: str = "") -> int:
    """How many of ``lines``' last lines (a kept text's; ``after``: the removed line after
    them) are a paywall's prompt, with at least one of them :func:`is_paywall`: 0 when the
    text does not end at a paywall. The short lines after the prompt's first ("Log in",
    "Subscribe now") go with it."""
    last = len(lines)
    start = max(0, last - PAYWALL_LINES)
    for k in range(start, last):
        # (the last line's is ``after``: a kept "Already a subscriber?" over a removed
        # "Please log in" was no paywall; s35 acc-read #7)
        following = lines[k + 1] if k + 1 < last else after
        # (what follows the prompt is short, "Log in", or a prompt too: "Keep reading with a
        # 7-day free trial" / "Subscribe to Water Policy Weekly to keep reading this post
        # and get 7 days of free access ...")
        if is_paywall(lines[k], following) and all(
            len(ln) <= 60 or is_paywall(ln) for ln in lines[k + 1 :]
        ):
            return last - k
    return 0


#: the reason of a line removed by :func:`sign_up_prompts`
SIGN_UP_REASON = "newsletter sign-up prompt after the article"

#: A newsletter's sign-up prompt: a verb of signing up or receiving, a word of mail, and the
#: site's or the reader's voice ("Sign up to our daily newsletter for the latest headlines",
#: "Abonnieren Sie unseren Newsletter …", "Inscrivez-vous à notre newsletter …", "Recibe
#: cada mañana las noticias más importantes en tu correo", "Подпишитесь на нашу рассылку …",
#: "ニュースレターに登録すると …"); looked for after the article's last paragraph only
#: (:func:`sign_up_prompts`)
_SIGN_UP_VERB = re.compile(
    r"(?i)\b(?:sign(?:ing)?[ -]up|subscribe|register|get|receive|abonnieren|anmelden|"
    r"bestellen|erhalten|inscrivez|abonnez|recevez|recevoir|suscr[ií]b[ea]te|suscr[ií]base|"
    r"suscribirse|recibe|reciba|recibir|ap[uú]ntate|iscriviti|ricevi|schrijf|meld|ontvang|"
    r"подпишитесь|подписывайтесь|подписаться|получайте)\b|登録|購読"
)
#: the words that name a newsletter itself (not a mailbox: "correo", "Postfach", "inbox"),
#: and those of the scripts whose words ``\b`` does not part
_NEWSLETTER_NAMES = r"newsletters?|lettre d'information|bolet[ií]n|nieuwsbrief|рассылк\w*"
_NEWSLETTER_NAMES_CJK = r"ニュースレター|メールマガジン|メルマガ"
_MAIL_WORD = re.compile(
    rf"(?i)\b(?:{_NEWSLETTER_NAMES}|inbox|postfach|posteingang|"
    rf"bo[iî]te (?:mail|de r[ée]ception)|correo)\b|{_NEWSLETTER_NAMES_CJK}"
)
_NEWSLETTER_WORD = re.compile(rf"(?i)\b(?:{_NEWSLETTER_NAMES})\b|{_NEWSLETTER_NAMES_CJK}")
#: a sign-up verb that opens a sentence of the line (an imperative, "Recibe cada mañana …",
#: "… in your inbox? Sign up"), not one of a report ("El Ayuntamiento recibe …")
_SIGN_UP_OPENS = re.compile(
    r"(?:^|[.!?:;]\s)\W*(?:(?:jetzt|now)\s+)?(?:"
    + _SIGN_UP_VERB.pattern.removeprefix("(?i)")
    + ")",
    re.I,
)
_READER_VOICE = re.compile(
    r"(?i)\b(?:our|your|you|unseren?|unsere[mnrs]?|sie|ihr(?:e[mnrs]?)?|notre|nos|votre|vous|"
    r"tu|su|nuestr[ao]s?|nostr[ao]|onze|je|нашу|наш[аеи]?)\b"
    rf"|{_NEWSLETTER_NAMES_CJK}"
)
#: a list's item: its mark, or its number
_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪]\s|\d{1,3}[.)]\s)")
#: the longest line of a sign-up prompt, and the kept lines looked at from the text's end
_SIGN_UP_CHARS = 200
_SIGN_UP_TAIL = 6
#: the fewest words of a paragraph of the article (where the text's tail ends), or its
#: fewest characters (a Japanese or Chinese one has no spaces)
_PARAGRAPH_WORDS = 8
_PARAGRAPH_CHARS = 50


def is_sign_up(line: str) -> bool:
    """Whether ``line`` is a newsletter's sign-up prompt (see :data:`_SIGN_UP_VERB`). Not a
    list's item: "- Sign up for the Disney+ bundle using the same email as your Hulu
    account" is a how-to's step (an e-mail alone is no newsletter's word either)."""
    return (
        len(line) <= _SIGN_UP_CHARS
        and not _LIST_ITEM.match(line)
        and _MAIL_WORD.search(line) is not None
        and _SIGN_UP_VERB.search(line) is not None
        and _READER_VOICE.search(line) is not None
        # (a sentence of a report has the same words: "El Ayuntamiento recibe … quejas por
        # correo de vecinos … su barrio", "… kann sich im Rathaus anmelden; Sie erhalten …
        # per Post in Ihr Postfach": without the newsletter's name, a line of a paragraph's
        # words is a prompt only when it opens with the verb; s45 read F7)
        and (
            len(line.split()) < _PARAGRAPH_WORDS
            or _NEWSLETTER_WORD.search(line) is not None
            or _SIGN_UP_OPENS.search(line) is not None
        )
    )


def sign_up_prompts(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a newsletter's sign-up prompt
    (:func:`is_sign_up`) after the article's last paragraph: among the text's last kept
    lines (:data:`_SIGN_UP_TAIL`), below its last kept paragraph that is no prompt, with
    one such paragraph at least above them. A text browser's dump wraps the sign-up box's
    sentence, and the sentence put back together read as the article's prose: it was kept
    in 12 w3m and 7 lynx records, and hid a paywall's prompt above it (s44 acc-genres G12,
    G10)."""
    found: list[int] = []
    seen = 0
    for j in range(len(lines) - 1, -1, -1):
        if not keep[j] or not lines[j]:
            continue
        if is_sign_up(lines[j]):
            found.append(j)
        elif lines[j].endswith(_SENTENCE_END) and (
            len(lines[j].split()) >= _PARAGRAPH_WORDS or len(lines[j]) >= _PARAGRAPH_CHARS
        ):
            return found
        seen += 1
        if seen >= _SIGN_UP_TAIL:
            break
    return []
