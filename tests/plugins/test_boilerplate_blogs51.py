"""Blogs and newsletters (s51 acc-blogs B1-B6, B11, B16, B19): code blocks and shell
sessions of a plain text, footnotes of an HTML post, Mailchimp's and the newsletter
platforms' template lines. The fixtures are written for these tests."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage


def _page(blocks: list[list[str]]) -> str:
    """A browser copy: blocks of lines, blank lines between them."""
    return "\n\n".join("\n".join(b) for b in blocks)


def _kept(run_stage: Any, text: str) -> list[str]:
    """The lines the boilerplate stage keeps of a plain text."""
    return run_stage(BoilerplateStage, make_document(text)).kept[0].text.split("\n")


# a developer blog's post as a browser copies it: a shell session whose commands hold the
# lexicon's chrome words ("app", "share", "help", "login"), a copy button, prose after it
DEV_POST = [
    ["Harbour Labs", "Blog", "Docs", "Jobs"],
    ["Moving our object store to a new region without downtime"],
    ["Priya Raman"],
    ["October 2, 2026"],
    [
        "Last quarter we moved eleven terabytes of user uploads from one region to another"
        " while the service kept running. This post walks through the steps we took and"
        " the one we would skip next time."
    ],
    ["Copying the buckets"],
    ["First, mirror the bucket with the sync command and check what it would copy:"],
    ["Copy"],
    [
        "$ rclone sync --dry-run old:app-share new:app-share --log-level INFO",
        "$ rclone sync old:app-share new:app-share --transfers 64 --checkers 128",
        "Transferred:   11.02 TiB / 11.02 TiB, 100%",
        "Checks:        4210931 / 4210931, 100%",
        "Elapsed time:  9h12m4.1s",
    ],
    [
        "The first full copy took a little over nine hours on the shared link, and the"
        " second one only moved what had changed in the meantime."
    ],
    ["Switching the clients"],
    [
        "We then changed the endpoint in the configuration of every service and rolled the"
        " change out behind a flag, one team at a time, over two days."
    ],
    [
        "Nothing broke, which is the best outcome a migration post can report. The old"
        " buckets stay read-only for another month before we delete them."
    ],
    ["Share", "Twitter", "LinkedIn"],
    ["© 2026 Harbour Labs · Privacy · Terms"],
]


def test_a_shell_session_of_a_plain_text_post_is_kept_with_the_article_after_it(
    run_stage: Any,
) -> None:
    """B1: the session's commands carry chrome words ("app", "share"): read as chrome, the
    block was removed and the article cut after it. The block is code by its shape (a
    prompt opens it, its output follows), kept whole; its copy button goes."""
    kept = _kept(run_stage, _page(DEV_POST))
    for line in DEV_POST[8]:
        assert line in kept
    assert DEV_POST[9][0] in kept  # the prose after the block
    assert DEV_POST[12][0] in kept  # and the article's end
    assert "Copy" not in kept
    assert "© 2026 Harbour Labs · Privacy · Terms" not in kept


def test_a_code_block_keeps_its_indentation(run_stage: Any) -> None:
    """B1: a kept code block's lines are written as the page has them."""
    code = [
        "def retry(call, times=3):",
        "    for attempt in range(times):",
        "        try:",
        "            return call()",
        "        except TimeoutError:",
        "            log.info('attempt %d failed', attempt)",
    ]
    blocks = [*DEV_POST[:7], code, *DEV_POST[9:]]
    kept = _kept(run_stage, _page(blocks))
    for line in code:
        assert line in kept


def test_prose_menus_and_messages_are_no_code_blocks() -> None:
    """A page's lines that carry a sign or two of code but read as text are no block: a
    PHP warning, a link, a menu, a list of items ending in ";"."""
    from corearchive_plugins.boilerplate.codeblocks import code_spans

    lines = [
        "Home | About | Contact",
        "",
        "Strict Standards: Non-static method Gallery::get_option() should not be called"
        " statically in /www/wp-content/plugins/gallery.php on line 813",
        "",
        "https://www.example.org/news/detail/?tx_news_pi1=12&cHash=ab_cd",
        "",
        "  • buy fewer devices ;",
        "  • repair rather than replace ;",
        "",
        "[ reply ]",
    ]
    assert code_spans(lines) == []
