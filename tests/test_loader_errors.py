"""The loader reports every problem of a file in one run, precisely, and accepts what the
format allows (contingency injects, a single recipient, merge keys, negative steps)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wargame.errors import FileInvalid
from wargame.loader import load_scenario, validate_paths

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
RULEBOOK = VALID / "rulebooks" / "drill-ladder.yaml"

HEADER = """\
scenario: {id}
title: Test
rulebook: drill-ladder
clock: {{turns: 4, turn_length: 6h}}
delegations:
  - {{id: azure, name: Azure}}
  - {{id: crimson, name: Crimson}}
  - {{id: verdant, name: Verdant, role: mediator}}
  - {{id: press, name: Press, role: observer}}
hotline:
  channels:
    - {{between: [azure, crimson]}}
"""


@pytest.fixture
def library(tmp_path):
    """A trainer's folder: scenarios/ next to rulebooks/ holding the drill ladder."""
    (tmp_path / "rulebooks").mkdir()
    (tmp_path / "scenarios").mkdir()
    shutil.copy(RULEBOOK, tmp_path / "rulebooks" / RULEBOOK.name)
    return tmp_path


def write(library: Path, name: str, body: str, header: str = HEADER) -> Path:
    path = library / "scenarios" / f"{name}.yaml"
    path.write_text(header.format(id=name) + body, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileInvalid) as caught:
        load_scenario(path)
    return [f"{p.location.line}:{p.location.column}: {p.message}" for p in caught.value.problems]


def test_every_problem_in_a_file_is_reported_in_one_run(library):
    path = write(library, "many", """\
start:
  - {between: [azure, crimsn], rung: friction}
  - {between: [azure, crimson], rung: top}
injects:
  - id: Collision
    title: Collision
    turn: zero
  - id: late
    titel: Late
    turn: 9
    to: [azure, nobody]
evaluation:
  objectives:
    - {id: calm, text: Calm, measure: {metric: peak_rung, between: [azure, press], below: clash}}
""")
    assert problems_of(path) == [
        "14:23: between: unknown delegation 'crimsn' (did you mean 'crimson'?)",
        "15:39: rung: unknown rung 'top'; known rungs: routine, friction, confrontation, crisis, clash",
        "17:9: id: 'Collision' is not a valid id: use lowercase letters, digits and '-', "
        "starting with a letter or digit (e.g. 'collision')",
        "19:11: turn: expected an integer, got 'zero'",
        "20:5: missing required key 'title' in an inject",
        "21:5: unknown key 'titel' in an inject (did you mean 'title'?)",
        "22:11: turn: 9 is after the last turn of the exercise (clock.turns is 4)",
        "23:17: to: unknown delegation 'nobody'; known delegations: azure, crimson, verdant, press",
        "26:76: between: 'press' is an observer; observers make no moves and have no rung with "
        "anyone",
    ]


def test_an_unknown_key_without_a_close_match_lists_the_keys_expected(library):
    path = write(library, "keys", "weather: stormy\n")
    assert problems_of(path) == [
        "13:1: unknown key 'weather' in a scenario; expected one of: scenario, title, rulebook, "
        "clock, delegations, summary, hotline, start, injects, evaluation, hotwash, "
        "transparency"]


def test_an_unknown_rulebook_id_gets_a_did_you_mean_and_the_known_ids(library):
    path = write(library, "typo", "", header=HEADER.replace("rulebook: drill-ladder",
                                                            "rulebook: drill-ladr"))
    (problem,) = problems_of(path)
    assert problem.startswith("3:11: rulebook: unknown rulebook 'drill-ladr' (did you mean "
                              "'drill-ladder'?); known rulebooks: ")
    assert "drill-ladder" in problem.split("known rulebooks: ")[1].split(", ")


def test_a_broken_rulebook_is_reported_under_its_own_name_and_once(library, monkeypatch):
    monkeypatch.chdir(library)
    rulebook = library / "rulebooks" / "drill-ladder.yaml"
    rulebook.write_text(rulebook.read_text().replace("category: posturing", "category: postering"))
    first = write(library, "one", "")
    write(library, "two", "")
    problems = [str(p) for p in validate_paths(["scenarios", "rulebooks"])]
    assert problems == [
        "rulebooks/drill-ladder.yaml:32:15: category: unknown category 'postering' "
        "(did you mean 'posturing'?)",
        "scenarios/one.yaml:3:11: rulebook: 'drill-ladder' (rulebooks/drill-ladder.yaml) is "
        "invalid: 1 problem, reported under its own file name",
        "scenarios/two.yaml:3:11: rulebook: 'drill-ladder' (rulebooks/drill-ladder.yaml) is "
        "invalid: 1 problem, reported under its own file name",
    ]
    with pytest.raises(FileInvalid) as caught:
        load_scenario(first)
    assert len(caught.value.problems) == 2


def test_what_the_format_allows_loads(library):
    path = write(library, "allowed", """\
start:
  - {between: [azure, crimson], rung: friction}
injects:
  - id: by-hand
    title: Released by hand
    to: azure
  - id: shared
    title: Shared
    to: all
    when: {between: [crimson, azure], rung_at_most: friction}
    effects:
      - {shift: {between: [azure, crimson], step: -1}}
evaluation:
  objectives:
    - id: peak
      text: Peak at most crisis
      measure: {metric: peak_rung, between: [azure, verdant], at_most: crisis}
""")
    scenario = load_scenario(path)
    by_hand, shared = scenario.injects
    assert by_hand.kind == "contingency" and by_hand.to == ("azure",)
    assert shared.to == ("azure", "crimson", "verdant", "press")
    assert shared.effects[0].step == -1
    assert scenario.objectives[0].measure.at_most == "crisis"


def test_merge_keys_inside_a_scenario(library):
    path = write(library, "merged", """\
injects:
  - &routine-inject
    id: first
    title: Routine report
    to: [azure, crimson]
    turn: 1
  - <<: *routine-inject
    id: second
    turn: 2
""")
    first, second = load_scenario(path).injects
    assert (second.id, second.title, second.to, second.turn) == (
        "second", "Routine report", ("azure", "crimson"), 2)
    assert first.turn == 1


def test_expectations_measure_needs_something_to_measure(library):
    path = write(library, "nothing", """\
injects:
  - {id: quiet, title: Quiet, turn: 1}
evaluation:
  objectives:
    - {id: answers, text: Answers, measure: {metric: expectations}}
    - {id: answers-2, text: Answers, measure: {metric: expectations, injects: [quiet]}}
""")
    assert problems_of(path) == [
        "17:45: a measure of expectations needs injects with 'expect' entries, and no inject "
        "has any",
        "18:80: injects: inject 'quiet' has no 'expect' entries, so there is nothing to measure",
    ]


def test_a_scenario_file_is_told_from_a_rulebook_by_its_top_key(library, monkeypatch):
    monkeypatch.chdir(library)
    write(library, "fine", "")
    assert validate_paths(["scenarios/fine.yaml", "rulebooks/drill-ladder.yaml"]) == []
    problems = validate_paths(["scenarios/missing.yaml"])
    assert [str(p) for p in problems] == ["scenarios/missing.yaml:1:1: no such file or folder"]


def test_did_you_mean_against_thousands_of_ids_agrees_with_difflib():
    from wargame.loader.suggest import Suggester, closest

    ids = [f"inject-{i}" for i in range(2000)] + ["fishing-collision", "embassy-protest"]
    suggester = Suggester(ids)
    for typo in ("injct-7", "inject-19999", "inejct-1234", "fishing-colision", "embasy-protest",
                 "zzz"):
        assert suggester.closest(typo) == closest(typo, ids), typo
    assert suggester.closest("fishing-colision") == "fishing-collision"


def test_an_entry_with_a_bad_id_still_has_its_other_fields_checked(library):
    header = HEADER.replace("{id: verdant, name: Verdant, role: mediator}",
                            "{id: Verdant, name: [V], role: mediater}")
    path = write(library, "bad-entry", "", header=header)
    assert problems_of(path) == [
        "8:10: id: 'Verdant' is not a valid id: use lowercase letters, digits and '-', "
        "starting with a letter or digit (e.g. 'verdant')",
        "8:25: name: expected text, got a list",
        "8:36: role: 'mediater' is not one of state, mediator, observer (did you mean "
        "'mediator'?)",
    ]


def test_a_transparency_charter_is_checked_with_located_errors(library):
    path = write(library, "charter", "transparency:\n  observers_see_ladder: sometimes\n"
                                     "  relay_see: passage\n  relay_sees: summary\n")
    assert problems_of(path) == [
        "14:25: observers_see_ladder: expected true or false, got 'sometimes'",
        "15:3: unknown key 'relay_see' in the transparency charter (did you mean "
        "'relay_sees'?)",
        "16:15: relay_sees: 'summary' is not one of text, passage"]


def test_a_hotline_call_without_a_target_is_refused(tmp_path):
    from wargame.loader.loading import load_rulebook
    from wargame.paths import resolve_scenario

    rulebooks = resolve_scenario("border-crisis").parent.parent / "rulebooks"
    text = (rulebooks / "cbm-standard.yaml").read_text(encoding="utf-8")
    assert text.count("    hotline: true\n    target: required\n") == 1
    path = tmp_path / "cbm-standard.yaml"
    path.write_text(text.replace("    hotline: true\n    target: required\n",
                                 "    hotline: true\n    target: none\n"), encoding="utf-8")
    with pytest.raises(FileInvalid, match="a hotline call needs a target"):
        load_rulebook(path)


def test_more_than_64_delegations_is_a_located_error(library):
    many = "".join(f"  - {{id: d{n}, name: D{n}}}\n" for n in range(65))
    header = "scenario: {id}\ntitle: Test\nrulebook: drill-ladder\nclock: {{turns: 4, turn_length: 6h}}\ndelegations:\n"
    path = write(library, "crowd", many, header=header)
    (problem,) = problems_of(path)
    assert problem.startswith("6:3: delegations: 65 delegations; a scenario may have at most 64")
    exactly = write(library, "full", "".join(f"  - {{id: d{n}, name: D{n}}}\n" for n in range(64)),
                    header=header)
    assert len(load_scenario(exactly).delegations) == 64


RELAY_HEADER = HEADER.replace("hotline:\n  channels:\n",
                              "hotline:\n  relay: RELAY\n  channels:\n")


def test_a_misspelt_relay_mode_is_located_with_a_suggestion(library):
    path = write(library, "relay-typo", "", RELAY_HEADER.replace("RELAY", "manul"))
    assert problems_of(path) == [
        "11:10: relay: 'manul' is not one of automatic, manual (did you mean 'manual'?)"]


def test_manual_relays_through_an_observer_are_refused_at_relay(library):
    body = "    - {between: [azure, press]}\n    - {between: [crimson, press]}\n"
    path = write(library, "relay-observer", body, RELAY_HEADER.replace("RELAY", "manual"))
    assert problems_of(path) == [
        "11:10: relay: manual, but press is an observer on 2 channels, so a message could be "
        "routed through it, and observers cannot pass messages on (give it one channel, or "
        "keep relay: automatic)"]


def test_manual_relays_load(library):
    body = "    - {between: [azure, verdant]}\n    - {between: [crimson, verdant]}\n"
    path = write(library, "relay-ok", body, RELAY_HEADER.replace("RELAY", "manual"))
    assert load_scenario(path).relay == "manual"
