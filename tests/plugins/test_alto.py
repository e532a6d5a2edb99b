"""ALTO XML (the Library of Congress standard in which libraries deliver newspaper OCR) is
read as its words, one text block a line, not archived as markup (s30 OCR acceptance test
F8: the XML was the record's text, its title "<Layout><Page ID=...")."""

from __future__ import annotations

from test_sources import read

from corearchive_plugins.sources import alto_text

#: ALTO v4: a headline block and a paragraph of three lines, one word hyphenated across two
#: lines with the hyphen as a HYP element and no SUBS_CONTENT, a word with SUBS_CONTENT
ALTO_V4 = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by the digitisation workflow -->
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
<Description><MeasurementUnit>pixel</MeasurementUnit></Description>
<Layout><Page ID="P1" HEIGHT="8000" WIDTH="6000"><PrintSpace>
<TextBlock ID="B1"><TextLine><String CONTENT="HARVEST"/><SP/><String CONTENT="FESTIVAL."/>
</TextLine></TextBlock>
<TextBlock ID="B2">
<TextLine><String CONTENT="The"/><SP/><String CONTENT="harvest"/><SP/><String CONTENT="fes"/>
<HYP CONTENT="-"/></TextLine>
<TextLine><String CONTENT="tival"/><SP/><String CONTENT="was"/><SP/><String CONTENT="held"/>
<SP/><String CONTENT="in"/><SP/><String CONTENT="the"/><SP/><String CONTENT="school-"
SUBS_TYPE="HypPart1" SUBS_CONTENT="schoolroom"/><HYP CONTENT="-"/></TextLine>
<TextLine><String CONTENT="room" SUBS_TYPE="HypPart2" SUBS_CONTENT="schoolroom"/><SP/>
<String CONTENT="on"/><SP/><String CONTENT="Thursday."/></TextLine>
</TextBlock>
</PrintSpace></Page></Layout></alto>
"""


def test_alto_is_read_as_its_words_one_block_a_line():
    text, counts = alto_text(ALTO_V4)  # type: ignore[misc]
    assert text == (
        "HARVEST FESTIVAL.\n\nThe harvest festival was held in the schoolroom on Thursday.\n"
    )
    assert counts == {"blocks": 2, "lines": 4, "words": 12, "hyphenated": 2}


def test_an_alto_file_is_a_text_document_of_its_words_with_the_xml_as_raw():
    fmt, docs, failures, _ = read(ALTO_V4, "page-0001.xml")
    assert fmt == "text" and not failures and len(docs) == 1
    doc = docs[0]
    assert doc.text.startswith("HARVEST FESTIVAL.\n\nThe harvest festival was held")
    assert "<String" not in doc.text
    assert doc.raw == ALTO_V4  # (the archive keeps the file)
    assert doc.source.content_type == "application/xml"
    assert doc.annotations["source"]["alto"]["words"] == 12


def test_other_xml_and_damaged_or_hostile_alto():
    # XML that is no ALTO stays text as before
    other = b'<?xml version="1.0"?>\n<rss><channel><title>News</title></channel></rss>\n'
    assert alto_text(other) is None
    fmt, docs, _, _ = read(other, "feed.xml")
    assert fmt == "text" and docs[0].text == other.decode()
    # a file cut short: the words before the cut
    got = alto_text(ALTO_V4[: ALTO_V4.index(b'<TextLine><String CONTENT="room"')])
    assert got is not None and got[0].startswith("HARVEST FESTIVAL.")
    # an entity is not resolved (no file, no network read)
    hostile = (
        b'<?xml version="1.0"?>\n<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
        b'<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="a&x;b"/>'
        b"</TextLine></TextBlock></PrintSpace></Page></Layout></alto>"
    )
    got = alto_text(hostile)
    assert got is not None and got[0] == "ab\n"  # (the entity left out)


def test_an_alto_file_with_a_doctype_is_read_as_alto():
    """A DOCTYPE (with an internal subset) before <alto>: the file was read as plain text
    and its markup archived as the record's text (s31 acc-regress #9)."""
    head, rest = ALTO_V4.split(b"\n", 1)
    for doctype in (
        b'<!DOCTYPE alto SYSTEM "alto-v4.dtd">',
        b'<!DOCTYPE alto [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
    ):
        fmt, [doc], failures, _ = read(head + b"\n" + doctype + b"\n" + rest, "page.alto.xml")
        assert fmt == "text" and not failures
        assert doc.text.startswith("HARVEST FESTIVAL.\n\nThe harvest festival was held")
        assert doc.annotations["source"]["alto"]["words"] == 12


def test_a_compound_broken_at_its_hyphen_keeps_it():
    # "mother-" HYP "in-law": a part with a hyphen of its own is a compound's (s31
    # acc-regress #5b: "motherin-law"); a word broken into syllables is joined whole
    alto = ALTO_V4.replace(b'CONTENT="fes"', b'CONTENT="mother"').replace(
        b'CONTENT="tival"', b'CONTENT="in-law"'
    )
    text, _ = alto_text(alto)  # type: ignore[misc]
    assert "The harvest mother-in-law was held in the schoolroom" in text


def test_the_sniff_of_many_comments_takes_linear_time():
    """A start of n XML comments that is no ALTO: the sniff's lazy comment in a repeated
    group split the comments 2^n ways (24 comments 7 s, 26 hung a run beyond any time
    limit; s32 acc-read #10). Likewise the HTML start's sniff (a file's head, a dump's text
    field). Each now takes milliseconds for a thousand comments."""
    import time

    from corearchive_plugins.sources import (
        _ALTO_START,
        _HTML_START,
        _text_starts_as_html,
        starts_as_html,
    )

    for n in (22, 1000):
        began = time.perf_counter()
        assert _ALTO_START.match("<!-- a -->\n" * n + "<root/>") is None
        assert _ALTO_START.match("<!-- a -->" * n + "<!--") is None
        assert _HTML_START.match(b"<!---->" * n + b"<p>") is None
        assert not _text_starts_as_html("<!---->" * n + "<p>x</p>")
        assert not starts_as_html(b"<!-- a --> " * n)
        assert time.perf_counter() - began < 0.3, n
    # the whole read: the file is text, its comments and all
    data = b"<!-- a comment -->\n" * 1000 + b"<root>words</root>\n"
    began = time.perf_counter()
    fmt, [doc], _, _ = read(data, "notes.xml")
    assert fmt == "text" and doc.text == data.decode()
    assert time.perf_counter() - began < 1.0
    # what the sniffs took before they still take: comments (one holding "--" and "->"),
    # declarations, a DOCTYPE; a comment not closed, or text between comments, is no prolog
    assert _ALTO_START.match('<?xml version="1.0"?>\n<!-- a -- b -> c -->\n <ns:alto>')
    assert _HTML_START.match(b"<!-- a --> <?xml version='1.0'?>\n<!-- b -->\n<!doctype html>")
    assert _text_starts_as_html("<!----><!-- x --><html lang=en>")
    assert not _ALTO_START.match("<!-- a <alto>")
    assert not _text_starts_as_html("<!-- a --> words <!-- b --><html>")
