"""Every refusal of the engine: its message, and that nothing was written.

Each case sets up a session with some accepted actions, then tries one action the rules
refuse. The message must be exactly the one a facilitator reads, and the log must hold
the same number of events afterwards, in memory and in the file.
"""

from __future__ import annotations

import pytest

from fixtures.engine.support import ASSESS, EXERCISE, new_session
from wargame.engine import Session
from wargame.errors import ActionRefused

M_AZ = ("move", {"id": "m1", "by": "azure", "type": "patrol", "target": "crimson",
                 "text": "Patrol"})
PRIV = ("move", {"id": "p1", "by": "azure", "type": "covert-probe", "target": "crimson",
                 "text": "Probe"})
H1 = ("hotline", {"id": "h1", "from": "azure", "to": "crimson", "text": "Hello"})
CUT = ("channel", {"between": ["azure", "crimson"], "status": "down"})
CUT2 = ("channel", {"between": ["crimson", "verdant"], "status": "down"})
CASES = {
    "phase-skip": (
        [], ("phase", {"to": "assess"}),
        'the exercise is in the plan phase; the next phase is exercise (phases go plan -> '
        'exercise -> assess -> adjust)'),
    "phase-back": (
        ASSESS, ("phase", {"to": "exercise"}),
        'the exercise is in the assess phase; the next phase is adjust (phases go plan -> '
        'exercise -> assess -> adjust)'),
    "phase-unknown": (
        [], ("phase", {"to": "exercize"}),
        "unknown phase 'exercize' (did you mean 'exercise'?)"),
    "phase-ended": (
        [], ("phase", {"to": "ended"}),
        'to end the exercise use the action end'),
    "phase-after-adjust": (
        ASSESS + [("phase", {"to": "adjust"})], ("phase", {"to": "assess"}),
        'the adjust phase is the last; use end to end the exercise'),
    "next-turn-plan": (
        [], ("next-turn", {}),
        'advancing the turn is only possible in the exercise phase (the exercise is in the plan'
        ' phase)'),
    "next-turn-last": (
        EXERCISE + [("next-turn", {})] * 3, ("next-turn", {}),
        'turn 4 is the last; advance the phase to assess'),
    "after-end": (
        [("end", {})], ("note", {"by": "facilitator", "text": "x"}),
        'the exercise has ended; writing a note is no longer possible'),
    "end-twice": (
        [("end", {})], ("end", {}),
        'the exercise has already ended'),
    "move-plan": (
        [], M_AZ,
        'making a move is only possible in the exercise phase (the exercise is in the plan '
        'phase)'),
    "move-observer": (
        EXERCISE, ("move", {"by": "osce", "type": "statement", "text": "x"}),
        'osce is an observer; observers cannot make moves'),
    "move-unknown-by": (
        EXERCISE, ("move", {"by": "azur", "type": "statement", "text": "x"}),
        "by 'azur' is not a delegation of this scenario (did you mean 'azure'?)"),
    "move-unknown-type": (
        EXERCISE, ("move", {"by": "azure", "type": "patroll", "target": "crimson", "text": "x"}),
        "no move type 'patroll' in the rulebook fixture-ladder (did you mean 'patrol'?)"),
    "move-target-missing": (
        EXERCISE, ("move", {"by": "azure", "type": "patrol", "text": "x"}),
        'a patrol move needs a target (the delegation it is aimed at)'),
    "move-target-forbidden": (
        EXERCISE, ("move", {"by": "azure", "type": "statement", "target": "crimson", "text": "x"}),
        'a statement move takes no target'),
    "move-target-self": (
        EXERCISE, ("move", {"by": "azure", "type": "patrol", "target": "azure", "text": "x"}),
        'azure cannot target its own delegation'),
    "move-target-observer": (
        EXERCISE, ("move", {"by": "azure", "type": "patrol", "target": "osce", "text": "x"}),
        'osce is an observer; observers cannot be the target of a move'),
    "move-intent": (
        EXERCISE, ("move", {"by": "azure", "type": "statement", "text": "x", "intent": "posturng"}),
        "intent 'posturng' is not a category of the rulebook (did you mean 'posturing'?)"),
    "move-visibility": (
        EXERCISE,
        ("move", {"by": "azure", "type": "statement", "text": "x", "visibility": "secret"}),
        "visibility 'secret' is not known; expected one of: public, parties, private"),
    "move-duplicate": (
        EXERCISE + [M_AZ], M_AZ,
        'there is already a move m1 (by azure in turn 1); choose another id'),
    "move-bad-id": (
        EXERCISE, ("move", {"id": "M 1", "by": "azure", "type": "statement", "text": "x"}),
        "move id 'M 1' is not a valid id (lowercase letters, digits and dashes)"),
    "move-unknown-key": (
        EXERCISE, ("move", {"by": "azure", "type": "statement", "txt": "x"}),
        "move takes no key 'txt' (did you mean 'text'?); move keys: by, type, text, id, target,"
        ' intent, visibility, fields, at'),
    "move-missing-text": (
        EXERCISE, ("move", {"by": "azure", "type": "statement"}),
        "move needs 'text' (what is said or done)"),
    "move-empty-text": (
        EXERCISE, ("move", {"by": "azure", "type": "statement", "text": "  "}),
        "the move's text is empty"),
    "adjudicate-approved": (
        EXERCISE + [M_AZ, ("adjudicate", {"move": "m1", "decision": "approve"})],
        ("adjudicate", {"move": "m1", "decision": "reject"}),
        'move m1 is already approved; only a pending move can be adjudicated'),
    "adjudicate-unknown": (
        EXERCISE + [M_AZ], ("adjudicate", {"move": "m2", "decision": "approve"}),
        "no move 'm2' has been made; expected one of: m1"),
    "adjudicate-amend-empty": (
        EXERCISE + [M_AZ], ("adjudicate", {"move": "m1", "decision": "amend"}),
        'amend needs a category, a step or a text (what the move becomes)'),
    "adjudicate-category-approve": (
        EXERCISE + [M_AZ],
        ("adjudicate", {"move": "m1", "decision": "approve", "category": "posturing"}),
        'category, step and text go only with decision: amend'),
    "adjudicate-decision": (
        EXERCISE + [M_AZ], ("adjudicate", {"move": "m1", "decision": "accept"}),
        "decision 'accept' is not known; expected one of: approve, reject, amend"),
    "adjudicate-step-range": (
        EXERCISE + [M_AZ], ("adjudicate", {"move": "m1", "decision": "amend", "step": 9}),
        'step 9 is beyond the ladder (from -6 to 6)'),
    "adjudicate-retracted": (
        EXERCISE + [M_AZ, ("retract", {"event": "m1", "reason": "x"})],
        ("adjudicate", {"move": "m1", "decision": "approve"}),
        'move m1 was retracted; there is nothing to adjudicate'),
    "adjudicate-assess": (
        EXERCISE + [M_AZ, ("phase", {"to": "assess"})],
        ("adjudicate", {"move": "m1", "decision": "approve"}),
        'adjudicating a move is only possible in the exercise phase (the exercise is in the '
        'assess phase)'),
    "inject-twice": (
        EXERCISE, ("inject", {"id": "collision"}),
        'inject collision was already released in turn 1 (scheduled)'),
    "inject-unknown": (
        EXERCISE, ("inject", {"id": "radar"}),
        "no inject 'radar' in this scenario (did you mean 'radar-lock'?)"),
    "inject-plan": (
        [], ("inject", {"id": "radar-lock"}),
        'releasing an inject is only possible in the exercise phase (the exercise is in the '
        'plan phase)'),
    "hotline-no-route": (
        EXERCISE + [CUT, CUT2], H1,
        'no open hotline route from azure to crimson: channels down: azure–crimson, '
        'crimson–verdant'),
    "hotline-observer": (
        EXERCISE, ("hotline", {"from": "osce", "to": "azure", "text": "x"}),
        'osce is an observer; observers cannot send hotline messages'),
    "hotline-to-observer": (
        EXERCISE, ("hotline", {"from": "azure", "to": "osce", "text": "x"}),
        'osce is an observer; observers cannot receive hotline messages'),
    "hotline-self": (
        EXERCISE, ("hotline", {"from": "azure", "to": "azure", "text": "x"}),
        'azure cannot send a hotline message to itself'),
    "hotline-reply-unknown": (
        EXERCISE, ("hotline", {"from": "azure", "to": "crimson", "text": "x", "reply_to": "h9"}),
        "no hotline message 'h9' has been sent"),
    "hotline-duplicate": (
        EXERCISE + [H1], H1,
        'there is already a hotline message h1; choose another id'),
    "hotline-plan": (
        [], H1,
        'sending a hotline message is only possible in the exercise phase (the exercise is in '
        'the plan phase)'),
    "ack-not-recipient": (
        EXERCISE + [H1], ("ack", {"message": "h1", "by": "verdant"}),
        'only crimson, the recipient of h1, can acknowledge it'),
    "ack-sender": (
        EXERCISE + [H1], ("ack", {"message": "h1", "by": "azure"}),
        'only crimson, the recipient of h1, can acknowledge it'),
    "ack-twice": (
        EXERCISE + [H1, ("ack", {"message": "h1", "by": "crimson"})],
        ("ack", {"message": "h1", "by": "crimson"}),
        'message h1 was already acknowledged by crimson in turn 1'),
    "ack-observer": (
        EXERCISE + [H1], ("ack", {"message": "h1", "by": "osce"}),
        'osce is an observer; observers cannot acknowledge messages'),
    "ack-unknown": (
        EXERCISE + [H1], ("ack", {"message": "h2", "by": "crimson"}),
        "no hotline message 'h2' has been sent; expected one of: h1"),
    "ack-retracted": (
        EXERCISE + [H1, ("retract", {"event": "h1", "reason": "x"})],
        ("ack", {"message": "h1", "by": "crimson"}),
        'message h1 was retracted'),
    "channel-unknown": (
        EXERCISE, ("channel", {"between": ["azure", "osce"], "status": "down"}),
        'no hotline channel between azure and osce (channels: azure–crimson, azure–verdant, '
        'crimson–verdant)'),
    "channel-same": (
        EXERCISE, ("channel", {"between": ["azure", "crimson"], "status": "up"}),
        'the azure–crimson channel is already up'),
    "channel-status": (
        EXERCISE, ("channel", {"between": ["azure", "crimson"], "status": "cut"}),
        "status 'cut' is not known; expected one of: up, down"),
    "perceive-private": (
        EXERCISE + [PRIV], ("perceive", {"by": "crimson", "move": "p1", "as": "posturing"}),
        'crimson cannot perceive move p1: it is a private move of azure'),
    "perceive-own": (
        EXERCISE + [M_AZ], ("perceive", {"by": "azure", "move": "m1", "as": "posturing"}),
        'azure made move m1; a delegation does not perceive its own move'),
    "perceive-category": (
        EXERCISE + [M_AZ], ("perceive", {"by": "crimson", "move": "m1", "as": "hostile"}),
        "as 'hostile' is not a category of the rulebook; expected one of: de-escalation, "
        'status-quo, posturing, non-violent-escalation, violent-escalation, nuclear'),
    "perceive-adjust": (
        EXERCISE + [M_AZ, ("phase", {"to": "assess"}), ("phase", {"to": "adjust"})],
        ("perceive", {"by": "crimson", "move": "m1", "as": "posturing"}),
        'recording a perception is only possible in the exercise or assess phase (the exercise '
        'is in the adjust phase)'),
    "note-author": (
        [], ("note", {"by": "control", "text": "x"}),
        "by 'control' is neither the facilitator nor a delegation; expected one of: azure, "
        'crimson, verdant, osce, facilitator'),
    "note-visibility": (
        [], ("note", {"by": "facilitator", "text": "x", "visibility": "secret"}),
        "visibility 'secret' is not known; expected one of: public, parties, private"),
    "rate-exercise": (
        EXERCISE, ("rate", {"objective": "reporting", "rating": "S"}),
        'rating an objective is only possible in the assess or adjust phase (the exercise is in'
        ' the exercise phase)'),
    "rate-rating": (
        ASSESS, ("rate", {"objective": "reporting", "rating": "B"}),
        "rating 'B' is not known; expected one of: P, S, M, U"),
    "rate-objective": (
        ASSESS, ("rate", {"objective": "reportng", "rating": "S"}),
        "no objective 'reportng' in this scenario (did you mean 'reporting'?)"),
    "lesson-kind": (
        ASSESS, ("lesson", {"kind": "weakness", "text": "x"}),
        "lesson kind 'weakness' is not known; expected one of: strength, improvement"),
    "improve-date": (
        ASSESS, ("improve", {"issue": "x", "action": "y", "due": "next march"}),
        "due date 'next march' is not a date such as 2027-03-01"),
    "improve-order": (
        ASSESS,
        ("improve", {"issue": "x", "action": "y", "start": "2027-04-01", "due": "2027-03-01"}),
        'the start date 2027-04-01 is after the due date 2027-03-01'),
    "improve-capability": (
        ASSESS, ("improve", {"issue": "x", "action": "y", "capability": "money"}),
        "capability 'money' is not known; expected one of: planning, organization, equipment, "
        'training, exercise'),
    "lesson-exercise": (
        EXERCISE, ("lesson", {"kind": "strength", "text": "x"}),
        'recording a lesson is only possible in the assess or adjust phase (the exercise is in '
        'the exercise phase)'),
    "improve-exercise": (
        EXERCISE, ("improve", {"issue": "x", "action": "y"}),
        'adding to the improvement plan is only possible in the assess or adjust phase (the '
        'exercise is in the exercise phase)'),
    "channel-assess": (
        ASSESS, CUT,
        'cutting or restoring a hotline channel is only possible in the plan or exercise phase '
        '(the exercise is in the assess phase)'),
    "hotwash-range": (
        ASSESS, ("hotwash", {"question": 2, "answer": "x"}),
        'there is no hotwash question 2 (the scenario has 2, numbered 0 to 1)'),
    "hotwash-exercise": (
        EXERCISE, ("hotwash", {"question": 0, "answer": "x"}),
        'answering a hotwash question is only possible in the assess or adjust phase (the '
        'exercise is in the exercise phase)'),
    "retract-phase": (
        EXERCISE, ("retract", {"event": 1, "reason": "x"}),
        'event 1 is a phase change; phase changes, turn changes and the end cannot be retracted'),
    "retract-twice": (
        EXERCISE + [M_AZ, ("retract", {"event": "m1", "reason": "wrong"})],
        ("retract", {"event": "m1", "reason": "x"}),
        'event 2 (move m1) is already retracted: wrong'),
    "retract-unknown": (
        EXERCISE + [M_AZ], ("retract", {"event": "m2", "reason": "x"}),
        "no move or hotline message 'm2' to retract; expected one of: m1"),
    "retract-no-event": (
        EXERCISE, ("retract", {"event": 7, "reason": "x"}),
        'there is no event 7 (events run from 1 to 1)'),
    "retract-no-reason": (
        EXERCISE + [M_AZ], ("retract", {"event": "m1"}),
        "retract needs 'reason' (why)"),
    "actor-other": (
        EXERCISE, ("move", {"by": "crimson", "type": "statement", "text": "x"}, "azure"),
        'azure cannot act for crimson'),
    "actor-control-only": (
        EXERCISE, ("next-turn", {}, "azure"),
        'next-turn is for the facilitator only; azure cannot use it'),
    "actor-unknown": (
        EXERCISE, ("next-turn", {}, "umpire"),
        "unknown actor 'umpire'; expected one of: facilitator, script, azure, crimson, verdant,"
        ' osce'),
    "unknown-action": (
        [], ("advance", {}),
        "unknown action 'advance'; expected one of: phase, move, adjudicate, perceive, hotline,"
        ' ack, relay, inject, note, next-turn, rate, lesson, ... (14 more)'),
    "payload-not-mapping": (
        EXERCISE, ("move", "patrol"),
        "move takes a mapping of keys, got 'patrol'"),
}

@pytest.mark.parametrize("name", sorted(CASES))
def test_refusal_writes_nothing(name, tmp_path):
    setup, action, message = CASES[name]
    session = new_session(tmp_path, setup)
    before = len(session.state.events)
    kind, payload, *actor = action
    with pytest.raises(ActionRefused) as refused:
        session.act(kind, payload, actor=actor[0] if actor else "facilitator")
    assert str(refused.value) == message
    assert len(session.state.events) == before
    assert session.latest_seq() == before
    session.close()
    with Session.open(tmp_path / "s.wargame") as reopened:
        assert len(reopened.state.events) == before
        assert not reopened.state.void
