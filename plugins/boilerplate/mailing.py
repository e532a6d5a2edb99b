"""The furniture a press release and an e-mail newsletter carry inside their own text.

A release as the wires file it ends with its media contact, a press officer's name, phone and
e-mail under a label ("Media contact:", "Pressekontakt:", "Rückfragehinweis:", "Contact
presse", "Contacto de prensa", "Noot voor de redactie"), and the wire's marks ("###",
"SOURCE Acme Corp", "Photo - https://..."); a newsletter's archived issue keeps its e-mail's
lines to the reader ("View this email in your browser", "Forward to a friend", "You are
receiving this email because ...", "Unsubscribe | Update preferences"). Both sit inside the
article's own block, in the site's voice, with the rhythm of the article's last lines: the
line model kept the e-mail lines and half of each contact block (the label and the e-mail
alone, fragments), and trafilatura keeps all of them on an HTML page (s41 acc-press F1, F2,
F10, F19). They are a closed vocabulary in each language, told by their wording:

* :func:`is_mail_furniture`: a line that starts with one of a newsletter e-mail's phrases
  (:data:`_MAIL`), or a short run of links one of which is one ("Advertise with us |
  Unsubscribe | Manage preferences");
* :func:`contact_block`: a press contact's label and the lines under it down to the last
  that holds an e-mail address, a phone number or a web address, each short or holding one
  (a sentence of the release after the label ends the block: a city's "Residents with
  questions may contact Public Works at 330-555-0120." is the notice's own);
* the wire's marks (:data:`_WIRE_MARK`): "###" and "-30-", "SOURCE Acme Corp", a
  multimedia link ("Photo - https://...", "View original content: https://...").

:func:`release_furniture` finds all three in a text's lines. The text path removes them
after the line model (``boilerplate._drop_release_furniture``), the HTML path from
trafilatura's text. The About paragraph of the issuer stays: it is the release's, as filed.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corearchive import lazyre as re

from .lines import _SENT_IN, CLOSING_MARKS, SENTENCE_MARKS, notice_line
from .notes import _LEAD, LEAD_MARKS

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: the reason of a line of a newsletter's e-mail furniture
MAIL_REASON = "newsletter e-mail's line to its reader (view in browser, unsubscribe)"
#: the reason of a line of a press contact's block
CONTACT_REASON = "press release's media contact (label, name, phone, e-mail)"
#: the reason of a line of the issuer's About paragraph kept (:func:`about_paragraph`)
ABOUT_REASON = "press release's About paragraph of its issuer"
#: the reason of a wire's mark
WIRE_REASON = "press release wire's mark (###, SOURCE, multimedia link)"

#: A newsletter e-mail's line to its reader, at the line's start (after list marks): the
#: link to the web version, to forward or to unsubscribe, the notice of why it was received.
#: English, German, French, Spanish, Italian, Dutch, Portuguese.
_MAIL = re.compile(
    _LEAD + r"(?:"
    # English
    r"view\s+(?:this\s+|the\s+)?(?:e-?mail\s+|newsletter\s+|message\s+|issue\s+|it\s+)?"
    r"(?:in\s+(?:your\s+|a\s+)?(?:web\s+)?browser|online\b|as\s+a\s+web\s*page)"
    r"|(?:view|read)\s+(?:the\s+)?(?:web|online|browser)\s+version"
    r"|(?:having\s+trouble|trouble|problems?|unable\s+to|can(?:'|’|no)t)\s+view(?:ing)?\s+"
    r"this\s+(?:e-?mail|message|newsletter)"
    r"|forward\s+(?:this\s+(?:e-?mail|newsletter|issue)\s+)?to\s+a\s+(?:friend|colleague)"
    r"|unsubscribe\b|update\s+(?:your\s+)?(?:subscription|e-?mail\s+)?preferences"
    r"|manage\s+(?:your\s+)?(?:subscription|e-?mail\s+preferences|preferences)"
    r"|you\s*(?:are|'re|’re)\s+receiving\s+this\s+(?:(?:[\w-]+\s+)?(?:e-?mail|message"
    r"|newsletter|digest|alert)|because|as\s+a\s+(?:subscriber|member))"
    r"|you\s+(?:received|got)\s+this\s+"
    r"(?:e-?mail|message|newsletter)|this\s+(?:e-?mail|message|newsletter)\s+was\s+sent\s+to"
    r"|want\s+to\s+change\s+how\s+you\s+receive\s+these"
    r"|you\s+can\s+(?:update|change|manage)\s+(?:your\s+)?(?:e-?mail\s+)?(?:preferences|subscription)"
    # (in a sentence, only one that names the list: "You can change your subscription with
    # most carriers ..." is a consumer article's, s42 acc-read F1)
    r"(?:\W*$|(?=.*(?:unsubscrib|e-?mail|newsletter|\blist\b|at\s+any\s+time|settings|account)))"
    r"|(?:was\s+this\s+(?:e-?mail|newsletter)\s+forwarded\s+to\s+you)"
    r"|(?:if\s+you\s+)?(?:no\s+longer\s+(?:wish|want)|don(?:'|’)t\s+want)\s+to\s+receive"
    r"\s+(?:these|this|our)\s+(?:[\w-]+\s+){0,2}(?:e-?mails?|newsletters?|messages?|updates"
    r"|communications|mailings?|alerts?|notifications?|digests?|bulletins?)\b"
    r"|add\s+us\s+to\s+your\s+address\s+book|our\s+mailing\s+address\s+is"
    r"|(?:this|today(?:'|’)s)\s+(?:issue|edition|newsletter|e-?mail|brief|digest)\s+"
    r"(?:of\s+[^\n]{1,40}?\s+)?is\s+(?:brought\s+to\s+you|sponsored|presented)\s+by"
    r"|powered\s+by\s+(?:mailchimp|substack|buttondown|beehiiv|ghost|convertkit|kit"
    r"|sendinblue|brevo|mailerlite|campaign\s+monitor|revue|tinyletter|hubspot)\b"
    # German
    r"|(?:newsletter\s+|e-?mail\s+)?im\s+browser\s+(?:ansehen|anzeigen|öffnen|lesen)"
    r"|(?:wird\s+)?diese\s+(?:e-?mail|nachricht|newsletter)\s+(?:wird\s+)?nicht\s+"
    r"(?:korrekt|richtig)\s+angezeigt|(?:zur\s+)?(?:web|online)-?version\b"
    r"|(?:den\s+|vom\s+)?newsletter\s+(?:abbestellen|abmelden)|abbestellen\b|abmelden\b"
    r"|sie\s+erhalten\s+diese[nrs]?\s+(?:e-?mail|newsletter|nachricht|rundbrief)"
    r"|an\s+(?:einen\s+)?freund(?:e|in)?\s+weiterleiten"
    # French
    r"|voir\s+(?:la\s+version\s+en\s+ligne|en\s+ligne|(?:cet?\s+(?:e-?mail|message)|"
    r"(?:cette\s+|la\s+)(?:lettre|newsletter))\s+dans\s+(?:votre|le)\s+navigateur)"
    r"|afficher\s+dans\s+(?:le|votre)\s+navigateur"
    r"|vous\s+recevez\s+(?:cette|ce|cet)\s+(?:(?:e-?)?mail|courriel|message|lettre|newsletter"
    r"|infolettre|bulletin|alerte|notification)|(?:se\s+)?désinscri(?:re|ption)|"
    r"(?:se\s+)?désabonner|désabonnement|gérer\s+(?:mes|vos)\s+(?:préférences|abonnements?)"
    r"|transférer\s+à\s+un\s+ami"
    # Spanish
    r"|ver\s+(?:este\s+(?:correo|e-?mail|mensaje)\s+)?en\s+(?:el|tu|su)\s+navegador"
    r"|ver\s+(?:la\s+)?versión\s+(?:web|en\s+línea|online)|(?:darse|date)\s+de\s+baja"
    r"|cancelar\s+(?:la\s+)?suscripción|(?:has\s+)?recib(?:es|ido)\s+este\s+"
    r"(?:correo|e-?mail|mensaje|boletín)|reenviar\s+a\s+un\s+amigo"
    # Italian
    r"|visualizza\s+(?:nel\s+browser|la\s+versione\s+(?:web|online))"
    r"|annulla\s+(?:l['’]\s*)?iscrizione|disiscriviti|cancella\s+l['’]\s*iscrizione"
    r"|(?:ricevi|hai\s+ricevuto)\s+questa\s+(?:e-?mail|newsletter|comunicazione)"
    # Dutch
    r"|bekijk\s+(?:deze\s+(?:e-?mail|nieuwsbrief)\s+)?(?:in\s+(?:je|uw)\s+browser|online)"
    r"|uitschrijven\b|afmelden\b|(?:je|u)\s+ontvangt\s+deze\s+(?:e-?mail|nieuwsbrief)"
    # Portuguese
    r"|ver\s+no\s+navegador|cancelar\s+(?:a\s+)?inscrição|descadastr"
    r"|você\s+(?:está\s+)?receb(?:e|endo)\s+(?:este\s+(?:e-?mail|boletim|informativo|newsletter)"
    r"|esta\s+(?:mensagem|newsletter))"
    # Mailchimp's footer as its templates write it in each language (view in browser, the
    # mailing address's label, "Want to change how you receive these emails?", "You can
    # update your preferences or unsubscribe from this list."; s51 acc-blogs B3)
    # (each sentence whole, as the English ones are, or the label alone on its line: their
    # first words are a settings how-to's or an article's too — "Sie können Ihre
    # Einstellungen aktualisieren, indem Sie ...", "Notre adresse postale est restée la même
    # depuis 1998."; s52 acc-read F8)
    r"|voir\s+ce\s+courriel\s+dans\s+(?:votre|le)\s+navigateur"
    r"|notre\s+adresse\s+postale\s+est\s*:?\s*$"
    r"|vous\s+souhaitez\s+modifier\s+la\s+façon\s+dont\s+vous\s+recevez\s+(?:nos|ces)\s+"
    r"(?:courriels|e-?mails|messages|lettres)\s*\?"
    r"|vous\s+pouvez\s+mettre\s+à\s+jour\s+vos\s+préférences\s+ou\s+vous\s+désinscrire"
    r"|diese\s+e-?mail\s+im\s+browser\s+(?:ansehen|anzeigen|öffnen)"
    r"|unsere\s+(?:post|mail)(?:anschrift|adresse)\s+(?:lautet|ist)\s*:?\s*$"
    r"|möchten\s+sie\s+ändern,?\s+wie\s+sie\s+diese\s+e-?mails\s+erhalten\s*\?"
    r"|sie\s+können\s+ihre\s+einstellungen\s+aktualisieren\s+oder\s+sich\s+(?:von\s+dieser\s+"
    r"liste\s+)?abmelden"
    r"|ver\s+este\s+correo\s+electrónico\s+en\s+(?:el|tu|su)\s+navegador"
    r"|nuestra\s+dirección\s+(?:postal|de\s+correo(?:\s+postal)?)\s+es\s*:?\s*$"
    r"|(?:¿\s*)?quieres\s+cambiar\s+cómo\s+recibes\s+estos\s+correos\s*\?"
    r"|puedes\s+actualizar\s+tus\s+preferencias\s+o\s+darte\s+de\s+baja"
    r"|visualizza\s+questa\s+e-?mail\s+nel\s+(?:tuo\s+)?browser"
    r"|il\s+nostro\s+indirizzo(?:\s+postale)?\s+è\s*:?\s*$"
    r"|vuoi\s+cambiare\s+il\s+modo\s+in\s+cui\s+ricevi\s+queste\s+e-?mail\s*\?"
    r"|puoi\s+aggiornare\s+le\s+tue\s+preferenze\s+o\s+(?:annullare|cancellar)"
    r"|ons\s+(?:post|mail)adres\s+is\s*:?\s*$"
    r"|wil\s+je\s+wijzigen\s+hoe\s+je\s+deze\s+e-?mails\s+ontvangt\s*\?"
    r"|je\s+kunt\s+je\s+voorkeuren\s+bijwerken\s+of\s+je\s+(?:afmelden|uitschrijven)"
    r"|ver\s+este\s+e-?mail\s+no\s+(?:seu\s+)?navegador"
    r"|nosso\s+endereço\s+(?:postal|de\s+correspondência|de\s+e-?mail)\s+é\s*:?\s*$"
    r"|deseja\s+alterar\s+(?:como|a\s+forma\s+como)\s+(?:você\s+)?recebe\s+(?:estes|esses)\s+"
    r"e-?mails\s*\?"
    r"|você\s+pode\s+atualizar\s+suas\s+preferências\s+ou\s+cancelar"
    # the newsletter platforms' own boxes inside a post (Substack's "Thanks for reading NAME!
    # Subscribe for free to receive new posts and support my work." in its languages, "NAME
    # is a reader-supported publication", Ghost's "Sign up for NAME"; s51 acc-blogs B6)
    r"|thanks\s+for\s+reading\s+[^\n]{1,80}?[.!]\s+subscribe\s+for\s+free"
    r"|gracias\s+por\s+leer\s+[^\n]{1,80}?[.!]\s+suscr[ií]bete\s+gratis"
    r"|danke\s+(?:fürs|für\s+das)\s+lesen\s+[^\n]{1,80}?[.!]\s+(?:jetzt\s+)?(?:kostenlos\s+)?abonnieren"
    r"|merci\s+d['’]avoir\s+lu\s+[^\n]{1,80}?\s?[.!]\s+abonnez-vous\s+gratuitement"
    r"|grazie\s+per\s+aver\s+letto\s+[^\n]{1,80}?[.!]\s+iscriviti\s+gratuitamente"
    r"|obrigad[oa]\s+por\s+ler\s+[^\n]{1,80}?[.!]\s+(?:assine|inscreva-se)\s+gratuitamente"
    r"|bedankt\s+voor\s+het\s+lezen\s+[^\n]{1,80}?[.!]\s+abonneer\s+gratis"
    r"|[^\n]{1,80}?\s+is\s+a\s+reader-supported\s+publication\b"
    r"|sign\s+up\s+for\s+(?:[^\s.!?]+\s+){0,3}[^\s.!?]+\s*$"
    r")",
    re.IGNORECASE,
)
#: The sentences of :data:`_MAIL` (not a link's words): why the e-mail came, how to stop it,
#: its sponsor, its platform
_MAIL_NOTICE = re.compile(
    _LEAD + r"(?:(?:if\s+you\s+)?(?:no\s+longer|don(?:'|’)t\s+want)|you\s*(?:are|'re|’re)\s+"
    r"receiving|you\s+(?:received|got|can)|this\s+(?:e-?mail|message|newsletter)\s+was"
    r"|was\s+this|want\s+to\s+change|our\s+mailing|(?:this|today(?:'|’)s)\s+\w+\s"
    r"|powered\s+by|having\s+trouble|(?:wird\s+)?diese\s|sie\s+erhalten|vous\s+recevez"
    r"|(?:has\s+)?recib|(?:ricevi|hai\s+ricevuto)|(?:je|u)\s+ontvangt|você"
    # (Mailchimp's footer sentences in its languages: s51 acc-blogs B3)
    r"|notre\s|vous\s+(?:souhaitez|pouvez)|unsere\s|möchten\s|sie\s+können|nuestra\s"
    r"|(?:¿\s*)?quieres\s|puedes\s|il\s+nostro|vuoi\s|puoi\s|ons\s|wil\s+je|je\s+kunt"
    r"|nosso\s|deseja\s"
    # (the platforms' boxes: s51 acc-blogs B6)
    r"|thanks\s+for|gracias\s+por|danke\s|merci\s|grazie\s|obrigad|bedankt\s|sign\s+up\s+for"
    r"|[^\n]{1,80}?\s+is\s+a\s+reader-supported)",
    re.IGNORECASE,
)
#: The separators of a run of links on one line ("Unsubscribe | Update preferences"; a
#: menu's: the metadata stage's share bars and menus)
LINK_SEPS = re.compile(r"\s+[|·•]\s+")
#: The most words of a run of links (a sentence that names unsubscribing is longer)
_LINKS_WORDS = 12
_WORD = re.compile(r"\w+")
#: What may follow a link's words of :data:`_MAIL` on its line, from the rest of the word
#: they end in ("Manage subscription|s"): nothing but marks, the link's object in a few
#: words of the mailing's own vocabulary ("Unsubscribe from this list", "Abmelden vom
#: Newsletter", "Afmelden voor de nieuwsbrief", "or unsubscribe"), or a link's
#: screen-reader note ("Manage Your Subscription this link opens in a new tab"). A line that
#: goes on in other words is a headline's or a sub-heading's that opens with them ("Manage
#: your subscriptions before streaming prices rise again", "Unsubscribe rates are rising",
#: "Abmelden lohnt sich", "Webversion des Spiels erscheint im Mai"; s42 acc-read F13)
_LINK_TAIL = re.compile(
    r"\w*+(?:\W*+(?:this\s+link\s+)?opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)"
    r"|(?:[\W_]++(?:here|now|below|instantly|at|any|time|from|of|to|or|and|this|these|the|our"
    r"|your|you|my|click|view|online|browser|version|all|future|list|mailing|mailings"
    r"|e-?mails?|newsletters?|messages?|updates|alerts|communications|subscriptions?"
    r"|preferences|settings|unsubscribe|manage|update"
    r"|hier|jetzt|vom|von|diesem|dem|den|oder|und|ihre|verteiler|einstellungen|ändern"
    r"|anzeigen|ansehen|öffnen|lesen"
    r"|ici|de|du|la|le|cette|ce|cet|lettre|infolettre|liste|diffusion|ou|et|mes|vos|votre"
    r"|aquí|del|este|esta|boletín|correo|lista|o|y|tu|su"
    r"|qui|dalla|da|questa|questo|oppure"
    r"|van|voor|deze|nieuwsbrief|je|uw"
    r"|aqui|do|desta|deste|sua)(?![\w-])){0,6})[\W_]*+$",
    re.IGNORECASE,
)


def _is_link(text: str) -> bool:
    """Whether ``text`` is a newsletter e-mail's link: it opens with one of :data:`_MAIL`'s
    phrases and goes on with no other words than :data:`_LINK_TAIL`'s."""
    m = _MAIL.match(text)
    return m is not None and _LINK_TAIL.match(text, m.end()) is not None


def is_mail_furniture(line: str) -> bool:
    """Whether ``line`` is a newsletter e-mail's line to its reader: one of :data:`_MAIL`'s
    notices (why the e-mail came, how to stop it), a short line that is one of its links
    (:func:`_is_link`), or a short run of links (:data:`LINK_SEPS`) one of which is one."""
    if _MAIL.match(line) is not None:
        # (the notices of why the e-mail came are sentences, review2 F1; a link's words
        # open a short line, a sentence that opens with them is the text's: "Abmelden
        # können sich die Läufer bis Freitag", "Unsubscribe rates rose ...")
        if _MAIL_NOTICE.match(line) is not None:
            return True
        if len(_WORD.findall(line)) > _LINKS_WORDS or line.rstrip()[-1:] in ".!?":
            return False
        if _is_link(line):
            return True
    # (no separator, no run of links: the test in C first; counting every line's words
    # cost ~2.3 µs a line, ~80 µs a corpus document)
    if "|" not in line and "·" not in line and "•" not in line:
        return False
    if len(_WORD.findall(line)) > _LINKS_WORDS:
        return False
    parts = LINK_SEPS.split(line)
    return len(parts) > 1 and any(_is_link(p) for p in parts)


#: A press contact's label, on its own line or before the contact ("Media Contact:", "Media
#: inquiries: press@...", "Rückfragehinweis:", "Noot voor de redactie, niet voor publicatie:").
#: A bare "Contact" / "Kontakt" only with its colon: alone it is a menu's item (a police
#: report's menu "Kontakt" over the report's dateline was taken for a block)
_CONTACT_LABEL = re.compile(
    _LEAD + r"(?:(?:"
    r"(?:media|press|news|investor|investors|ir|pr|public)\s+(?:and\s+\w+\s+)?"
    r"(?:contacts?|inquiries|enquiries|relations)"
    r"|for\s+(?:further|more|additional)\s+information,?\s+(?:please\s+)?contact"
    r"|press\s+office|pressekontakte?|medienkontakte?|rückfragehinweise?|pressestelle"
    r"|(?:ansprechpartner(?:in)?|kontakt)\s+für\s+(?:die\s+)?(?:presse|medien|journalist\w*)"
    r"|contacts?\s+(?:presse|médias?)|relations?\s+(?:presse|médias)"
    r"|contactos?\s+(?:de\s+|para\s+)?(?:prensa|medios)|gabinete\s+de\s+prensa"
    r"|contatti\s+(?:stampa|per\s+la\s+stampa)|ufficio\s+stampa"
    r"|perscontact|persvoorlichting|noot\s+voor\s+de\s+redactie[^:\n]{0,40}"
    r"|contatos?\s+(?:de\s+|para\s+)?imprensa|assessoria\s+de\s+imprensa"
    r")[*_\])]*\s*(?:[:：]\s*(?P<rest>.*))?"
    r"|(?:contacts?|kontakt|contacto|contatto|inquiries|enquiries|(?:für\s+)?rückfragen)"
    r"[*_\])]*\s*[:：]\s*(?P<bare>.*))",
    re.IGNORECASE,
)
#: An e-mail address (the metadata stage's Korean bylines end with one)
#: (the look-behind: tried at a run's start only, not at each of its characters — a long
#: token without "@" cost the square of its length, 100 KB 17 s; s42 acc-read F2. The local
#: part in ASCII, as addresses are written: a Korean byline's "기자minjun@..." has its
#: address right after the word, review42 R10)
EMAIL = r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[\w-]+(?:\.[\w-]+)+"
#: What shows a line is a contact's: an e-mail address, a phone number (after its word, or
#: with a "+", or seven digits or more in groups set off by spaces, dashes or slashes: not a
#: date's dots, "31.10.2023"), a web address
_EVIDENCE = re.compile(
    EMAIL + r"|(?i:\b(?:tel|telefon|phone|tél|téléphone|teléfono|telefono|fax|mobil|mobile|handy"
    r"|mob|cell|gsm)\b\.?\s*:?\s*\+?\(?\d)"
    r"|(?<![\w.,/])\+\s?\d[\d\s()/-]{6,}\d"
    r"|(?<![\w.,/])\(?\d{2,5}\)?(?:\s?[-/]\s?|\s)\d{2,8}(?:[\s/-]\d{2,5}){0,3}(?![\w.,/])"
    r"|https?://|\bwww\.",
)
#: Two years of a span (a war's "1914-1918", a season's "2023/2024"): eight digits in two
#: groups, no phone number (s42 acc-read F11: a line of the release under its contact block
#: that named one went as the contact's)
_YEAR_RANGE = re.compile(r"(1\d{3}|20\d{2})\s?[-/]\s?(1\d{3}|20\d{2})")
#: The fewest digits of a phone number
_PHONE_DIGITS = 7
#: How many lines after its label a contact block runs at most
_CONTACT_LINES = 9
#: The most words of a contact's line without such evidence (a name, a role, a company)
_CONTACT_WORDS = 8


#: The characters :data:`.notes._LEAD` passes over, and the first letters of
#: :data:`_CONTACT_LABEL`'s labels after them ("media", "press", "news", "investor", "ir",
#: "for further", "rückfrage", "ansprechpartner", "kontakt", "contact", "gabinete", "ufficio",
#: "noot", "enquiries", "assessoria", "für rückfragen", "public"): a line that starts with
#: another is no label (most lines, at the cost of one test in C)
_LEAD_CHARS = string.whitespace + LEAD_MARKS
_LABEL_FIRST = frozenset("mpnifrakcgue")
#: ... and their first two letters, as a line in ASCII may start a label (re.I matches an
#: ASCII letter to its two cases only; "rü", "fü" and a line of other characters are asked
#: of the pattern; a space :data:`_LEAD_CHARS` leaves, "\x1c", too)
_LABEL_STARTS = frozenset(
    ("me", "pr", "ne", "in", "ir", "pu", "fo", "an", "ko", "co", "re", "ga", "uf", "pe", "no",
     "as", "en")
)  # fmt: skip


def contact_block(lines: Sequence[str], at: int) -> int:
    """How many lines from ``lines[at]`` are a press contact's block: its label
    (:data:`_CONTACT_LABEL`) and the lines under it to the last that shows a contact
    (:data:`_EVIDENCE`), each short (a name, a role) or showing one; 0 when ``lines[at]``
    is no label or no contact follows it."""
    line = lines[at]
    rest = line.lstrip(_LEAD_CHARS)
    first = rest[:1]
    if first.casefold() not in _LABEL_FIRST and not first.isspace():
        return 0  # (the test in C first: no label starts so)
    if (two := rest[:2]).isascii() and not first.isspace() and two.lower() not in _LABEL_STARTS:
        return 0  # (nor so: half the lines pass the first letter, ~30 µs a corpus document)
    m = _CONTACT_LABEL.fullmatch(line)
    if m is None:
        return 0
    rest = m["rest"] or m["bare"] or ""
    if rest and len(_WORD.findall(rest)) > 2 * _CONTACT_WORDS:  # (a sentence, not a contact)
        return 0
    size = 1 if _contact(rest) else 0
    for k in range(at + 1, min(len(lines), at + 1 + _CONTACT_LINES)):
        line = lines[k]
        if _ABOUT.match(line):
            break  # (the issuer's About paragraph is the release's)
        words = len(_WORD.findall(line))
        # (a sentence of more words than a contact's line that shows a web address only is
        # the text's: the About paragraph's "... at www.acme.example."; review2 F2. One
        # with a phone or an e-mail is the contact's: "Voor meer informatie kunt u contact
        # opnemen met ... via 06-55598765 of pers@...")
        sentence = words > _CONTACT_WORDS and line.rstrip(")\"'”’»")[-1:] in ".!?"
        if sentence and _sentences(line) > 1:
            break  # (a paragraph is the text's: see _sentences)
        if words <= 3 * _CONTACT_WORDS and _contact(line, web=not sentence):
            size = k - at + 1
        elif (
            words <= 3 * _CONTACT_WORDS
            and line.rstrip()[-1:] not in ".!?"
            and k + 1 < len(lines)
            and _contact(lines[k + 1], web=False)
        ):
            # (a sentence wrapped at a width that goes on in the next line, which shows the
            # phone or e-mail: "... woordvoerder, via" / "06-55512345 of pers@...", lynx at
            # 100 columns; s41 acc-press F9)
            continue
        elif words > _CONTACT_WORDS or _CONTACT_LABEL.fullmatch(line):
            break
    return size


#: The fewest words of a sentence :func:`_sentences` counts (fewer: an abbreviation's
#: stop, "Ansprechpartnerin ist Dr. Anna Weber", cut off a part; "Tel.: +49(0)69/24 788-203"
#: is numbers)
_SENTENCE_WORDS = 4
_LETTERS = re.compile(r"[^\W\d_]+")


def _sentences(line: str) -> int:
    """How many sentences of :data:`_SENTENCE_WORDS` words of letters or more ``line``
    holds, parted where a sentence's end is followed by the next (lines' ``_SENT_IN``).  A
    contact's line is one sentence at most ("Voor meer informatie kunt u contact opnemen met ... via
    06-55598765 of pers@..."); a paragraph of two is the text's, a phone number in it or not:
    "Call the airline first. Most have a dedicated line ..., 0344 493 0787, is open 24
    hours." under an advice's "Contact:" label was removed as the contact's (s42
    acc-regress R6). The letters of a contact's evidence are no words: "Jane Doe, Head of
    Communications. Tel. +44 20 7946 0000. Email: jane.doe@acme-energy.com." was two
    sentences by its address's "jane", "doe", "acme", "energy" (s43 acc-read F10)."""
    line = _EVIDENCE.sub(" ", line)
    count, start = 0, 0
    for m in (*_SENT_IN.finditer(line), None):
        end = len(line) if m is None else m.start() + 1
        count += len(_LETTERS.findall(line, start, end)) >= _SENTENCE_WORDS
        start = end
    return count


#: The heading of the issuer's About paragraph ("About Acme Corp", "Über die Stadtwerke",
#: "À propos d'Alvéa"), the issuer's name after it; after its lead marks, as a label's ("--
#: About Acme Corp --", "**About Acme**"; s42 acc-read F5)
_ABOUT = re.compile(
    _LEAD + r"(?:(?:about|über|acerca\s+de|sobre|over|informazioni\s+su)\s+"
    r"|à\s+propos\s+(?:de\s+|d['’]\s*))(?P<name>.*)",
    re.IGNORECASE,
)
#: The most words of an About heading, and the first words of its paragraph among which the
#: paragraph names the issuer ("Fondé en 1962, le Groupe Alvéa est ...")
_ABOUT_WORDS = 8
_NAMED_WITHIN = 12
#: The fewest words of the About paragraph (a sentence, not a link's label)
_ABOUT_PARAGRAPH = 8
#: A capitalised word of an issuer's name (3 letters or more)
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
#: The first letters of :data:`_ABOUT`'s words
_ABOUT_FIRST = frozenset("AaÜüÀàSsOoIi")
#: How many lines above the About heading or below its paragraph the release's contact
#: block or wire mark is looked for
_ABOUT_REACH = 12


def _contact(line: str, web: bool = True) -> bool:
    """Whether ``line`` shows a contact (:data:`_EVIDENCE`): a phone number of
    :data:`_PHONE_DIGITS` digits or more, an e-mail or (``web``) a web address."""
    for m in _EVIDENCE.finditer(line):
        found = m.group()
        if not web and found.lower().startswith(("http", "www")):
            continue
        if (years := _YEAR_RANGE.fullmatch(found)) is not None and years[1] < years[2]:
            continue  # (a span of years: "Shadows of War 1914-1918", "the 2023/2024 season")
        if not found[-1].isdigit() or sum(map(str.isdigit, found)) >= _PHONE_DIGITS:
            return True
        if not found[0].isdigit() and not found.startswith(("+", "(")):  # (after its word)
            return True
    return False


#: A wire's mark: the end marks "###" and "-30-", PR Newswire's "SOURCE Acme Corp" (the word
#: in capitals), its multimedia links ("Photo - https://...", "View original content to
#: download multimedia: https://...")
_WIRE_MARK = re.compile(
    r"\s*(?:#{3}|-\s?30\s?-)\s*"
    r"|\s*SOURCE\s+(?=[^\n]*[a-z])\S[^\n]{0,80}"
    r"|\s*(?i:(?:photo|logo|video|image|infographic)s?\s+-\s+https?://\S+"
    r"|view\s+original\s+content(?:\s+to\s+download\s+multimedia)?\s*:\s*https?://\S+)\s*"
)


#: What a wire's mark starts with (:data:`_WIRE_MARK`; a line of another start is not
#: tried), a space too for a line given unstripped
_WIRE_MARK_FIRST = frozenset("#-SpPlLvViI \t")


def about_paragraph(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed lines of ``lines`` (a text's, stripped; ``keep``: the line model's
    decisions) that are a press release's About heading ("Über die Stadtwerke Lindenau", at
    most :data:`_ABOUT_WORDS` words, no sentence, no run of links) or the paragraph right
    under it, a sentence that names the issuer among its first :data:`_NAMED_WITHIN` words
    ("Die Stadtwerke Lindenau GmbH versorgen rund 61.000 ..."), after a kept line of the
    text and within :data:`_ABOUT_REACH` lines of the release's contact block or wire mark.
    The issuer's own description (see the module's docstring): the model read the heading
    as a related link's title after the article's end, and, when a blank line stood
    between all lines, the paragraph after it as the page's (s41 acc-press F15, F20). A
    blog's box about its author ("Über Lars Sobiraj" / "Lars Sobiraj fing im Jahr 2000
    an ...") has the same form but no release's furniture by it, and stays removed; so
    does a headline of a figure after "Over" or "About" ("Over 500 homes flooded in
    Harbourside", a teaser under a council's news: s43 acc-read F8), which names no one."""
    out: list[int] = []
    seen = False
    n = len(lines)
    for i, line in enumerate(lines[:-1]):
        seen = seen or keep[i]
        lead = line.lstrip(_LEAD_CHARS)[:1]  # (after the marks _ABOUT passes over)
        if not seen or lead not in _ABOUT_FIRST or (m := _ABOUT.fullmatch(line)) is None:
            continue
        nxt = lines[i + 1]
        if (
            len(_WORD.findall(line)) > _ABOUT_WORDS
            or line.endswith((*".!?", ":"))
            or LINK_SEPS.search(line)
            or len(_WORD.findall(nxt)) < _ABOUT_PARAGRAPH
            or not nxt.rstrip(CLOSING_MARKS).endswith(tuple(SENTENCE_MARKS))
        ):
            continue
        head = m["name"].split(maxsplit=2)
        if len(head) > 1 and head[0][:1].isdigit() and head[1][:1].islower():
            continue  # (a quantity, "500 homes", "300 jobs": no issuer's name)
        names = {w.casefold() for w in _NAME_WORD.findall(m["name"]) if w[0].isupper()}
        first = {w.casefold() for w in _WORD.findall(nxt)[:_NAMED_WITHIN]}
        near = range(max(0, i - _ABOUT_REACH), min(n, i + 2 + _ABOUT_REACH))
        if names & first and any(
            contact_block(lines, k)
            or (lines[k][:1] in _WIRE_MARK_FIRST and _WIRE_MARK.fullmatch(lines[k]))
            for k in near
        ):
            out += [j for j in (i, i + 1) if not keep[j]]
    return out


def release_furniture(lines: Sequence[str], keep: Sequence[bool] | None = None) -> dict[int, str]:
    """The lines of ``lines`` (a text's, stripped) that are a newsletter e-mail's furniture
    (:func:`is_mail_furniture`), a press contact's block (:func:`contact_block`) or a
    wire's mark (:data:`_WIRE_MARK`), by index, each with its reason. ``keep``: the lines
    still in the text; the others are looked at as a contact block's only (its label may be
    gone, its e-mail kept)."""
    found: dict[int, str] = {}
    j = 0
    while j < len(lines):
        line = lines[j]
        if size := contact_block(lines, j):
            found.update(dict.fromkeys(range(j, j + size), CONTACT_REASON))
            j += size
            continue
        if keep is not None and not keep[j]:
            pass
        elif line[:1] in _WIRE_MARK_FIRST and _WIRE_MARK.fullmatch(line):
            found[j] = WIRE_REASON
        elif is_mail_furniture(line):
            found[j] = MAIL_REASON
        j += 1
    mail = [j for j, why in found.items() if why == MAIL_REASON]
    if len(mail) >= 2:
        found.update(_mail_footer(lines, mail, keep))
    return found


#: The most words of a footer's copyright or address line (:func:`.lines.notice_line`)
_FOOTER_WORDS = 16


def _mail_footer(
    lines: Sequence[str], mail: list[int], keep: Sequence[bool] | None
) -> dict[int, str]:
    """The lines of a newsletter e-mail's footer around its furniture lines (``mail``, two
    or more): the copyright line among them or just before them, and the address under the
    mailing address's label ("Notre adresse postale est :"). Mailchimp writes them between
    its own lines, in the list's language (s51 acc-blogs B3); alone they are a site's
    notice, which a text may keep. The copyright line is any site notice's
    (:func:`.lines.notice_line`: "Copyright © 2026 Name, All rights reserved.", "© 2026
    Name", "Name — Tous droits réservés.")."""
    out: dict[int, str] = {}
    taken = set(mail)
    # (only the lines next to one of Mailchimp's, blank lines apart: an issue's "View this
    # email in your browser" at the top and "Unsubscribe" at the bottom hold the whole
    # article between them, whose "© Anna Berg / …" credit or "Copyright reform: …" heading
    # is no footer's; finalrev_A)
    near: set[int] = set()
    for m in mail:
        for step in (-1, 1):
            j = m + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            near.add(j)
    for j in sorted(near):
        if j < 0 or j >= len(lines) or j in taken or (keep is not None and not keep[j]):
            continue
        line = lines[j]
        short = len(_WORD.findall(line)) <= _FOOTER_WORDS
        if short and notice_line(line.lstrip(_LEAD_CHARS)):
            out[j] = MAIL_REASON
        elif short and j - 1 in taken and lines[j - 1].rstrip().endswith(":"):
            out[j] = MAIL_REASON  # (the address under its label)
    return out


#: the class of a Mailchimp template's text cell (its campaign archives keep the e-mail's
#: layout tables)
_MAILCHIMP_CELL = "mcnTextContent"


def may_be_mailchimp(html: str) -> bool:
    """Whether the page's markup may be a Mailchimp campaign (no walk without its cells)."""
    return _MAILCHIMP_CELL in html


def mailchimp_lists(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Make the lists inside a Mailchimp template's text cells (``td.mcnTextContent``)
    paragraphs (``<ul>``/``<ol>`` a ``<div>``, each ``<li>`` a ``<p>``), and return the
    elements with their tags, for :func:`.figures.restore`. trafilatura drops a list in a
    layout table's cell: an archived issue lost its bullets ("Cost: £84,000", a reading's
    date and title; s51 acc-blogs B3)."""
    out: list[tuple[HtmlElement, str]] = []
    for td in tree.iter("td"):
        if _MAILCHIMP_CELL not in (td.get("class") or ""):
            continue
        for e in td.iter("ul", "ol", "li"):
            out.append((e, e.tag))
            e.tag = "p" if e.tag == "li" else "div"
    return out


#: Why a sign-up box's tagline left the text
TAGLINE_REASON = "sign-up box's tagline (between the box's call and its form)"
#: The most words of a sign-up box's tagline ("A weekly letter about the plumbing of the web.")
_TAGLINE_WORDS = 15


def box_taglines(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped; ``keep``: what the text keeps) that are a
    newsletter sign-up box's tagline: one short line (:data:`_TAGLINE_WORDS` words at
    most) right under the box's call, a removed line that is mail furniture (Ghost's "Sign
    up for NAME"), with a removed line under it (the box's form: "Email sent! Check your
    inbox ...", "No spam. Unsubscribe anytime."). The box's other lines went; its tagline
    stayed as the article's last paragraph (s51 acc-blogs, Ghost)."""
    rows = [j for j, s in enumerate(lines) if s]
    out = []
    for n in range(1, len(rows) - 1):
        j, prev, nxt = rows[n], rows[n - 1], rows[n + 1]
        # (the decisions first: a kept line between two removed ones is rare, and its words
        # are counted only then, not every kept line's)
        if not keep[j] or keep[prev] or keep[nxt]:
            continue
        if len(lines[j].split()) > _TAGLINE_WORDS or not is_mail_furniture(lines[prev]):
            continue
        # (the call's line alone: a line of links that is mail furniture is no box)
        if "|" in lines[prev] or "·" in lines[prev]:
            continue
        out.append(j)
    return out
