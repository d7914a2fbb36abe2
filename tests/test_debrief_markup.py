"""Markdown escaping: whatever was typed renders as exactly those characters."""

from __future__ import annotations

from html import unescape
import re

from hypothesis import given, settings, strategies as st
from markdown_it import MarkdownIt

from wargame.debrief.markup import markdown_for_markdown, markdown_to_html, md_block, md_inline

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_TAG = re.compile(r"<[^>]+>")


def rendered_text(markdown: str) -> str:
    html = _MD.render(markdown)
    return unescape(_TAG.sub(" ", html))


def flat(text: str) -> str:
    return " ".join(text.split())


TRICKY = st.text(
    alphabet=st.sampled_from(list("abc XYZ 019 \\`*_{}[]()<>#+-.!|~&$:;=\"'/\t\n") + ["é", "—", "ß"]),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(TRICKY)
def test_inline_text_renders_literally(text):
    assert flat(rendered_text(md_inline(text))) == flat(text)


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_inline_text_in_a_table_cell_keeps_the_table(text):
    table = f"| a | b |\n|---|---|\n| {md_inline(text)} | end |\n"
    html = _MD.render(table)
    row = html.split("<tbody>", 1)[1]
    assert row.count("<td") == 2
    assert flat(unescape(_TAG.sub(" ", row.split("</td>", 1)[0]))) == flat(text)


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_block_text_renders_literally_line_by_line(text):
    assert flat(rendered_text(md_block(text))) == flat(text)


def test_line_start_constructs_are_neutralised():
    for text in ("# title", "- item", "+ item", "1. first", "3) third", "> quote", "---", "===",
                 "    code", "```", "<div>", "[a](javascript:x)", "![i](x.png)", "*a*", "_a_"):
        html = _MD.render(md_block(text))
        assert html.startswith("<p>"), (text, html)
        assert flat(rendered_text(md_block(text))) == flat(text)


def test_numbers_and_dates_are_left_readable():
    assert md_inline("2026-03-01") == "2026-03-01"
    assert md_inline("-0.67") == "-0.67"
    assert md_inline(5.33) == "5.33"
    assert md_inline(None) == ""


def test_briefing_html_escapes_raw_html_and_refuses_script_links():
    html = markdown_to_html("# Title\n\n<script>x()</script>\n\n[go](javascript:alert(1)) **bold**")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert "<h3>Title</h3>" in html and "<strong>bold</strong>" in html


def test_briefing_kept_as_markdown_is_demoted_and_defused():
    md = markdown_for_markdown("# Situation\n\nText <b>x</b> `<b>kept in code</b>`\n\n"
                               "[bad](javascript:alert(1)) [good](https://example.org)\n"
                               "```\n# not a heading <i>\n```")
    assert md.startswith("### Situation")
    assert "\\<b\\>x\\</b\\>" in md and "`<b>kept in code</b>`" in md
    assert "href=\"javascript" not in _MD.render(md) and "(<https://example.org>)" in md
    assert "# not a heading <i>" in md  # code fences are left alone
    html = _MD.render(md)
    assert "<b>" not in html.split("<code>", 1)[0]
