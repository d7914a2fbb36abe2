"""A retraction or a rolled-back batch refolds from a checkpoint, and ends exactly where a
fold of the whole log from event 1 ends."""

from __future__ import annotations

import pytest

from fixtures.engine.support import SCENARIO, SCRIPTS
from wargame.engine import Session, checkpoints, fold as folding
from wargame.engine.export import export_state
from wargame.engine.fold import fold
from wargame.engine.script import load_script, play

SCRIPT_FILES = sorted(SCRIPTS.glob("*.yaml"))


@pytest.fixture
def close_checkpoints(monkeypatch):
    """A checkpoint every two events, all kept, so that the short scripts cross many."""
    monkeypatch.setattr(checkpoints, "SPACING", 2)
    monkeypatch.setattr(checkpoints, "SHARE", 10**9)
    monkeypatch.setattr(checkpoints, "KEEP", 10**9)


@pytest.fixture
def full_folds(monkeypatch):
    """Counts the refolds that found no checkpoint and started from event 1."""
    calls = []
    original = folding.fold

    def counting(scenario, events):
        calls.append(1)
        return original(scenario, events)

    monkeypatch.setattr(folding, "fold", counting)
    return calls


def _same_as_a_fresh_fold(session: Session) -> None:
    fresh = fold(session.scenario, session.state.events)
    assert session.state == fresh
    assert export_state(session.state) == export_state(fresh)


@pytest.mark.parametrize("script", SCRIPT_FILES, ids=lambda p: p.stem)
def test_each_retraction_ends_as_a_fold_from_the_start(script, tmp_path, close_checkpoints):
    scenario_id, actions = load_script(script)
    actions = [action for action in actions if action.kind != "end"]  # retractions come first
    with Session.create(tmp_path / "s.wargame", SCENARIO.parent / f"{scenario_id}.yaml") \
            as session:
        play(session, actions)
        targets = [m.id for m in session.state.moves.values() if m.status != "retracted"]
        targets += list(session.state.messages)
        assert targets
        for target in reversed(targets):  # the most recent first, as a facilitator would
            session.act("retract", {"event": target, "reason": "entered by mistake"})
            _same_as_a_fresh_fold(session)
        undo = session.state.last_seq
        session.act("retract", {"event": undo, "reason": "that retraction was wrong"})
        _same_as_a_fresh_fold(session)
        assert session.state.retracted  # the earlier retractions still hold
        with Session.open(session.path) as reopened:
            assert reopened.state == session.state


def test_retracting_a_recent_event_refolds_from_a_checkpoint(tmp_path, close_checkpoints,
                                                             full_folds):
    _, actions = load_script(SCRIPTS / "amend-retract.yaml")
    with Session.create(tmp_path / "s.wargame", SCENARIO) as session:
        play(session, actions)
        full_folds.clear()
        session.act("note", {"by": "facilitator", "text": "to be retracted"})
        session.act("retract", {"event": session.state.last_seq, "reason": "wrong note"})
        assert not full_folds
        _same_as_a_fresh_fold(session)


def test_a_batch_rolled_back_leaves_the_state_as_before(tmp_path, close_checkpoints,
                                                        full_folds):
    _, actions = load_script(SCRIPTS / "amend-retract.yaml")
    with Session.create(tmp_path / "s.wargame", SCENARIO) as session:
        play(session, actions)
        before = fold(session.scenario, session.state.events)
        full_folds.clear()
        with pytest.raises(RuntimeError):
            with session.batch() as batch:
                for n in range(7):
                    batch.act("note", {"by": "facilitator", "text": f"note {n}"})
                batch.act("retract", {"event": session.state.last_seq, "reason": "mistake"})
                raise RuntimeError("the facilitator closed the form")
        assert session.state == before
        assert not full_folds
        with Session.open(session.path) as reopened:
            assert reopened.state == before


def test_another_process_retracting_is_caught_up_from_a_checkpoint(tmp_path,
                                                                   close_checkpoints):
    _, actions = load_script(SCRIPTS / "relay.yaml")
    with Session.create(tmp_path / "s.wargame", SCENARIO) as writer:
        play(writer, actions)
        with Session.open(writer.path) as reader:
            message = next(iter(writer.state.messages))
            writer.act("retract", {"event": message, "reason": "sent twice"})
            writer.act("note", {"by": "facilitator", "text": "after the retraction"})
            assert reader.refresh()
            assert reader.state == writer.state
            _same_as_a_fresh_fold(reader)
