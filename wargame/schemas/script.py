"""JSON Schema of an exercise script (the `actions:` list played by `wargame run`)."""

from __future__ import annotations

from wargame.model.rulebook import VISIBILITIES
from wargame.engine.rules_debrief import CAPABILITIES, LESSON_KINDS
from wargame.engine.rules_moves import DECISIONS
from wargame.model.scenario import CHANNEL_STATUSES, RATINGS
from wargame.schemas._common import (
    CLOCK_PATTERN,
    Schema,
    closed,
    document,
    enum,
    integer,
    pair,
    ref,
    slug,
    slugs,
    text,
)

PHASE_TARGETS = ("plan", "exercise", "assess", "adjust")
# The engine's own vocabularies, so the schema cannot drift from what the engine accepts.
CAPABILITY_ELEMENTS = CAPABILITIES
# Actions that may be written as a bare word: `- next-turn`.
BARE_ACTIONS = ("next-turn", "end")


def _at() -> Schema:
    return {
        "description": "Real time elapsed since the exercise phase began, HH:MM:SS (quote "
                       "it: YAML 1.1 reads an unquoted 00:04:10 as 250 seconds, which is "
                       "also accepted), or a number of seconds. Omitted: the previous "
                       "action's time.",
        "anyOf": [
            {"type": "string", "pattern": CLOCK_PATTERN, "description": "HH:MM:SS or MM:SS"},
            {"type": "number", "minimum": 0, "description": "Seconds."},
        ],
    }


def _payload(description: str, properties: dict[str, Schema],
             required: tuple[str, ...] = ()) -> Schema:
    return closed(description, {**properties, "at": ref("at")}, required)


def _date(description: str) -> Schema:
    return {"type": "string", "format": "date", "description": description}


def _actions() -> dict[str, Schema]:
    """Each action's payload, keyed by the action's name."""
    return {
        "phase": {
            "description": "Move to another phase: plan -> exercise -> assess -> adjust.",
            "anyOf": [
                enum("The phase to move to.", PHASE_TARGETS),
                _payload("The phase to move to.",
                         {"to": enum("The phase to move to.", PHASE_TARGETS)}, ("to",)),
            ],
        },
        "move": _payload("A delegation makes a move.", {
            "id": slug("The move's id (e.g. m1); assigned by the engine when omitted."),
            "by": slug("The delegation making the move."),
            "type": slug("A move type id of the rulebook."),
            "target": slug("The delegation the move is aimed at."),
            "text": text("What the delegation does, in its own words."),
            "intent": slug("The category the mover means (for misperception)."),
            "visibility": enum("Overrides the move type's default visibility: public, "
                               "parties (the mover, its target and control) or private.",
                               VISIBILITIES),
        }, ("by", "type", "text")),
        "adjudicate": _payload("The facilitator decides on a pending move.", {
            "move": slug("The move's id."),
            "decision": enum("approve, reject or amend (with category / step).", DECISIONS),
            "category": slug("amend: the category the move counts as."),
            "step": integer("amend: the ladder step the move takes."),
            "text": text("amend: the move's text as others will read it."),
            "note": text("Why.", min_length=0),
        }, ("move", "decision")),
        "perceive": _payload("Records the category a delegation read into a move.", {
            "by": slug("The perceiving delegation."),
            "move": slug("The move's id."),
            "as": slug("The category it was read as."),
            "note": text("Why.", min_length=0),
            "visibility": enum("private (default: the perceiver and control), parties (also "
                               "the mover) or public.", VISIBILITIES),
        }, ("by", "move", "as")),
        "hotline": _payload("Sends a hotline message along open channels.", {
            "id": slug("The message's id (e.g. h1); assigned when omitted."),
            "from": slug("The sending delegation."),
            "to": slug("The receiving delegation."),
            "text": text("The message."),
            "reply_to": slug("The id of the message this one answers."),
        }, ("from", "to", "text")),
        "ack": _payload("Acknowledges a hotline message.", {
            "message": slug("The message's id."),
            "by": slug("The acknowledging delegation."),
            "text": text("An optional reply text.", min_length=0),
        }, ("message", "by")),
        "inject": {
            "description": "Releases a conditional or contingency inject by hand.",
            "anyOf": [
                slug("The inject's id."),
                _payload("The inject to release.", {"id": slug("The inject's id.")}, ("id",)),
            ],
        },
        "note": _payload("A note in the log.", {
            "by": slug("facilitator or a delegation id."),
            "text": text("The note."),
            "visibility": enum("public, parties (the author, the delegations in to, and "
                               "control) or private (the author and control; a facilitator's "
                               "private note is control's alone). Defaults to private.",
                               VISIBILITIES),
            "to": {"description": "parties: the delegations the note is shared with.",
                   "anyOf": [slug("One delegation id."), slugs("Delegation ids.")]},
        }, ("by", "text")),
        "next-turn": _bare("Ends the turn and starts the next one."),
        "rate": _payload("Rates an evaluation objective (HSEEP).", {
            "objective": slug("The objective's id."),
            "rating": enum("P performed without challenges, S with some challenges, "
                           "M with major challenges, U unable to be performed.", RATINGS),
            "note": text("Why.", min_length=0),
        }, ("objective", "rating")),
        "lesson": _payload("Records a strength or an area for improvement.", {
            "kind": enum("strength or improvement.", LESSON_KINDS),
            "text": text("The lesson."),
            "objective": slug("The objective it relates to."),
        }, ("kind", "text")),
        "improve": _payload("Adds a row to the improvement plan.", {
            "issue": text("Issue / area for improvement."),
            "action": text("Corrective action."),
            "owner": text("Responsible organisation.", min_length=0),
            "due": _date("Completion date, YYYY-MM-DD."),
            "start": _date("Start date, YYYY-MM-DD."),
            "capability": enum("Capability element.", CAPABILITY_ELEMENTS),
            "contact": text("Point of contact.", min_length=0),
            "objective": slug("The objective it relates to."),
        }, ("issue", "action")),
        "retract": _payload("Retracts an event: it counts as if it never happened.", {
            "event": {
                "description": "A move id, a message id, or an event sequence number.",
                "anyOf": [slug("A move or message id."),
                          integer("An event sequence number.", minimum=1)],
            },
            "reason": text("Why it is retracted."),
        }, ("event", "reason")),
        "hotwash": _payload("Records an answer to a hot-wash question.", {
            "question": integer("The question's index in the scenario's `hotwash` list.",
                                minimum=0),
            "answer": text("The answer."),
            "by": slug("Who answered."),
        }, ("question", "answer")),
        "channel": _payload("Cuts or restores a hotline channel.", {
            "between": pair("The two delegations of the channel."),
            "status": enum("up or down.", CHANNEL_STATUSES),
        }, ("between", "status")),
        "end": _bare("Ends the exercise."),
    }


def _bare(description: str) -> Schema:
    """An action without a payload: written as a bare word, or with only `at`."""
    return {
        "description": description,
        "anyOf": [{"type": "null"}, _payload(description, {})],
    }


def script_schema() -> Schema:
    actions = _actions()
    defs: dict[str, Schema] = {"at": _at()}
    alternatives: list[Schema] = [enum("An action without a payload.", BARE_ACTIONS)]
    for name, schema in actions.items():
        defs[name] = schema
        alternatives.append({
            "type": "object",
            "description": schema["description"],
            "properties": {name: ref(name), "at": ref("at")},
            "required": [name],
            "additionalProperties": False,
            # `at` goes beside the action or inside its payload, not both.
            "if": {"required": ["at"]},
            "then": {"properties": {name: {"properties": {"at": False}}}},
        })
    return document(
        "wargame exercise script",
        "A list of actions played headless by `wargame run`, exactly as the terminal app "
        "would record them.",
        {
            "scenario": slug("Optional: the id of the scenario this script is written for; "
                             "`wargame run` refuses to play it on another scenario."),
            "title": text("Optional: what the script rehearses."),
            "description": text("Optional: notes for whoever runs the script.", min_length=0),
            "actions": {
                "type": "array",
                "description": "The actions, in order. Each is a one-key mapping (the "
                               "action's name and its payload) or a bare word (next-turn, "
                               "end).",
                "items": {"description": "One action.", "oneOf": alternatives},
            },
        },
        ("actions",),
        defs,
    )
