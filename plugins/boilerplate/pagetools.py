"""A page's tools, a media player's controls and screen-reader labels as whole lines of a
plain text, in the languages of the line model's lexicon (s46 acc-data D7, D8).

The line model's furniture words cover these buttons in English and German ("Print",
"Drucken", "Play"); a council's or an easy-read page's "Imprimer la page", "Escuchar",
"Печать", "Воспроизвести", "0:00 / 3:05", which stand between its short lines, were kept.
Nor are a screen reader's labels, which a browser's copy holds ("End of chart", "Fin du texte
facile à lire"), or a link's "(opens in new window)" anything a reader sees. A line that is
one of these whole (:func:`page_tool`) is no text, wherever it stands; a tool's word alone,
which a heading uses too ("Print", "Captions"), and a player's clock are tools by their place
(:func:`tool_lines`).
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

from .reflow import RUNNING_TIME

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
#: a tool's or control's words that name the page, the article or the video they act on,
#: or a feedback prompt's or a screen reader's label: a tool's, wherever the line stands
_TOOLS = (
    # print, listen, read aloud, share or send the page
    r"print (?:this )?(?:page|article)|print this|(?:diese )?seite drucken|"
    r"imprimer (?:(?:la|cette) page|l'article)|imprimir (?:la |esta )?página|"
    r"stampa (?:la|questa) pagina|печать страницы|распечатать|"
    r"listen to(?: this)?(?: page| article)?|(?:seite |artikel )vorlesen|"
    r"(?:diese )?seite vorlesen|écouter (?:(?:la|cette) page|l'article)|"
    r"escuchar (?:(?:la|esta) página|(?:el|este) artículo)|ascolta la pagina|"
    r"прослушать страницу|"
    r"share this page|partager (?:la|cette) page|compartir (?:la|esta) página|"
    r"envoyer (?:la|cette) page|"
    # a player's controls
    r"play video|watch video|reproducir (?:vídeo|video)|lire la vidéo|"
    r"video abspielen|смотреть видео|"
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
#: a tool's or control's word alone, which is also a heading's or a title's ("Captions",
#: "Print" over a story about print media, "Play" over a theatre review, "Печать", the
#: press): a tool only where it stands among tools (:func:`tool_lines`; s47 read F3)
_TOOL_WORDS = (
    r"print|drucken|imprimer|imprimir|stampa|печать|"
    r"listen|vorlesen|écouter|escuchar|ascolta|слушать|прослушать|"
    r"contraste renforcé|high contrast|hoher kontrast|alto contraste|"
    r"play|reproducir|воспроизвести|"
    r"captions|subtitles|untertitel|sous-titres|subtítulos|субтитры|"
    r"full ?screen|vollbild|plein écran|pantalla completa|во весь экран|"
    r"mute|unmute|ton aus|couper le son|silenciar|выключить звук"
)
#: a list's item mark as lynx or w3m write one ("* Seite drucken")
_MARK = r"(?:[*+•·o#@-] )?"
#: a player's clock ("0:00 / 3:05"), which opening hours are written as too ("09:00 / 17:30")
_CLOCK = rf"{RUNNING_TIME} ?/ ?{RUNNING_TIME}"
#: a whole line that is a page's tool, a player's control or a screen reader's label, by its
#: words; or a link of at most eight words that opens a new window
_TOOL_LINE = re.compile(rf"{_MARK}(?:{_TOOLS})|(?:\S+ ){{0,7}}\S+ ?(?:{NEW_WINDOW})", re.IGNORECASE)
#: a whole line that is a tool's word alone or a clock
_TOOL_WORD_LINE = re.compile(rf"{_MARK}(?:{_TOOL_WORDS})|({_CLOCK})", re.IGNORECASE)
#: a list's item mark that opens a line (:data:`_MARK`, not optional)
_MARKED = re.compile(r"[*+•·o#@-] ")
#: the most words of a removed line next to a tool's word alone that make it a button's
#: neighbour ("Поделиться", "Подписаться на новости")
_BUTTON_WORDS = 3
#: how many lines before and after a tool's word alone another tool makes a run of tools (a
#: player's bar is one line after another; an article's headings over one paragraph each
#: stand two lines apart)
_RUN_REACH = 1
#: the most characters of a line tested
_TOOL_CHARS = 120


def page_tool(line: str) -> bool:
    """Whether ``line`` (stripped) is a page's tool, a player's control or a screen-reader
    label, whole, by its words alone (see the module's docstring): "Imprimer la page",
    "End of chart"; not a word that a heading uses too ("Print", "Captions"), nor a clock
    (see :func:`tool_lines`)."""
    return len(line) <= _TOOL_CHARS and _TOOL_LINE.fullmatch(line) is not None


def _tool_word(line: str) -> int:
    """0 when ``line`` is no tool's word alone, 1 when it is one, 2 when it is a clock."""
    if len(line) > _TOOL_CHARS or (m := _TOOL_WORD_LINE.fullmatch(line)) is None:
        return 0
    return 2 if m[1] else 1


def tool_lines(lines: Sequence[str], kept: Sequence[int], keep: Sequence[bool]) -> list[int]:
    """The lines of ``kept`` (positions in ``lines``, stripped non-blank lines; ``keep``:
    whether each is kept) that are a page's tool, a player's control or a screen-reader
    label. A line of :func:`page_tool` is one wherever it stands. A tool's word alone
    ("Print", "Captions", "Full screen") or a player's clock ("0:00 / 3:05") is one by its
    place: in a run of tools (another tool within :data:`_RUN_REACH` lines; for a clock, a
    tool that is no clock: opening hours are clocks in a row) or among removed lines (both
    lines next to it), or as a menu's item (a list's mark) or next to a removed button of
    a few words (:data:`_BUTTON_WORDS`). An accessibility guide's headings "Captions",
    "Full screen" over their paragraphs, a review's "Play", opening hours "09:00 / 17:30"
    are the page's (s47 read F3)."""
    n = len(lines)
    word = [0] * n
    tool = [False] * n
    # (only the kept lines and the lines next to them are asked about: the patterns on
    # every line of the page cost ~60 µs a corpus document)
    asked = {k for j in kept for k in (j - 1, j, j + 1) if 0 <= k < n}
    for j in asked:
        tool[j] = page_tool(lines[j])
        if not tool[j]:
            word[j] = _tool_word(lines[j])
    near = {j for j in asked if tool[j] or word[j]}
    out: list[int] = []
    for j in kept:
        if tool[j]:
            out.append(j)
        elif word[j]:
            run = [
                k
                for k in range(max(0, j - _RUN_REACH), min(n, j + _RUN_REACH + 1))
                if k != j and k in near and (word[j] == 1 or tool[k] or word[k] == 1)
            ]
            among_removed = 0 < j < n - 1 and not keep[j - 1] and not keep[j + 1]
            # (a tool's word as a menu's item, "• Contraste renforcé", or by a removed
            # button the patterns do not know, "Поделиться", "Esporta": a heading has no
            # list mark and stands between paragraphs; s48 acc-regress R4)
            by_button = word[j] == 1 and (
                _MARKED.match(lines[j]) is not None
                or any(
                    0 <= k < n and not keep[k] and len(lines[k].split()) <= _BUTTON_WORDS
                    for k in (j - 1, j + 1)
                )
            )
            if run or among_removed or by_button:
                out.append(j)
    return out


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
