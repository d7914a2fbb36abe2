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


@pytest.mark.parametrize("body, line, words", [
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}", 2, "nested more than"),
    ("{{ 'a' * 4000000000 }}", 2, "would build"),
    ("{{ 'a' | center(4000000000) }}", 2, "larger than a template may ask for"),
    ("{{ 2 ** 100000000 }}", 2, "exponent"),
    ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", 2, "output grew past"),
])
def test_a_runaway_template_stops_with_a_located_message(tmp_path, session_path, capsys, body, line, words):
    _override(tmp_path, "html/base.html.j2", f"<html>\n{body}\n</html>\n")
    code = main(["debrief", str(session_path), "--templates", str(tmp_path)]) if "output" not in words else None
    if code is None:  # the output limit is large by default; a small one shows the same stop
        from wargame.debrief.template_limits import Limits
        from wargame.engine import Session

        with Session.open(session_path) as session, pytest.raises(WargameError) as caught:
            render_debrief(session, templates=tmp_path, limits=Limits(output_chars=1_000_000))
        message = str(caught.value)
    else:
        captured = capsys.readouterr()
        assert code == 1 and "Traceback" not in captured.err and "internal error" not in captured.err
        message = captured.err
    assert f"base.html.j2:{line}:" in message
    assert words in message


def test_nested_loops_stop_at_the_time_limit(tmp_path, session_path):
    from wargame.debrief.template_limits import Limits
    from wargame.engine import Session

    _override(tmp_path, "html/base.html.j2",
              "<html>\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n</html>\n")
    with Session.open(session_path) as session, pytest.raises(WargameError) as caught:
        render_debrief(session, templates=tmp_path, limits=Limits(seconds=0.5))
    assert "base.html.j2:2:" in str(caught.value) and "longer than 0.5 s" in str(caught.value)


def test_a_symlink_out_of_the_templates_folder_is_not_followed(tmp_path, session_path, capsys):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOP-SECRET-CONTENT\n", encoding="utf-8")
    folder = tmp_path / "templates"
    _override(folder, "html/base.html.j2", "<html>\n{% include 'html/leak.txt' %}\n</html>\n")
    (folder / "html" / "leak.txt").symlink_to(secret)
    code = main(["debrief", str(session_path), "--templates", str(folder)])
    captured = capsys.readouterr()
    assert code == 1
    assert "TOP-SECRET-CONTENT" not in captured.out + captured.err
    assert "base.html.j2:2:" in captured.err and "outside the templates folder" in captured.err
