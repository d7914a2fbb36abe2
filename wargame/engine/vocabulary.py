"""The action vocabulary: one attrs class per engine action.

Each class declares its keys once (name in scripts and payloads, required or not, what
the value is, the words a refusal or the JSON Schema uses) and its powers (who may
perform it, which key names the delegation acting, which key a scalar stands for in the
script's shorthand ``inject: protest``). The engine's rules read the attributes; the
script reader, the forms and ``wargame schema script`` derive from the same classes, so
adding a key is one change here. The machinery they share is in
``wargame.engine.action_keys``.

Values are kept as given: the rules check and normalise them (their refusals say what is
wrong in a trainer's words), and a checked action is recorded as its payload.
"""

from __future__ import annotations

from typing import Any, Mapping

import attrs

from wargame.errors import ActionRefused
from wargame.engine.action_keys import (
    CHOICE, DATE, EVENT, INTEGER, NOTE, PAIR, REPORT, SLUGS, TARGET, TEXT, Action, key)
from wargame.engine.words import did_you_mean
from wargame.loader.suggest import closest
from wargame.model import CAPABILITIES, PHASE_ORDER, VISIBILITIES
from wargame.model.scenario import CHANNEL_STATUSES, RATINGS

DECISIONS = ("approve", "reject", "amend")
LESSON_KINDS = ("strength", "improvement")
PAUSE_ANSWERS = ("accept", "decline")


@attrs.frozen
class Phase(Action):
    KIND = "phase"
    DOC = "Move to another phase: plan -> exercise -> assess -> adjust."
    SHORTHAND = "to"
    to: str = key("The phase to move to.", CHOICE, choices=PHASE_ORDER, meaning="where it goes")


@attrs.frozen
class Move(Action):
    KIND = "move"
    DOC = "A delegation makes a move."
    CONTROL_ONLY = False
    ACTING = "by"
    id: str | None = key("The move's id (e.g. m1); assigned by the engine when omitted.")
    by: str = key("The delegation making the move.", meaning="the delegation acting")
    type: str = key("A move type id of the rulebook.", meaning="a move type of the rulebook")
    target: str | list[str] | None = key(
        "The delegation the move is aimed at; a mediator may name a pair [a, b], and its "
        "move then acts on that pair's ladder.", TARGET)
    text: str = key("What the delegation does, in its own words.", TEXT,
                    meaning="what is said or done")
    intent: str | None = key("The category the mover means (for misperception).")
    visibility: str | None = key("Overrides the move type's default visibility: public, "
                                 "parties (the mover, its target and control) or private.",
                                 CHOICE, choices=VISIBILITIES)
    fields: dict[str, Any] | None = key("The report's fields, when the move type has a report "
                                        "format: field id -> value.", REPORT)


@attrs.frozen
class Adjudicate(Action):
    KIND = "adjudicate"
    DOC = "The facilitator decides on a pending move."
    move: str = key("The move's id.", meaning="a move id")
    decision: str = key("approve, reject or amend (with category / step).", CHOICE,
                        choices=DECISIONS, meaning="approve, reject or amend")
    category: str | None = key("amend: the category the move counts as.")
    step: int | None = key("amend: the ladder step the move takes.", INTEGER)
    text: str | None = key("amend: the move's text as others will read it.", TEXT)
    note: str | None = key("Why.", NOTE)


@attrs.frozen
class Perceive(Action):
    KIND = "perceive"
    DOC = "Records the category a delegation read into a move."
    CONTROL_ONLY = False
    ACTING = "by"
    by: str = key("The perceiving delegation.", meaning="the delegation acting")
    move: str = key("The move's id.", meaning="a move id")
    category: str = key("The category it was read as.", name="as", meaning="a category")
    note: str | None = key("Why.", NOTE)
    visibility: str | None = key("private (default: the perceiver and control), parties (also "
                                 "the mover) or public.", CHOICE, choices=VISIBILITIES)


@attrs.frozen
class Hotline(Action):
    KIND = "hotline"
    DOC = "Sends a hotline message along open channels."
    CONTROL_ONLY = False
    ACTING = "from"
    id: str | None = key("The message's id (e.g. h1); assigned when omitted.")
    sender: str = key("The sending delegation.", name="from", meaning="the sending delegation")
    to: str = key("The receiving delegation.", meaning="where it goes")
    text: str = key("The message.", TEXT, meaning="what is said or done")
    reply_to: str | None = key("The id of the message this one answers.")


@attrs.frozen
class Ack(Action):
    KIND = "ack"
    DOC = "Acknowledges a hotline message."
    CONTROL_ONLY = False
    ACTING = "by"
    message: str = key("The message's id.", meaning="a hotline message id")
    by: str = key("The acknowledging delegation.", meaning="the delegation acting")
    text: str | None = key("An optional reply text.", NOTE)


@attrs.frozen
class Relay(Action):
    KIND = "relay"
    DOC = ("A delegation in the middle of a message's route passes it on (scenarios with "
           "hotline relay: manual); control may do it for the delegation.")
    CONTROL_ONLY = False
    ACTING = "by"
    message: str = key("The message's id.", meaning="a hotline message id")
    by: str = key("The relaying delegation: the one the message waits at.",
                  meaning="the delegation acting")
    note: str | None = key("An optional note for the sender, the recipient and the other "
                           "relays.", NOTE)


@attrs.frozen
class Inject(Action):
    KIND = "inject"
    DOC = "Releases a conditional or contingency inject by hand."
    SHORTHAND = "id"
    id: str = key("The inject's id.", meaning="an id")


@attrs.frozen
class Note(Action):
    KIND = "note"
    DOC = "A note in the log."
    CONTROL_ONLY = False
    ACTING = "by"
    by: str = key("facilitator or a delegation id.", meaning="the delegation acting")
    text: str = key("The note.", TEXT, meaning="what is said or done")
    visibility: str | None = key("public, parties (the author, the delegations in to, and "
                                 "control) or private (the author and control; a facilitator's "
                                 "private note is control's alone). Defaults to private.",
                                 CHOICE, choices=VISIBILITIES)
    to: str | list[str] | None = key("parties: the delegations the note is shared with.",
                                     SLUGS)


@attrs.frozen
class NextTurn(Action):
    KIND = "next-turn"
    DOC = "Ends the turn and starts the next one."


@attrs.frozen
class Rate(Action):
    KIND = "rate"
    DOC = "Rates an evaluation objective (HSEEP)."
    objective: str = key("The objective's id.", meaning="an objective id")
    rating: str = key("P performed without challenges, S with some challenges, M with major "
                      "challenges, U unable to be performed.", CHOICE, choices=RATINGS,
                      meaning="P, S, M or U")
    note: str | None = key("Why.", NOTE)
    by: str | None = key("Who rated it (an evaluator's name or role).", NOTE)


@attrs.frozen
class Lesson(Action):
    KIND = "lesson"
    DOC = "Records a strength or an area for improvement."
    kind: str = key("strength or improvement.", CHOICE, choices=LESSON_KINDS,
                    meaning="strength or improvement")
    text: str = key("The lesson.", TEXT, meaning="what is said or done")
    objective: str | None = key("The objective it relates to.")


@attrs.frozen
class Improve(Action):
    KIND = "improve"
    DOC = "Adds a row to the improvement plan."
    issue: str = key("Issue / area for improvement.", TEXT, meaning="the issue")
    action: str = key("Corrective action.", TEXT, meaning="the corrective action")
    owner: str | None = key("Responsible organisation.", NOTE)
    due: str | None = key("Completion date, YYYY-MM-DD.", DATE)
    start: str | None = key("Start date, YYYY-MM-DD.", DATE)
    capability: str | None = key("Capability element.", CHOICE, choices=CAPABILITIES)
    contact: str | None = key("Point of contact.", NOTE)
    objective: str | None = key("The objective it relates to.")


@attrs.frozen
class Retract(Action):
    KIND = "retract"
    DOC = "Retracts an event: it counts as if it never happened."
    event: str | int = key("A move id, a message id, or an event sequence number.", EVENT,
                           meaning="a move id, a message id or an event number")
    reason: str = key("Why it is retracted.", TEXT, meaning="why")


@attrs.frozen
class Hotwash(Action):
    KIND = "hotwash"
    DOC = "Records an answer to a hot-wash question."
    CONTROL_ONLY = False
    ACTING = "by"
    question: int = key("The question's index in the scenario's `hotwash` list.", INTEGER,
                        minimum=0, meaning="a hotwash question number")
    answer: str = key("The answer.", TEXT, meaning="the answer")
    by: str | None = key("Who answered.")


@attrs.frozen
class Channel(Action):
    KIND = "channel"
    DOC = "Cuts or restores a hotline channel."
    between: list[str] = key("The two delegations of the channel.", PAIR,
                             meaning="two delegations")
    status: str = key("up or down.", CHOICE, choices=CHANNEL_STATUSES, meaning="up or down")
    reason: str | None = key("Why the channel is cut or restored (shown in the timeline and "
                             "the debrief).", NOTE)


@attrs.frozen
class ProposePause(Action):
    KIND = "propose-pause"
    DOC = "A delegation proposes a pause moment to another (or to all), or a mediator " \
          "brokers one between two others: for some turns, escalatory moves of the " \
          "categories in its scope halt between its parties."
    CONTROL_ONLY = False
    ACTING = "by"
    id: str | None = key("The pause's id (e.g. p1); assigned when omitted.")
    by: str = key("The proposing delegation (a mediator, when it brokers a pause).",
                  meaning="the delegation acting")
    other: str | list[str] | None = key(
        "To whom: a delegation, all (every other delegation that can move), or, for a "
        "mediator brokering a pause, a pair [a, b] (the same as between).", TARGET,
        name="with")
    between: list[str] | None = key("The two delegations a mediator brokers a pause "
                                    "between (it binds them, not the mediator).", PAIR)
    turns: int = key("How many turns it lasts once accepted (the accepting turn included).",
                     INTEGER, minimum=1, meaning="a number of turns")
    scope: list[str] | None = key("The move categories it halts; by default every category "
                                  "with a positive escalation score.", SLUGS)


@attrs.frozen
class AnswerPause(Action):
    KIND = "answer-pause"
    DOC = "A party a pause was proposed to accepts or declines it (or control does for it)."
    CONTROL_ONLY = False
    ACTING = "by"
    pause: str = key("The pause's id.", meaning="a pause id")
    by: str = key("The delegation answering: one the pause was proposed to.",
                  meaning="the delegation acting")
    answer: str = key("accept or decline.", CHOICE, choices=PAUSE_ANSWERS,
                      meaning="accept or decline")


@attrs.frozen
class End(Action):
    KIND = "end"
    DOC = "Ends the exercise."


@attrs.frozen
class Pause(Action):
    KIND = "pause"
    DOC = "Pauses the turn's timebox (the clock of the turn stops until resume)."
    reason: str | None = key("Why the exercise is paused.", NOTE)


@attrs.frozen
class Resume(Action):
    KIND = "resume"
    DOC = "Resumes the paused timebox."


@attrs.frozen
class Hold(Action):
    KIND = "hold"
    DOC = "Holds a scheduled inject: it is not released when its turn opens."
    SHORTHAND = "id"
    id: str = key("The inject's id.", meaning="an id")


@attrs.frozen
class Retime(Action):
    KIND = "retime"
    DOC = "Moves a scheduled or held inject to another turn (lifting a hold)."
    id: str = key("The inject's id.", meaning="an id")
    turn: int = key("The turn at whose start it is released.", INTEGER, minimum=1,
                    meaning="a turn number")


@attrs.frozen
class Update(Action):
    KIND = "update"
    DOC = "A situation update from control to all or some delegations."
    text: str = key("The update.", TEXT, meaning="what is said or done")
    to: str | list[str] | None = key("The delegations it goes to (all when omitted).", SLUGS)


@attrs.frozen
class AdHoc(Action):
    KIND = "adhoc"
    DOC = ("An inject composed on the spot by the simulation cell; recorded in the MSEL as "
           "ad hoc and released at once.")
    id: str | None = key("The inject's id (e.g. adhoc-1); assigned when omitted.")
    title: str = key("A short title.", TEXT, meaning="a title")
    source: str | None = key("The simulation-cell role it comes from (e.g. UN envoy).", NOTE,
                             name="from")
    to: str | list[str] | None = key("The delegations it goes to (all when omitted).", SLUGS)
    text: str = key("What the delegations are told.", TEXT, meaning="what is said or done")
    control_notes: str | None = key("Notes for control only.", NOTE)
    between: list[str] | None = key("A dyad or channel the effect applies to.", PAIR)
    step: int | None = key("Moves the dyad's rung by this many steps.", INTEGER)
    channel: str | None = key("Sets the channel between the two up or down.", CHOICE,
                              choices=CHANNEL_STATUSES)


@attrs.frozen
class Summary(Action):
    KIND = "summary"
    DOC = "The facilitator's summary, which the debrief shows."
    text: str = key("The summary.", TEXT, meaning="what is said or done")


ACTIONS: dict[str, type[Action]] = {cls.KIND: cls for cls in (
    Phase, Move, Adjudicate, Perceive, Hotline, Ack, Relay, Inject, Note, NextTurn, Rate,
    Lesson, Improve, Retract, Hotwash, Channel, ProposePause, AnswerPause, End, Pause, Resume, Hold,
    Retime, Update, AdHoc, Summary)}


def action_class(kind: object) -> type[Action]:
    if not isinstance(kind, str) or kind not in ACTIONS:
        raise ActionRefused(f"unknown action {kind!r}{did_you_mean(kind, ACTIONS)}")
    return ACTIONS[kind]


def key_problems(cls: type[Action], given: Mapping[Any, Any]) -> list[tuple[Any, str]]:
    """(the key at fault, or None for a missing one; the words) for each unknown key
    (with a hint) and each missing required key, in that order."""
    names = cls.key_names()
    if all(name in names for name in given) and all(
            given.get(name) is not None for name in cls.required_names()):
        return []
    problems: list[tuple[Any, str]] = []
    for name in given:
        if name not in names:
            close = closest(str(name), names)
            hint = f" (did you mean '{close}'?)" if close else ""
            problems.append((name, f"{cls.KIND} takes no key {str(name)!r}{hint}; "
                                        f"{cls.KIND} keys: {', '.join(names)}"))
    for spec in cls.keys():
        if spec.required and given.get(spec.name) is None:
            problems.append((None, f"{cls.KIND} needs {spec.name!r} ({spec.meaning})"))
    return problems


def parse(kind: object, payload: object) -> Action:
    """The typed action from an action's name and a payload as a script writes it (a
    mapping, a shorthand scalar, or nothing); ActionRefused at the first problem."""
    cls = action_class(kind)
    if payload is None:
        payload = {}
    if not isinstance(payload, Mapping):
        if cls.SHORTHAND is None:
            raise ActionRefused(f"{cls.KIND} takes a mapping of keys, got {payload!r}")
        payload = {cls.SHORTHAND: payload}
    problems = key_problems(cls, payload)
    if problems:
        raise ActionRefused(problems[0][1])
    return cls.from_keys(payload)


def recorded(kind: str, payload: Mapping[str, Any]) -> Action:
    """The typed action of a payload read from the log (unknown keys are left out, missing
    ones are None: the rules refuse such an event, and the fold records it as void)."""
    if not isinstance(payload, Mapping):
        raise TypeError(f"a {kind} payload must be a mapping, got {payload!r}")
    return ACTIONS[kind].from_keys(payload)
