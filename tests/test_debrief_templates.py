"""Trainers' template overrides: layered over the bundled ones, sandboxed, clean errors."""

from __future__ import annotations

import pytest

from test_debrief_helpers import SCRIPT, play_script, utc
from wargame.cli import main
from wargame.debrief import render_debrief
from wargame.errors import WargameError


@pytest.fixture(scope="module")
def session_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    session = play_script(folder / "harbour.wargame", SCRIPT, start=utc(2026, 6, 1, 9))
    session.close()
    return folder / "harbour.wargame"


def _override(folder, name: str, text: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


def test_a_partial_override_replaces_only_that_section(tmp_path, session_path, capsys):
    _override(tmp_path, "html/overview.html.j2",
              '<section id="overview"><h2>Our own overview of {{ scenario.title }}</h2></section>\n')
    assert main(["debrief", str(session_path), "--templates", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Our own overview of Harbour Incident (test)" in out
    assert "Facilitator's summary" not in out  # the bundled overview is gone...
    assert 'id="assess"' in out  # ...the other sections are still the bundled ones


def test_overrides_are_autoescaped_too(tmp_path, session_path, capsys):
    _override(tmp_path, "html/overview.html.j2",
              "<p>{{ exercise.turns[1].moves[1].text ~ '<i>x</i>' }}</p>\n")
    assert main(["debrief", str(session_path), "--templates", str(tmp_path)]) == 0
    assert "&lt;i&gt;x&lt;/i&gt;" in capsys.readouterr().out


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ scenario.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
])
def test_a_template_reaching_for_python_internals_fails_cleanly(tmp_path, session_path, capsys, attack):
    _override(tmp_path, "html/base.html.j2", f"<html>\n<p>before</p>\n{attack}\n</html>\n")
    code = main(["debrief", str(session_path), "--templates", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith("wargame: ")
    assert "Traceback" not in captured.err and captured.out == ""
    assert "base.html.j2:3:" in captured.err  # names the file and line of the attempt


def test_a_template_syntax_error_names_file_and_line(tmp_path, session_path, capsys):
    _override(tmp_path, "md/plan.md.j2", "## Plan\n\n{% for x in %}\n")
    code = main(["debrief", str(session_path), "--format", "md", "--templates", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "plan.md.j2:3:" in err and "syntax" in err and "Traceback" not in err


def test_a_template_naming_an_unknown_value_says_so(tmp_path, session_path):
    _override(tmp_path, "md/assess.md.j2", "## Assess\n{{ assess.no_such_thing }}\n")
    from wargame.engine import Session

    with Session.open(session_path) as session, pytest.raises(WargameError) as raised:
        render_debrief(session, format="md", templates=tmp_path)
    assert "assess.md.j2:2:" in str(raised.value) and "no_such_thing" in str(raised.value)


def test_a_missing_templates_folder_is_reported(tmp_path, session_path, capsys):
    code = main(["debrief", str(session_path), "--templates", str(tmp_path / "nowhere")])
    assert code == 1
    assert "no templates folder" in capsys.readouterr().err


def test_markdown_overrides_escape_values_by_default(tmp_path, session_path, capsys):
    _override(tmp_path, "md/overview.md.j2", "Title: {{ '**' ~ scenario.title ~ '**' }}\n")
    assert main(["debrief", str(session_path), "--format", "md", "--templates", str(tmp_path)]) == 0
    assert r"Title: \*\*Harbour Incident (test)\*\*" in capsys.readouterr().out
