"""`wargame new`: a commented starter scenario that validates as written."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from wargame.cli import main
from wargame.loader import load_scenario
from wargame.model import METRICS
from wargame.schemas import schema_for

ROOT = Path(__file__).resolve().parent.parent



def new(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["new", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_a_starter_that_loads_with_the_bundled_rulebook(workdir, capsys):
    code, out, err = new(capsys, "river-incident")
    assert (code, err) == (0, "")
    path = workdir / "scenarios" / "river-incident.yaml"
    scenario = load_scenario(path)  # `rulebook: cbm-standard` resolves to the bundled one
    assert scenario.id == "river-incident"
    assert scenario.title == "River Incident"
    assert scenario.rulebook.id == "cbm-standard"
    assert sorted(d.role for d in scenario.delegations) == ["mediator", "state", "state"]
    kinds = {inject.kind for inject in scenario.injects}
    assert {"scheduled", "conditional"} <= kinds
    assert {o.measure.metric for o in scenario.objectives} == set(METRICS)
    assert scenario.hotwash and scenario.channels and scenario.start
    assert any(inject.expect for inject in scenario.injects)
    assert all(d.briefing for d in scenario.delegations)


def test_says_where_it_wrote_and_what_to_run_next(workdir, capsys):
    code, out, _ = new(capsys, "river-incident")
    assert code == 0
    assert "scenarios/river-incident.yaml" in out
    assert "wargame validate scenarios/river-incident.yaml" in out
    assert "wargame play scenarios/river-incident.yaml" in out


def test_the_starter_passes_wargame_validate(workdir, capsys):
    new(capsys, "river-incident")
    assert main(["validate", "scenarios/river-incident.yaml"]) == 0


def test_the_starter_matches_the_json_schema(workdir, capsys):
    new(capsys, "river-incident")
    document = yaml.safe_load((workdir / "scenarios" / "river-incident.yaml").read_text())
    jsonschema.validate(document, schema_for("scenario"),
                        cls=jsonschema.Draft202012Validator)
    # Every section of the format is present for the trainer to learn from.
    assert set(document) == set(schema_for("scenario")["properties"])


def test_links_the_schema_for_editors(workdir, capsys):
    new(capsys, "river-incident")
    path = workdir / "scenarios" / "river-incident.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match
    assert (path.parent / match.group(1)).resolve() == (ROOT / "schemas" / "scenario.schema.json")


def test_every_section_and_most_keys_are_explained(workdir, capsys):
    new(capsys, "river-incident")
    lines = (workdir / "scenarios" / "river-incident.yaml").read_text().splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):  # a top-level section
            assert lines[index - 1].startswith("#") or "#" in line, f"no comment before {line!r}"
    commented = sum(1 for line in lines if "#" in line)
    assert commented >= 40


def test_refuses_to_overwrite_without_force(workdir, capsys):
    new(capsys, "river-incident")
    path = workdir / "scenarios" / "river-incident.yaml"
    path.write_text("# my edits\n", encoding="utf-8")
    code, out, err = new(capsys, "river-incident")
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "# my edits\n"


def test_force_overwrites(workdir, capsys):
    path = workdir / "scenarios" / "river-incident.yaml"
    path.parent.mkdir()
    path.write_text("# my edits\n", encoding="utf-8")
    code, _, _ = new(capsys, "river-incident", "--force")
    assert code == 0
    assert load_scenario(path).id == "river-incident"


@pytest.mark.parametrize("bad", ["River_Incident", "-river", "river incident", "Fluss", ""])
def test_refuses_an_id_that_is_not_a_slug(workdir, capsys, bad):
    code, out, err = new(capsys, "--", bad)  # "--" so that "-river" is not read as an option
    assert code == 1
    assert "not a valid scenario id" in err and "lowercase" in err
    assert "Traceback" not in err
    assert not (workdir / "scenarios").exists()


def test_output_option_writes_elsewhere_and_creates_folders(workdir, capsys):
    code, out, _ = new(capsys, "drill", "-o", "library/drills/drill.yaml")
    assert code == 0
    path = workdir / "library" / "drills" / "drill.yaml"
    assert load_scenario(path).id == "drill"
    assert "library/drills/drill.yaml" in out


def test_output_to_a_folder_names_the_file_after_the_id(workdir, capsys):
    (workdir / "mine").mkdir()
    assert new(capsys, "drill", "-o", "mine")[0] == 0
    assert load_scenario(workdir / "mine" / "drill.yaml").id == "drill"


def test_refuses_a_file_name_that_does_not_match_the_id(workdir, capsys):
    code, _, err = new(capsys, "drill", "-o", "exercise.yaml")
    assert code == 1
    assert "must match the scenario id" in err
    assert not (workdir / "exercise.yaml").exists()


@pytest.mark.parametrize("scenario_id, title", [("1999", "1999"), ("yes", "Yes"), ("no-2", "No 2")])
def test_titles_that_yaml_would_misread_stay_text(workdir, capsys, scenario_id, title):
    assert new(capsys, scenario_id)[0] == 0
    assert load_scenario(workdir / "scenarios" / f"{scenario_id}.yaml").title == title
