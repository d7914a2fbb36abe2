"""Free text comes out inert in every format: no markup, no template evaluation.

Every place a participant or trainer types text (move text, adjudication and perception
notes, hotline messages and replies, notes, ratings, lessons, improvement items, hot-wash
answers, delegation names, inject and objective wording) is seeded with HTML, Jinja and
Markdown control characters. The HTML debrief must show them escaped; the Markdown
debrief, rendered as GitHub would (tables on, raw HTML allowed), must show the same
literal characters and nothing else; Jinja syntax must never be evaluated.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from test_debrief_helpers import FIXTURES, play_actions, utc
from wargame.debrief import render_debrief

NASTY = ("<script>alert(1)</script> {{ 7*7 }} {% for x in y %}{% endfor %} | a * b _c_ "
         "# [x](javascript:alert(1)) `code` ~~gone~~ $math$ &lt; <img src=x onerror=alert(1)> \\*")


def nasty(tag: str) -> str:
    return f"{tag} {NASTY}"


BLOCK = "BLOCKNOTE # Heading\n- item\n1. first\n> quote\n---\n    indented <b>bold</b> {{ 7*7 }}"


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def read_html(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def flat(text: str) -> str:
    return " ".join(text.split())


def scenario_file(tmp_path) -> object:
    shutil.copy(FIXTURES / "harbour-rules.yaml", tmp_path / "harbour-rules.yaml")
    text = (FIXTURES / "harbour.yaml").read_text(encoding="utf-8")
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar
    text = text.replace("name: North Port Authority", f"name: {q(nasty('DELEGATION'))}")
    text = text.replace("objectives: [Keep the channel open]", f"objectives: [{q(nasty('DOBJECTIVE'))}]")
    text = text.replace("red_lines: [Tugs boarded]", f"red_lines: [{q(nasty('REDLINE'))}]")
    text = text.replace("title: Dredger aground in the channel", f"title: {q(nasty('INJECTTITLE'))}")
    text = text.replace("text: The dredger Maren is aground across the channel.",
                        f"text: {q(nasty('INJECTTEXT'))}")
    text = text.replace("text: Stay below an armed clash", f"text: {q(nasty('OBJECTIVE'))}")
    text = text.replace("  - What surprised you?", f"  - {q(nasty('QUESTION'))}")
    text = text.replace("  Two ports share one **harbour mouth**. A dredger ran aground in the fog.",
                        "  SUMMARYTAG <script>alert(1)</script> {{ 7*7 }} [click](javascript:alert(1))")
    path = tmp_path / "harbour.yaml"
    path.write_text(text, encoding="utf-8")
    return path


FIELDS = ["MOVE", "ADJUDICATION", "PERCEPTION", "HOTLINE", "REPLY", "NOTE", "RATING",
          "STRENGTH", "IMPROVEMENT", "ISSUE", "ACTION", "OWNER", "CONTACT", "HOTWASH",
          "DELEGATION", "DOBJECTIVE", "REDLINE", "INJECTTITLE", "OBJECTIVE", "QUESTION"]
# Trainer-written Markdown (the briefing, inject texts) is rendered as Markdown, safely:
# its emphasis may become emphasis, but raw HTML, script links and Jinja stay inert.
MARKDOWN_FIELDS = ["INJECTTEXT", "SUMMARYTAG"]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nasty")
    scenario = scenario_file(folder)
    actions = [
        ("phase", {"to": "exercise"}),
        ("move", {"id": "m1", "by": "north", "type": "patrol", "target": "south",
                  "text": nasty("MOVE"), "intent": "status-quo"}),
        ("adjudicate", {"move": "m1", "decision": "approve", "note": nasty("ADJUDICATION")}),
        ("perceive", {"by": "south", "move": "m1", "as": "posturing", "note": nasty("PERCEPTION")}),
        ("hotline", {"id": "h1", "from": "north", "to": "south", "text": nasty("HOTLINE")}),
        ("ack", {"message": "h1", "by": "south", "text": nasty("REPLY")}),
        ("note", {"by": "facilitator", "text": nasty("NOTE"), "visibility": "public"}),
        ("note", {"by": "facilitator", "text": BLOCK, "visibility": "public"}),
        ("phase", {"to": "assess"}),
        ("rate", {"objective": "below-clash", "rating": "S", "note": nasty("RATING")}),
        ("lesson", {"kind": "strength", "text": nasty("STRENGTH")}),
        ("lesson", {"kind": "improvement", "text": nasty("IMPROVEMENT")}),
        ("hotwash", {"question": 0, "answer": nasty("HOTWASH"), "by": "north"}),
        ("phase", {"to": "adjust"}),
        ("improve", {"issue": nasty("ISSUE"), "action": nasty("ACTION"), "owner": nasty("OWNER"),
                     "contact": nasty("CONTACT"), "due": "2026-09-01"}),
    ]
    opened = play_actions(folder / "nasty.wargame", actions, start=utc(2026, 7, 1, 9), scenario=scenario)
    yield opened
    opened.close()


def _assert_inert_html(html: str) -> None:
    reader = read_html(html)
    tags = {tag for tag, _ in reader.tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    for tag, attrs in reader.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...> came through"
            assert "javascript:" not in (value or "").lower(), f"<{tag} {name}={value!r}>"
    assert not any(f"{t} 49" in html for t in FIELDS + MARKDOWN_FIELDS), (
        "a Jinja expression in free text was evaluated")


def test_html_shows_every_free_text_escaped(session):
    html = render_debrief(session, format="html")
    _assert_inert_html(html)
    text = flat(" ".join(read_html(html).text))
    for tag in FIELDS:
        assert flat(nasty(tag)) in text, f"{tag} text is missing or altered in the HTML"
        assert f"{tag} 49" not in html, f"{tag}: a Jinja expression was evaluated"
    # The escaped form is what is in the file.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()


def _render_markdown(md: str) -> str:
    # As GitHub does: tables on, raw HTML passed through (GitHub sanitises it later; if our
    # escaping failed, the raw tag would show up here).
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(md)


def test_markdown_shows_every_free_text_literally(session):
    md = render_debrief(session, format="md")
    html = _render_markdown(md)
    _assert_inert_html(html)
    reader = read_html(html)
    text = flat(" ".join(reader.text))
    for tag in FIELDS:
        assert flat(nasty(tag)) in text, f"{tag} text is missing or altered in the Markdown"
        assert f"{tag} 49" not in md
    # The literal text above proves no character was eaten by markup; and the elements
    # the payload asks for (none of which the templates use) did not appear.
    tags = {tag for tag, _ in reader.tags}
    assert not tags & {"img", "script", "b", "blockquote", "pre", "ol"}
    assert flat(BLOCK) in text


def test_markdown_tables_keep_their_columns(session):
    md = render_debrief(session, format="md")
    html = _render_markdown(md)
    # The improvement plan has six columns whatever its cells contain.
    plan = html.split("Improvement plan", 1)[1].split("</table>", 1)[0]
    first_row = plan.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert first_row.count("<td") == 6


def test_public_edition_is_inert_too(session):
    for fmt in ("html", "md"):
        out = render_debrief(session, format=fmt, edition="public")
        html = out if fmt == "html" else _render_markdown(out)
        _assert_inert_html(html)
        for tag in ("STRENGTH", "ISSUE", "DELEGATION", "NOTE"):
            assert flat(nasty(tag)) in flat(" ".join(read_html(html).text))


def test_briefing_markdown_is_rendered_without_raw_html_or_script_links(session):
    html = render_debrief(session, format="html")
    _assert_inert_html(html)
    assert "SUMMARYTAG &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "INJECTTEXT &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    md = render_debrief(session, format="md")
    rendered = _render_markdown(md)
    _assert_inert_html(rendered)
    assert "SUMMARYTAG 49" not in md and "SUMMARYTAG 49" not in html
    # The inject text's Jinja is shown literally once rendered (its "*" is escaped in the .md).
    assert re.search(r"INJECTTEXT [^\n]*\{\{ 7\*7 \}\}", flat(" ".join(read_html(rendered).text)))
