"""The Markdown debrief stays inert under a real renderer, whatever trainers wrote.

Trainer-written Markdown (the scenario briefing, delegation briefings, inject texts) and
the facilitator's summary carry the attacks that used to come out active: a code span
split over two lines followed by a raw <img>, a line opening with an unmatched backtick,
and a reference definition to a javascript: target. The produced .md is rendered by
markdown-it with raw HTML enabled and link validation switched off (the laxest renderer
there is); the result must hold no element or attribute that can run anything.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from test_debrief_helpers import FIXTURES, play_actions, utc
from wargame.debrief import render_debrief
from wargame.debrief.safe_markdown import safe_markdown

ATTACKS = [
    "split `code\nspan` <img src=x onerror=alert(1)>",
    "`unmatched backtick <img src=x onerror=alert(2)>",
    "[click me][r1]\n\n[r1]: javascript:alert(5)",
    "[a](javascript:alert(3)) [b](<javascript:alert(4)>) ![c](data:text/html;base64,PHNjcmlwdD4=)",
    "``a`` <b onmouseover=alert(6)>x</b> <script>alert(7)</script>",
    "<div onclick=alert(8)>\nblock html\n</div>",
    "[d](JaVaScRiPt&#58;alert(9)) [e](java\tscript:alert(10)) <javascript:alert(11)>",
    "```\n<img src=x onerror=alert(12)>\n```\n\n    <img src=x onerror=alert(13)>",
]
ALLOWED_TAGS = {"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "h1", "h2", "h3",
                "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "blockquote",
                "hr", "br", "s", "del"}


def lax_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # some renderers do not check link targets at all
    return md


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_inert(markdown: str) -> None:
    parser = _Tags()
    parser.feed(lax_renderer().render(markdown))
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, f"<{tag}> came out of the Markdown"
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}> came out of the Markdown"
            if name in ("href", "src"):
                target = "".join((value or "").split()).lower()
                assert target.startswith(("http:", "https:", "mailto:", "#", "/")) or ":" not in target, (
                    f"<{tag} {name}={value!r}> came out of the Markdown")


@pytest.mark.parametrize("attack", ATTACKS)
def test_trainer_markdown_is_rewritten_inert(attack):
    assert_inert(safe_markdown(attack))


def test_trainer_markdown_keeps_its_formatting():
    text = "## Situation\n\nTwo ports share **one** mouth, see [map](https://example.org/m).\n\n- a\n- b\n"
    html = lax_renderer().render(safe_markdown(text, heading_offset=2))
    assert "<h4>Situation</h4>" in html
    assert "<strong>one</strong>" in html
    assert '<a href="https://example.org/m">map</a>' in html
    assert "<li>a</li>" in html


def test_unsafe_link_keeps_its_label_as_text():
    html = lax_renderer().render(safe_markdown("[click me][r1]\n\n[r1]: javascript:alert(5)"))
    assert "<a" not in html and "click me" in html


@pytest.fixture(scope="module")
def attacked_session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mdsafety")
    shutil.copy(FIXTURES / "harbour-rules.yaml", folder / "harbour-rules.yaml")
    text = (FIXTURES / "harbour.yaml").read_text(encoding="utf-8")
    everything = "\n\n".join(ATTACKS)
    q = json.dumps
    text = text.replace("text: The dredger Maren is aground across the channel.", f"text: {q(everything)}")
    text = text.replace("briefing: The pilots' union is about to strike.", f"briefing: {q(everything)}")
    text = text.replace("  Two ports share one **harbour mouth**. A dredger ran aground in the fog.",
                        "\n".join("  " + line for line in everything.splitlines()))
    scenario = folder / "harbour.yaml"
    scenario.write_text(text, encoding="utf-8")
    actions = [
        ("phase", {"to": "exercise"}),
        ("note", {"by": "facilitator", "text": "Summary: " + everything, "visibility": "public"}),
        ("phase", {"to": "assess"}),
    ]
    opened = play_actions(folder / "attacked.wargame", actions, start=utc(2026, 7, 1, 9), scenario=scenario)
    yield opened
    opened.close()


@pytest.mark.parametrize("edition", ["full", "public"])
def test_markdown_debrief_is_inert_under_a_lax_renderer(attacked_session, edition):
    md = render_debrief(attacked_session, format="md", edition=edition)
    assert "unmatched backtick" in md  # the attacks did reach the report, as text
    assert_inert(md)
