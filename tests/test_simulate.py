"""`wargame simulate`: determinism, hand-checked peaks, policies, warnings, kept sessions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.engine.export import export_state
from wargame.engine.session import Session
from wargame.errors import FileInvalid
from wargame.loader import load_scenario
from wargame.simulate.aggregate import summarize, tally
from wargame.simulate.catalogue import Catalogue
from wargame.simulate.play import play_run
from wargame.simulate.policies import PolicySet, builtin, default_policies
from wargame.simulate.policy_file import load_policies
from wargame.simulate.report import build_report, wilson

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "simulate"
DUEL = FIXTURES / "duel.yaml"
HAWK_DOVE = FIXTURES / "hawk-dove.yaml"
BORDER = ROOT / "scenarios" / "border-crisis.yaml"


def simulate_json(tmp_path: Path, name: str, *args: str) -> dict:
    out = tmp_path / f"{name}.json"
    assert main(["simulate", *args, "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def duel_copy(folder: Path, old: str, new: str) -> Path:
    """The duel scenario (and its rulebook) copied to ``folder`` with one edit."""
    text = DUEL.read_text(encoding="utf-8")
    assert old in text
    (folder / "duel-rules.yaml").write_text(
        (FIXTURES / "duel-rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    scenario = folder / "duel.yaml"
    scenario.write_text(text.replace(old, new), encoding="utf-8")
    return scenario


def play_all(scenario, policies, runs: int, seed: int = 1):
    catalogue = Catalogue.of(scenario.rulebook)
    return [play_run(scenario, policies, catalogue, seed, i) for i in range(runs)]


# -- determinism ---------------------------------------------------------------------------

def test_same_seed_gives_the_same_report_byte_for_byte_whatever_the_jobs(tmp_path):
    common = ["border-crisis", "--runs", "60", "--seed", "11"]
    one = tmp_path / "one.json"
    two = tmp_path / "two.json"
    again = tmp_path / "again.json"
    assert main(["simulate", *common, "--jobs", "1", "-o", str(one)]) == 0
    assert main(["simulate", *common, "--jobs", "2", "-o", str(two)]) == 0
    assert main(["simulate", *common, "--jobs", "2", "-o", str(again)]) == 0
    assert one.read_bytes() == two.read_bytes() == again.read_bytes()


def test_another_seed_plays_other_exercises(tmp_path):
    first = simulate_json(tmp_path, "a", "border-crisis", "--runs", "30", "--seed", "1",
                          "--jobs", "1")
    second = simulate_json(tmp_path, "b", "border-crisis", "--runs", "30", "--seed", "2",
                           "--jobs", "1")
    assert first["pairs"] != second["pairs"]


def test_the_report_has_the_documented_top_level_keys(tmp_path):
    report = simulate_json(tmp_path, "r", str(DUEL), "--runs", "3", "--jobs", "1")
    assert list(report) == ["scenario", "runs", "seed", "policies", "pairs", "injects",
                            "objectives", "expectations", "hotline", "misperception",
                            "pauses", "report_version", "warnings"]
    assert report["runs"] == 3 and report["seed"] == 1
    assert set(report["pairs"][0]) >= {"between", "peak_rung", "final_rung", "crossed"}
    assert set(report["injects"][0]) >= {"id", "fired", "by_turn"}
    assert set(report["objectives"][0]) >= {"id", "met", "low", "high"}


# -- behaviour worked out by hand ----------------------------------------------------------

def test_a_hawk_against_a_dove_peaks_where_the_hand_count_says(tmp_path):
    # Each turn Alpha pushes (+1) and Beta cools (-1), approved in that order; the flood
    # adds +1 at the start of turn 2. From calm: T1 calm>tense>calm; T2 tense>crisis>tense;
    # T3 crisis>tense. Peak crisis, final tense, in every run.
    report = simulate_json(tmp_path, "duel", str(DUEL), "--policies", str(HAWK_DOVE),
                           "--runs", "20", "--jobs", "1")
    (pair,) = report["pairs"]
    assert pair["between"] == ["alpha", "beta"]
    assert pair["peak_rung"] == {"crisis": 20}
    assert pair["final_rung"] == {"tense": 20}
    assert pair["crossed"] == {"The line": 1.0, "The brink": 0.0}
    stay_calm = next(o for o in report["objectives"] if o["id"] == "stay-calm")
    assert stay_calm["met"] == 0.0 and stay_calm["low"] == 0.0 and 0 < stay_calm["high"] < 0.2
    flood = next(i for i in report["injects"] if i["id"] == "flood")
    assert flood["fired"] == 20 and flood["by_turn"] == {"2": 20}


def test_the_hand_counted_path_is_the_engines_own_history():
    scenario = load_scenario(DUEL)
    (run,) = play_all(scenario, load_policies(HAWK_DOVE, scenario), 1)
    dyad = run.state.dyads[("alpha", "beta")]
    assert [(c.turn, c.to_rung, c.cause.split(":")[0]) for c in dyad.history] == [
        (1, "tense", "move"), (1, "calm", "move"),
        (2, "tense", "inject"), (2, "crisis", "move"), (2, "tense", "move"),
        (3, "crisis", "move"), (3, "tense", "move")]
    assert run.state.phase == "ended" and run.refused == []


def test_all_doves_never_climb_except_through_inject_effects():
    scenario = load_scenario(BORDER)
    doves = PolicySet({d.id: builtin("dove") for d in scenario.actors})
    climbed_by_inject = 0
    for run in play_all(scenario, doves, 25):
        assert run.refused == []
        for dyad in run.state.dyads.values():
            for change in dyad.history:
                up = (scenario.rulebook.ladder.level(change.to_rung)
                      > scenario.rulebook.ladder.level(change.from_rung))
                if up:
                    assert change.cause.startswith("inject:"), change
                    climbed_by_inject += 1
    assert climbed_by_inject  # border-crisis's injects do push pairs up


def test_the_adjudicator_rejects_every_move_above_its_limit():
    scenario = load_scenario(DUEL)
    hawks = PolicySet({"alpha": builtin("hawk", hotline=0.0),
                       "beta": builtin("hawk", hotline=0.0)},
                      adjudicator=load_policies_text(
                          scenario, "adjudicator: {reject_above: status-quo}\n").adjudicator)
    (run,) = play_all(scenario, hawks, 1)
    assert {m.status for m in run.state.moves.values()} == {"rejected"}
    dyad = run.state.dyads[("alpha", "beta")]
    assert [c.cause for c in dyad.history] == ["inject:flood"]


def test_cbm_compliant_delegations_meet_their_expected_responses_and_acknowledge_at_once():
    scenario = load_scenario(BORDER)
    compliant = PolicySet({d.id: builtin("cbm-compliant") for d in scenario.actors})
    runs = play_all(scenario, compliant, 10)
    total = tally(summarize(r.state) for r in runs)
    report = build_report(scenario, compliant, total, 1)
    assert all(row["met"] == 1.0 for row in report["expectations"] if row["released"])
    assert report["hotline"]["late_rate"] == 0.0
    assert report["hotline"]["messages_per_run"] > 0


def test_misreading_shows_in_the_perception_gaps():
    scenario = load_scenario(DUEL)
    policies = PolicySet({"alpha": builtin("random", misread=1.0),
                          "beta": builtin("random", misread=1.0)})
    total = tally(summarize(r.state) for r in play_all(scenario, policies, 10))
    assert total.gaps and 0 not in total.gaps


# -- warnings for the trainer --------------------------------------------------------------

def test_a_conditional_inject_that_cannot_fire_is_warned_about(tmp_path):
    report = simulate_json(tmp_path, "duel", str(DUEL), "--policies", str(HAWK_DOVE),
                           "--runs", "10", "--jobs", "1")
    open_war = next(i for i in report["injects"] if i["id"] == "open-war")
    assert open_war["fired"] == 0
    assert any("open-war never fired" in w and "at least war" in w for w in report["warnings"])
    assert any("stay-calm was met in no run" in w for w in report["warnings"])
    assert ("the expected response to flood (beta talk within 1 turn) was met in no run"
            in report["warnings"])


def test_a_pair_that_never_moves_is_warned_about(tmp_path):
    policies = tmp_path / "still.yaml"
    policies.write_text("policies:\n  alpha: {policy: dove, moves: 0, hotline: 0}\n"
                        "  beta: {policy: dove, moves: 0, hotline: 0}\n", encoding="utf-8")
    scenario = duel_copy(tmp_path, "    effects:\n      - {shift: {between: [alpha, beta], "
                                   "step: 1}}\n", "")
    report = simulate_json(tmp_path, "still", str(scenario), "--policies", str(policies),
                           "--runs", "3", "--jobs", "1")
    assert "the pair alpha - beta never moved from its starting rung" in report["warnings"]


def test_wilson_interval_stays_inside_zero_and_one():
    assert wilson(0, 20) == (0.0, 0.1611)
    assert wilson(20, 20) == (0.8389, 1.0)
    low, high = wilson(10, 20)
    assert low < 0.5 < high


# -- the policy file -----------------------------------------------------------------------

def load_policies_text(scenario, text: str, tmp: Path | None = None):
    import tempfile

    folder = Path(tmp or tempfile.mkdtemp())
    path = folder / "policies.yaml"
    path.write_text(text, encoding="utf-8")
    return load_policies(path, scenario)


def test_policy_file_problems_are_located_with_a_hint(tmp_path):
    scenario = load_scenario(BORDER)
    text = ("policies:\n"
            "  norlnd: dove\n"
            "  sudria: {policy: hawck}\n"
            "  veyra: {policy: dove, weights: {hotline-cal: 2}, misread: 1.5}\n"
            "  forum: {policy: random, ack_within: [3, 1]}\n"
            "adjudicator: {policy: approve, reject_above: violent-escalaton}\n")
    with pytest.raises(FileInvalid) as caught:
        load_policies_text(scenario, text, tmp_path)
    lines = str(caught.value).splitlines()
    file = str(tmp_path / "policies.yaml")
    assert lines == [
        f"{file}:2:3: policies: no delegation 'norlnd' in scenario border-crisis "
        "(did you mean 'norland'?)",
        f"{file}:3:20: policy: 'hawck' is not one of dove, hawk, tit-for-tat, cbm-compliant, "
        "random (did you mean 'hawk'?)",
        f"{file}:4:35: weights: 'hotline-cal' is neither a move type nor a category of the "
        "rulebook cbm-standard (did you mean 'hotline-call'?)",
        f"{file}:4:61: misread: expected a probability from 0 to 1, got 1.5",
        f"{file}:5:39: ack_within: the range [3, 1] runs backwards; write [1, 3]",
        f"{file}:6:46: reject_above: 'violent-escalaton' is not one of de-escalation, "
        "status-quo, posturing, non-violent-escalation, violent-escalation, nuclear "
        "(did you mean 'violent-escalation'?)",
    ]


def test_a_bad_policy_file_exits_1_with_located_errors_and_no_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("polices:\n  alpha: dove\n", encoding="utf-8")
    assert main(["simulate", str(DUEL), "--policies", str(bad), "--runs", "2"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1:1: unknown key 'polices' in the policy file (did you mean 'policies'?)" in err
    assert "Traceback" not in err


def test_unnamed_delegations_play_the_default_policy():
    scenario = load_scenario(BORDER)
    policies = load_policies_text(scenario, "default: dove\npolicies:\n  norland: hawk\n")
    assert {d: p.name for d, p in policies.delegations.items()} == {
        "norland": "hawk", "sudria": "dove", "veyra": "dove", "forum": "dove"}
    assert default_policies(["a", "b"]).of("a").name == "random"


# -- kept runs -----------------------------------------------------------------------------

def test_a_kept_run_is_a_session_that_folds_to_the_export_of_its_run(tmp_path):
    out = tmp_path / "dry.json"
    assert main(["simulate", "border-crisis", "--runs", "6", "--seed", "5", "--jobs", "2",
                 "--keep", "2", "-o", str(out)]) == 0
    scenario = load_scenario(BORDER)
    catalogue = Catalogue.of(scenario.rulebook)
    policies = default_policies([d.id for d in scenario.actors])
    for index in (0, 1):
        path = tmp_path / f"dry-run-{index + 1:04d}.wargame"
        run = play_run(scenario, policies, catalogue, 5, index)
        with Session.open(path) as session:
            assert session.state.phase == "ended"
            assert export_state(session.state) == export_state(run.state)
    assert not (tmp_path / "dry-run-0003.wargame").exists()


def test_a_kept_session_opens_in_the_debrief(tmp_path):
    out = tmp_path / "dry.html"
    assert main(["simulate", str(DUEL), "--policies", str(HAWK_DOVE), "--runs", "2",
                 "--jobs", "1", "--keep", "1", "-o", str(out)]) == 0
    debrief = tmp_path / "debrief.html"
    assert main(["debrief", str(tmp_path / "dry-run-0001.wargame"), "-o", str(debrief)]) == 0
    assert "A duel on a short ladder" in debrief.read_text(encoding="utf-8")


def test_keep_refuses_to_overwrite_a_session(tmp_path, capsys):
    taken = tmp_path / "dry-run-0001.wargame"
    taken.write_bytes(b"precious")
    out = tmp_path / "dry.json"
    assert main(["simulate", str(DUEL), "--runs", "2", "--keep", "1", "-o", str(out)]) == 1
    assert taken.read_bytes() == b"precious" and not out.exists()
    assert "would overwrite" in capsys.readouterr().err


# -- the HTML report -------------------------------------------------------------------------

def test_the_html_report_is_self_contained_and_escapes_scenario_text(tmp_path):
    scenario = duel_copy(tmp_path, "title: The river floods",
                         "title: \"<script>alert(1)</script> floods\"")
    out = tmp_path / "report.html"
    assert main(["simulate", str(scenario), "--runs", "4", "--jobs", "1", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; floods" in html
    assert "http://" not in html and "https://" not in html
    assert "Design warnings" in html and "open-war" in html


def test_the_documented_policy_file_loads_and_matches_its_schema(tmp_path):
    import jsonschema
    import yaml

    from wargame.schemas import schema_for

    docs = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    section = docs.split("## Policy file", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    jsonschema.Draft202012Validator(schema_for("policies")).validate(yaml.safe_load(example))
    policies = load_policies_text(load_scenario(BORDER), example, tmp_path)
    assert policies.of("sudria").target == "norland"
    assert policies.adjudicator.reject_above == "non-violent-escalation"


# -- the command line ----------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--runs", "0"], "--runs must be at least 1"),
    (["--runs", "3", "--keep", "4"], "--keep must be from 0 to the number of runs (3)"),
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["-o", "report.txt"], "the report is written as .html or .json"),
    (["-o", "no/such/folder/r.json"], "no folder no/such/folder (nothing was simulated)"),
])
def test_bad_options_are_refused_in_words(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["simulate", str(DUEL), *args]) == 1
    assert message in capsys.readouterr().err


def test_the_progress_counter_shows_only_on_a_terminal():
    import io

    from wargame.simulate.runner import ProgressCounter

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        counter = ProgressCounter(stream)
        counter(5, 10)
        counter(10, 10)
    assert hidden.getvalue() == ""
    assert "\rsimulating" in shown.getvalue() and "10/10 runs\n" in shown.getvalue()


def test_more_processes_than_runs_still_plays_each_run_once(tmp_path):
    report = simulate_json(tmp_path, "tiny", str(DUEL), "--policies", str(HAWK_DOVE),
                           "--runs", "3", "--jobs", "8")
    assert report["runs"] == 3 and report["pairs"][0]["peak_rung"] == {"crisis": 3}


def test_tit_for_tat_starts_cooperative_then_answers_in_kind():
    scenario = load_scenario(DUEL)
    policies = PolicySet({"alpha": builtin("hawk", hotline=0.0),
                          "beta": builtin("tit-for-tat", hotline=0.0)})
    for run in play_all(scenario, policies, 5):
        beta = [(m.turn, m.type, m.target) for m in run.state.moves.values() if m.by == "beta"]
        assert beta[0][0] == 1 and beta[0][1] in ("talk", "cool")
        assert beta[1:] == [(2, "push", "alpha"), (3, "push", "alpha")]


def test_a_misread_cooperative_move_draws_an_escalatory_answer():
    scenario = load_scenario(DUEL)
    # Beta reads every move one category off: Alpha's talk (status quo) may look like an
    # escalation, which tit-for-tat answers with a push.
    policies = PolicySet({"alpha": builtin("dove", hotline=0.0, weights={"cool": 0}),
                          "beta": builtin("tit-for-tat", hotline=0.0, misread=1.0)})
    pushes = sum(m.type == "push" and m.by == "beta"
                 for run in play_all(scenario, policies, 20) for m in run.state.moves.values())
    assert pushes > 0


def test_relays_by_hand_are_passed_on_so_no_message_stays_stuck():
    """airspace-cyber relays through Meridian by hand: cbm-compliant delegations (ack_within
    [0, 0]) pass each message on in the turn it reached them, and Meridian plays after
    Ardenia and Boreal, so every message is delivered; the same seed plays the same relays."""
    scenario = load_scenario(ROOT / "scenarios" / "airspace-cyber.yaml")
    compliant = PolicySet({d.id: builtin("cbm-compliant", hotline=1.0)
                           for d in scenario.actors})
    runs = play_all(scenario, compliant, 3)
    relays = [[(e.payload["message"], e.actor) for e in r.state.events if e.kind == "relay"]
              for r in runs]
    assert any(relays), "the deconfliction line goes down in turn 4: traffic is relayed"
    for run in runs:
        assert not [m.id for m in run.state.messages.values() if m.waiting_at is not None]
        assert not [r for r in run.refused if r.startswith(("relay", "ack"))]
    assert relays == [[(e.payload["message"], e.actor) for e in r.state.events
                       if e.kind == "relay"] for r in play_all(scenario, compliant, 3)]


def test_peacemakers_propose_pauses_hawks_decline_and_a_pause_condition_can_fire(tmp_path):
    """border-crisis's monitoring offer comes when a Sudria-Veyra pause is in force: with the
    default random delegations nobody proposes one; with doves it comes in most runs."""
    policies = tmp_path / "doves.yaml"
    policies.write_text("policies:\n  sudria: dove\n  veyra: cbm-compliant\n"
                        "  forum: dove\ndefault: hawk\n", encoding="utf-8")
    doves = simulate_json(tmp_path, "doves", str(BORDER), "--runs", "40", "--jobs", "1",
                          "--policies", str(policies))
    plain = simulate_json(tmp_path, "plain", str(BORDER), "--runs", "40", "--jobs", "1")
    fired = {r["id"]: r["fired"] for r in doves["injects"]}
    assert plain["pauses"]["per_run"] == 0
    assert doves["pauses"]["honoured"] > 0 and doves["pauses"]["declined"] > 0  # hawk: norland
    assert fired["monitoring-offer"] > {r["id"]: r["fired"]
                                        for r in plain["injects"]}["monitoring-offer"]
    assert not any("refused" in w for w in doves["warnings"])  # every proposal was legal
