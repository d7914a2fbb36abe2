"""``wargame debrief``: format from the suffix, atomic writes, clean errors."""

from __future__ import annotations

import pytest

from test_debrief_helpers import SCRIPT, play_script, utc
from wargame.cli import main


@pytest.fixture(scope="module")
def session_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    play_script(folder / "harbour.wargame", SCRIPT, start=utc(2026, 6, 1, 9)).close()
    return folder / "harbour.wargame"


def test_prints_html_to_stdout_by_default(session_path, capsys):
    assert main(["debrief", str(session_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<script" not in out and "http://" not in out.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("name, marker", [("report.md", "# After-Action Report"),
                                          ("report.html", "<!DOCTYPE html>"),
                                          ("report.txt", "<!DOCTYPE html>")])
def test_the_output_suffix_chooses_the_format(tmp_path, session_path, capsys, name, marker):
    target = tmp_path / name
    assert main(["debrief", str(session_path), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith(marker)
    said = capsys.readouterr().out
    assert str(target) in said and "full" in said
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_format_option_wins_over_the_suffix(tmp_path, session_path):
    target = tmp_path / "report.html"
    assert main(["debrief", str(session_path), "-o", str(target), "--format", "md"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# After-Action Report")


def test_public_edition_from_the_command_line(tmp_path, session_path):
    target = tmp_path / "public.md"
    assert main(["debrief", str(session_path), "-o", str(target), "--edition", "public"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "PUBLIC — declassified summary" in text
    assert "Divers check the dredger hull at night" not in text  # the private move


def test_overwrites_an_existing_report_whole(tmp_path, session_path):
    target = tmp_path / "report.md"
    target.write_text("old report " * 10_000, encoding="utf-8")
    assert main(["debrief", str(session_path), "-o", str(target)]) == 0
    assert "old report" not in target.read_text(encoding="utf-8")


def test_a_missing_session_is_a_clean_error(tmp_path, capsys):
    code = main(["debrief", str(tmp_path / "missing.wargame")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("wargame: ") and "missing.wargame" in err


def test_a_file_that_is_not_a_session_is_a_clean_error(tmp_path, capsys):
    bogus = tmp_path / "notes.wargame"
    bogus.write_text("just some notes", encoding="utf-8")
    assert main(["debrief", str(bogus)]) == 1
    assert "not a wargame session" in capsys.readouterr().err


def test_an_output_folder_that_does_not_exist_is_a_clean_error(tmp_path, session_path, capsys):
    code = main(["debrief", str(session_path), "-o", str(tmp_path / "no" / "such" / "r.html")])
    err = capsys.readouterr().err
    assert code == 1 and "cannot write" in err and "Traceback" not in err


def test_a_bad_format_is_a_usage_error(session_path, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["debrief", str(session_path), "--format", "pdf"])
    assert raised.value.code == 2


def test_refuses_to_overwrite_the_session_itself(session_path, capsys):
    before = session_path.read_bytes()
    assert main(["debrief", str(session_path), "-o", str(session_path), "--format", "html"]) == 1
    assert "refusing" in capsys.readouterr().err
    assert session_path.read_bytes() == before
