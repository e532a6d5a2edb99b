"""A page's tools, a media player's controls and screen-reader labels as whole lines of a
plain text, in the languages of the line model's lexicon (s46 acc-data D7, D8).

The line model's furniture words cover these buttons in English and German ("Print",
"Drucken", "Play"); a council's or an easy-read page's "Imprimer la page", "Escuchar",
"Печать", "Воспроизвести", "0:00 / 3:05", which stand between its short lines, were kept.
Nor are a screen reader's labels, which a browser's copy holds ("End of chart", "Fin du texte
facile à lire"), or a link's "(opens in new window)" anything a reader sees. A line that is
one of these whole (:func:`page_tool`) is no text, wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: the reason given to the lines removed
PAGE_TOOL_REASON = "page tool, player control or screen-reader label"

#: a link's screen-reader suffix: "(opens in new window)", "(öffnet in neuem Fenster)",
#: "(s'ouvre dans une nouvelle fenêtre)", "(nouvelle fenêtre)", "(se abre en una ventana
#: nueva)", "(откроется в новом окне)", "(external link)"
NEW_WINDOW = (
    r"\((?:(?:link )?opens|öffnet|s'ouvre|se abre|abre|si apre|opent|откроется|открывается)"
    r"[^()]{0,40}(?:window|tab|fenster|tab|fenêtre|onglet|ventana|pestaña|finestra|venster|"
    r"окне|вкладке)[^()]{0,12}\)|\((?:nouvelle fenêtre|neues fenster|nueva ventana|new window|"
    r"external link|externer link|lien externe|enlace externo|внешняя ссылка)\)"
)
_TOOLS = (
    # print, listen, read aloud, share or send the page
    r"print(?: this)?(?: page| article)?|(?:diese )?seite drucken|drucken|"
    r"imprimer(?: (?:la|cette) page| l'article)?|imprimir(?: (?:la |esta )?página)?|"
    r"stampa(?: (?:la|questa) pagina)?|печать(?: страницы)?|распечатать|"
    r"listen(?: to)?(?: this)?(?: page| article)?|(?:seite |artikel )?vorlesen|"
    r"(?:diese )?seite vorlesen|écouter(?: (?:la|cette) page| l'article)?|"
    r"escuchar(?: (?:la|esta) página| (?:el|este) artículo)?|ascolta(?: la pagina)?|"
    r"слушать|прослушать(?: страницу)?|"
    r"share this page|partager (?:la|cette) page|compartir (?:la|esta) página|"
    r"envoyer (?:la|cette) page|"
    r"contraste renforcé|high contrast|hoher kontrast|alto contraste|"
    # a player's controls
    r"play(?: video)?|watch video|reproducir(?: vídeo| video)?|lire la vidéo|"
    r"video abspielen|воспроизвести|смотреть видео|"
    r"captions|subtitles|untertitel|sous-titres|subtítulos|субтитры|"
    r"full ?screen|vollbild|plein écran|pantalla completa|во весь экран|"
    r"mute|unmute|ton aus|couper le son|silenciar|выключить звук|"
    # a feedback prompt's question
    r"(?:was|is) this page (?:helpful|useful)\??|war diese seite hilfreich\s?\??|"
    r"cette page vous a-t-elle été utile\s?\??|"
    r"¿?(?:le )?(?:ha resultado|ha sido|es) útil (?:esta|la) (?:página|información)\s?\??|"
    r"была ли (?:эта )?страница полезной\s?\??|"
    # a screen reader's closing labels
    r"end of (?:the )?(?:chart|graphic|table|map|video|image description|easy read text)|"
    r"(?:chart|graphic|image) description ends|"
    r"fin d[ue] (?:la |l')?(?:texte facile à lire|graphique|tableau|description[^.]{0,30})|"
    r"fin del (?:texto en lectura fácil|gráfico|texto fácil|mapa)|"
    r"ende (?:des textes in leichter sprache|der grafik|der tabelle|der bildbeschreibung)|"
    r"конец (?:описания )?(?:графика|таблицы|карты|текста[^.]{0,30})"
)
#: a whole line that is a page's tool, a player's control or a screen reader's label (a list's
#: item as lynx or w3m mark it: "* Seite drucken"); or a
#: player's clock ("0:00 / 3:05"); or a link of at most eight words that opens a new window
_TOOL_LINE = re.compile(
    rf"(?:[*+•·o#@-] )?(?:{_TOOLS})|\d{{1,2}}:\d\d(?::\d\d)? ?/ ?\d{{1,2}}:\d\d(?::\d\d)?|"
    rf"(?:\S+ ){{0,7}}\S+ ?(?:{NEW_WINDOW})",
    re.IGNORECASE,
)


def page_tool(line: str) -> bool:
    """Whether ``line`` (stripped) is a page's tool, a player's control or a screen-reader
    label, whole (see the module's docstring)."""
    return len(line) <= 120 and _TOOL_LINE.fullmatch(line) is not None


_SUFFIX = re.compile(rf"\s?(?:{NEW_WINDOW})", re.IGNORECASE)
#: the suffix without its space, to find it: a search for ``_SUFFIX`` tries its optional
#: space at every position of the line, and cost 8 times as much (~80 µs a corpus document)
_SUFFIX_FOUND = re.compile(NEW_WINDOW, re.IGNORECASE)


def without_new_window(lines: Sequence[str], kept: Sequence[int]) -> dict[int, str]:
    """The lines of ``kept`` (positions in ``lines``) that hold a link's screen-reader
    suffix (:data:`NEW_WINDOW`), written without it: {position: line}."""
    out: dict[int, str] = {}
    for j in kept:
        s = lines[j]
        if "(" in s and _SUFFIX_FOUND.search(s) is not None:
            out[j] = _SUFFIX.sub("", s)
    return out
