"""Every broken file in tests/broken/ fails `wargame validate` with exactly the problems
its header announces, at the exact line and column.

Each file starts with one or more comment lines ``# expect: [FILE:]LINE:COLUMN TEXT``:
the problem TEXT (a part of the message) expected at that place, in that file (by
default the broken file itself; FILE names another one, such as the rulebook a scenario
uses). The problems reported must match the expectations one for one: no fewer, no more.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wargame.cli import main

REPO = Path(__file__).resolve().parent.parent
BROKEN = REPO / "tests" / "broken"
EXPECT = re.compile(r"# expect: (?:(?P<file>[^:\s]+):)?(?P<line>\d+):(?P<column>\d+) (?P<text>.+)")
PROBLEM = re.compile(r"(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)")


def expectations(path: Path) -> list[tuple[str, int, int, str]]:
    found = []
    for raw in path.read_bytes().split(b"\n"):
        match = EXPECT.match(raw.decode("utf-8", "replace"))
        if not match:
            break
        found.append((match["file"] or path.name, int(match["line"]), int(match["column"]),
                      match["text"].strip()))
    return found


BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))


def test_the_suite_covers_at_least_thirty_error_classes():
    assert len(BROKEN_FILES) >= 30
    for path in BROKEN_FILES:
        assert expectations(path), f"{path.name} has no '# expect:' header"


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_broken_file_is_refused_at_the_expected_place(path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    code = main(["validate", str(path.relative_to(REPO))])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    assert not out.startswith("ok")
    problems = [PROBLEM.match(line) for line in err.splitlines()[:-1]]
    assert all(problems), err
    reported = [(Path(p["file"]).name, int(p["line"]), int(p["column"]), p["message"])
                for p in problems]
    unmatched = list(reported)
    for file, line, column, text in expectations(path):
        hit = next((r for r in unmatched if r[:3] == (file, line, column) and text in r[3]), None)
        assert hit is not None, f"expected {file}:{line}:{column}: ...{text}...\ngot:\n{err}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected problems:\n{err}"
    assert err.splitlines()[-1].startswith("1 file checked: 0 valid, 1 invalid")


def test_an_empty_file_is_refused(tmp_path, capsys):
    path = tmp_path / "nothing.yaml"
    path.write_bytes(b"")
    assert main(["validate", str(path)]) == 1
    assert f"{path}:1:1: the file is empty" in capsys.readouterr().err


def test_an_oversized_file_is_refused_before_parsing(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # 3 MiB of "a: [" would break a parser; it is never read
        handle.write(b"scenario: huge\nhotwash: [" * (3 * 1024 * 1024 // 24))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:1: the file is too large (" in err
    assert "the limit is 2 MiB" in err
