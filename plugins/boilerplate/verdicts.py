"""The boilerplate stage's decisions on a plain text's lines, handed on to later stages.

The stage leaves a :class:`LineVerdicts` in ``doc.work["text_verdicts"]`` for every plain
text it cleans with the line model (not for HTML, whose text trafilatura extracts): which
lines it kept, which it removed and why. The metadata stage reads it to tell a headline
from a line the stage removed as another story's teaser, a feed's item or a menu's, and to
find the top of the kept text; a third-party stage may read it too (``doc.work`` never goes
into a record). A stage that needs it checks that ``text`` is the text it reads: the
indices count that text's lines (split on any newline, as :func:`.lines.decide` splits).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

#: The work entry a :class:`LineVerdicts` is left under
VERDICTS_KEY = "text_verdicts"

#: What a removed line was, as far as a later stage cares: ``teaser`` (another story's
#: headline or its label: a title-like teaser, a listing's, a "Read more:" link, a link to
#: the previous or next post), ``related`` (a list of other stories after the article),
#: ``feed`` (the site's feed of its latest stories, with their times), ``menu`` (a nested
#: menu's item, a breadcrumb trail, a contents list, page tools, furniture words),
#: ``running_head`` (a printed page's running head or number), ``other`` (anything else:
#: the model's own reasons, which a headline gets too)
LineKind = Literal["teaser", "related", "feed", "menu", "running_head", "other"]


@lru_cache(maxsize=1)
def _kinds() -> dict[str, LineKind]:
    """The :data:`LineKind` of each rule's reason (imported when first asked: the stage's
    modules import this one)."""
    from . import (
        BREADCRUMB_REASON,
        LEAD_TRAIL_REASON,
        PAGE_NUMBER_REASON,
        PROMO_REASON,
        RUNNING_HEAD_REASON,
        TEASER_MARK_REASON,
    )
    from .afterlists import DATED_FEED_REASON, RELATED_LIST_REASON
    from .artefacts import NESTED_MENU_REASON
    from .feeds import FEED_HEADING_REASON, FEED_REASON
    from .lines import TEASER_REASON
    from .pagetools import PAGE_TOOL_REASON
    from .postnav import POST_NAV_REASON
    from .scholarly import RUNNING_HEAD_REASON as PRINTED_HEAD_REASON
    from .scholarly import TOC_REASON
    from .structures import CONTENTS_LIST_REASON, LISTING_REASON
    from .trails import TRAIL_REASON

    kinds: dict[str, LineKind] = {}
    for r in (TEASER_REASON, LISTING_REASON, PROMO_REASON, POST_NAV_REASON, TEASER_MARK_REASON):
        kinds[r] = "teaser"
    kinds[RELATED_LIST_REASON] = "related"
    for r in (FEED_REASON, DATED_FEED_REASON, FEED_HEADING_REASON):
        kinds[r] = "feed"
    for r in (
        NESTED_MENU_REASON,
        BREADCRUMB_REASON,
        LEAD_TRAIL_REASON,
        TRAIL_REASON,
        CONTENTS_LIST_REASON,
        TOC_REASON,
        PAGE_TOOL_REASON,
    ):
        kinds[r] = "menu"
    for r in (RUNNING_HEAD_REASON, PAGE_NUMBER_REASON, PRINTED_HEAD_REASON):
        kinds[r] = "running_head"
    return kinds


def line_kind(reason: str) -> LineKind:
    """The :data:`LineKind` of a removed line's ``reason`` (as the stage records it)."""
    return _kinds().get(reason, "other")


@dataclass(frozen=True, slots=True)
class LineVerdicts:
    """The boilerplate stage's decisions on the lines of ``text``.

    ``kept``: the indices of the lines it kept, ascending; ``removed``: the index of each
    non-blank line it removed -> its reason (as in ``annotations.boilerplate.removed``).
    Blank lines are in neither."""

    text: str
    kept: tuple[int, ...]
    removed: Mapping[int, str]

    def kind(self, line: int) -> LineKind | None:
        """What line ``line`` was removed as (:data:`LineKind`); None when it was kept or
        blank."""
        reason = self.removed.get(line)
        return None if reason is None else line_kind(reason)

    @property
    def first_kept(self) -> int | None:
        """The index of the first line kept (the top of the cleaned text), if any."""
        return self.kept[0] if self.kept else None
