"""The JSON Schemas: printed by `wargame schema`, committed under schemas/, and in step with
the bundled files and with the loader."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Callable

import jsonschema
import pytest
import yaml

from wargame.cli import main
from wargame.errors import FileInvalid
from wargame.loader import load_rulebook, load_rulebook_text, load_scenario_text
from wargame.schemas import KINDS, schema_for, schema_text

ROOT = Path(__file__).resolve().parent.parent
STRAIT = ROOT / "scenarios" / "strait-incident.yaml"
CBM = ROOT / "rulebooks" / "cbm-standard.yaml"

# The exercise script of formats.md, as written there.
CONTRACT_SCRIPT = """\
actions:
  - phase: exercise
  - move: {id: m1, by: azure, type: naval-patrol, target: crimson,
           text: Patrol near the buoy, intent: status-quo, visibility: public}
  - adjudicate: {move: m1, decision: approve}
  - perceive: {by: crimson, move: m1, as: non-violent-escalation}
  - hotline: {id: h1, from: azure, to: crimson, text: Our patrol is routine}
  - ack: {message: h1, by: crimson, at: "00:04:10"}
  - inject: protest
  - note: {by: facilitator, text: Crimson hesitated, visibility: private}
  - next-turn
  - rate: {objective: fast-hotline, rating: S, note: One late reply}
  - lesson: {kind: strength, text: Hotline used within minutes}
  - improve: {issue: Slow relay, action: Drill relays monthly, owner: Verdant, due: 2027-03-01}
  - retract: {event: m1, reason: Entered for the wrong delegation}
  - end
"""


def plain(value: Any) -> Any:
    """YAML data as JSON sees it: dates become the ISO text they were written as."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema_for(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(kind: str, document: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(document)]


def load(path: Path) -> Any:
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


# -- the schemas themselves --------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12(kind):
    schema = schema_for(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_file_equals_what_wargame_schema_prints(kind, capsys):
    assert main(["schema", kind]) == 0
    printed = capsys.readouterr().out
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert printed == committed, (
        f"schemas/{kind}.schema.json is stale: run `wargame schema {kind} > "
        f"schemas/{kind}.schema.json`")
    assert json.loads(printed) == schema_for(kind)


def _walk(schema: Any, path: str = "#"):
    """Every sub-schema with its JSON pointer."""
    if isinstance(schema, dict):
        yield path, schema
        for key, value in schema.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from _walk(sub, f"{path}/{key}/{name}")
            elif isinstance(value, (dict, list)):
                yield from _walk(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, item in enumerate(schema):
            yield from _walk(item, f"{path}/{index}")


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_has_a_description_for_hover_help(kind):
    schema = schema_for(kind)
    defs = schema.get("$defs", {})
    missing = []
    for path, sub in _walk(schema):
        if {"if", "then"} & set(path.split("/")):
            continue  # per-metric rules refine keys described elsewhere
        for name, prop in sub.get("properties", {}).items():
            target = defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {}) if isinstance(prop, dict) else {}
            if not (isinstance(prop, dict) and (prop.get("description") or target.get("description"))):
                missing.append(f"{path}/properties/{name}")
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_refuses_unknown_keys(kind):
    open_objects = [path for path, sub in _walk(schema_for(kind))
                    if sub.get("type") == "object" and "properties" in sub
                    and sub.get("additionalProperties") is not False]
    assert open_objects == []


# -- bundled files -----------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_scenarios_match_the_schema(path):
    assert errors("scenario", load(path)) == []


@pytest.mark.parametrize("path", sorted((ROOT / "rulebooks").glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_rulebooks_match_the_schema(path):
    assert errors("rulebook", load(path)) == []


def test_the_contract_script_matches_the_schema():
    assert errors("script", plain(yaml.safe_load(CONTRACT_SCRIPT))) == []


RUNNER_FORMS = """\
scenario: strait-incident
title: Relay drill
actions:
  - phase: {to: exercise}
  - next-turn: {at: "00:20:00"}
  - end:
    at: "01:30"
  - inject: {id: radar-lock}
  - hotwash: {question: 0, answer: The patrol, by: azure}
  - channel: {between: [azure, crimson], status: down}
  - retract: {event: 7, reason: Typo}
"""


def test_script_forms_the_runner_accepts_match_the_schema(tmp_path):
    from wargame.engine.script import load_script

    for name, text in (("contract", CONTRACT_SCRIPT), ("forms", RUNNER_FORMS)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        load_script(path)  # raises FileInvalid if the runner disagrees
        assert errors("script", plain(yaml.safe_load(text))) == [], name


# -- broken documents --------------------------------------------------------------------

def _scenario() -> dict:
    return load(STRAIT)


def _set(target: dict | list, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def _inject(document: dict, inject_id: str) -> dict:
    return next(i for i in document["injects"] if i["id"] == inject_id)


def _measure(document: dict, objective_id: str) -> dict:
    return next(o for o in document["evaluation"]["objectives"] if o["id"] == objective_id)["measure"]


def _with(change: Callable[[dict], None]) -> Callable[[dict], dict]:
    def mutate(document: dict) -> dict:
        change(document)
        return document
    return mutate


BROKEN_SCENARIOS: dict[str, Callable[[dict], dict]] = {
    "misspelt top-level key": _with(lambda d: d.update(injetcs=d.pop("injects"))),
    "id that is not a slug": _with(lambda d: d.update(scenario="Strait Incident")),
    "duration in words": _with(lambda d: _set(d, ("clock", "turn_length"), "6 hours")),
    "zero duration": _with(lambda d: _set(d, ("clock", "timebox"), "0m")),
    "unknown role": _with(lambda d: _set(d, ("delegations", 0, "role"), "ally")),
    "channel with one end": _with(
        lambda d: _set(d, ("hotline", "channels", 0, "between"), ["azure"])),
    "channel status": _with(lambda d: _set(d, ("hotline", "channels", 0, "status"), "broken")),
    "inject both scheduled and conditional": _with(lambda d: _inject(d, "collision").update(
        when={"between": ["azure", "crimson"], "rung_at_least": "clash"})),
    "condition without a rung": _with(
        lambda d: _inject(d, "boarding").update(when={"between": ["azure", "crimson"]})),
    "effect doing two things": _with(lambda d: _inject(d, "collision")["effects"][0].update(
        channel={"between": ["azure", "crimson"], "status": "down"})),
    "shift of zero": _with(
        lambda d: _inject(d, "collision")["effects"][0]["shift"].update(step=0)),
    "negative within": _with(lambda d: _inject(d, "collision")["expect"][0].update(within=-1)),
    "unknown metric": _with(lambda d: _measure(d, "no-shots").update(metric="speed")),
    "peak_rung without a pair": _with(lambda d: _measure(d, "no-shots").pop("between")),
    "peak_rung with below and at_most": _with(
        lambda d: _measure(d, "no-shots").update(at_most="blockade")),
    "key the metric does not take": _with(
        lambda d: _measure(d, "fast-hotline").update(injects=["collision"])),
    "hotline turns as text": _with(lambda d: _measure(d, "fast-hotline").update(at_most="one")),
}


@pytest.mark.parametrize("mutate", BROKEN_SCENARIOS.values(), ids=BROKEN_SCENARIOS.keys())
def test_schema_rejects_broken_scenarios(mutate):
    assert errors("scenario", mutate(_scenario()))


def _rulebook() -> dict:
    return load(CBM)


def _move(document: dict, move_id: str) -> dict:
    return next(m for m in document["moves"] if m["id"] == move_id)


BROKEN_RULEBOOKS: dict[str, Callable[[dict], dict]] = {
    "unknown target mode": _with(lambda d: _move(d, "hotline-call").update(target="sometimes")),
    "move without category": _with(lambda d: _move(d, "hotline-call").pop("category")),
    "category without score": _with(lambda d: d["categories"]["posturing"].pop("score")),
    "category id with capitals": _with(lambda d: d["categories"].update(Posturing={"score": 4})),
    "unknown adjudication": _with(lambda d: d.update(adjudication="umpire")),
    "cbm as text": _with(lambda d: _move(d, "hotline-call").update(cbm="yes")),
    "misspelt rung key": _with(lambda d: d["ladder"]["rungs"][0].update(descripton="x")),
}


@pytest.mark.parametrize("mutate", BROKEN_RULEBOOKS.values(), ids=BROKEN_RULEBOOKS.keys())
def test_schema_rejects_broken_rulebooks(mutate):
    assert errors("rulebook", mutate(_rulebook()))


BROKEN_SCRIPTS = {
    "unknown action": "actions:\n  - moove: {by: azure, type: naval-patrol, text: x}\n",
    "move without its mover": "actions:\n  - move: {type: naval-patrol, text: x}\n",
    "two actions in one item": "actions:\n  - next-turn: \n    end: \n",
    "time in words": "actions:\n  - ack: {message: h1, by: crimson, at: 4 minutes}\n",
    "unknown phase": "actions:\n  - phase: debrief\n",
    "unknown rating": "actions:\n  - rate: {objective: fast-hotline, rating: A}\n",
    "bare action that needs a payload": "actions:\n  - move\n",
    "date that is not a date": "actions:\n  - improve: {issue: x, action: y, due: next week}\n",
    "time given twice": 'actions:\n  - ack: {message: h1, by: crimson, at: "00:01:00"}\n'
                        '    at: "00:02:00"\n',
    "unknown top-level key": "scenario: strait-incident\nsteps: []\nactions: []\n",
}


@pytest.mark.parametrize("text", BROKEN_SCRIPTS.values(), ids=BROKEN_SCRIPTS.keys())
def test_schema_rejects_broken_scripts(text):
    assert errors("script", plain(yaml.safe_load(text)))


# Broken in structure, so the runner refuses them before playing anything (the others,
# such as an unknown phase, are refused by the engine when played).
STRUCTURALLY_BROKEN = ("unknown action", "move without its mover", "two actions in one item",
                       "time in words", "bare action that needs a payload", "time given twice",
                       "unknown top-level key")


@pytest.mark.parametrize("name", STRUCTURALLY_BROKEN)
def test_runner_also_rejects_structurally_broken_scripts(tmp_path, name):
    from wargame.engine.script import load_script

    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_SCRIPTS[name], encoding="utf-8")
    with pytest.raises(FileInvalid):
        load_script(path)


# -- the schema and the loader agree -----------------------------------------------------

def _peak_at_most(document: dict) -> None:
    measure = _measure(document, "no-shots")
    del measure["below"]
    measure["at_most"] = "seizure"


AGREEMENT = {
    **{name: (mutate, False) for name, mutate in BROKEN_SCENARIOS.items()},
    "unchanged": (_with(lambda d: None), True),
    "single recipient": (_with(lambda d: _inject(d, "cutter-standoff").update(to="azure")), True),
    "expectation due the same turn": (
        _with(lambda d: _inject(d, "collision")["expect"][0].update(within=0)), True),
    "channel down from the start": (
        _with(lambda d: _set(d, ("hotline", "channels", 1, "status"), "down")), True),
    "peak_rung with at_most": (_with(_peak_at_most), True),
    "role left to its default": (_with(lambda d: d["delegations"][0].pop("role")), True),
    "no start rungs": (_with(lambda d: d.pop("start")), True),
}


@pytest.mark.parametrize("mutate, valid", AGREEMENT.values(), ids=AGREEMENT.keys())
def test_schema_and_loader_agree_on_scenarios(mutate, valid):
    document = mutate(_scenario())
    schema_ok = not errors("scenario", document)
    try:
        load_scenario_text(yaml.safe_dump(document, sort_keys=False), "mutated.yaml",
                           load_rulebook(CBM))
        loader_ok = True
    except FileInvalid:
        loader_ok = False
    assert (schema_ok, loader_ok) == (valid, valid)


@pytest.mark.parametrize("mutate", BROKEN_RULEBOOKS.values(), ids=BROKEN_RULEBOOKS.keys())
def test_loader_also_rejects_the_broken_rulebooks(mutate):
    text = yaml.safe_dump(mutate(_rulebook()), sort_keys=False)
    with pytest.raises(FileInvalid):
        load_rulebook_text(text, "mutated.yaml")
