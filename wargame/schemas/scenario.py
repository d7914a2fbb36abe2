"""JSON Schema of a scenario file (scenarios/<id>.yaml), as formats.md describes it."""

from __future__ import annotations

from wargame.model.conditions import EXPECTATION_STATUSES, PAUSE_STATUSES
from wargame.model.scenario import CHANNEL_STATUSES, METRICS, RELAY_MODES, ROLES
from wargame.model.transparency import RELAY_VIEWS
from wargame.schemas._common import (
    Schema,
    closed,
    document,
    duration,
    enum,
    integer,
    pair,
    ref,
    slug,
    slugs,
    strings,
    text,
)


def _delegation() -> Schema:
    return closed(
        "A delegation: a state, a mediator or an observer.",
        {
            "id": slug("The delegation's id (a lowercase slug)."),
            "name": text("The delegation's full name, e.g. Republic of Azure."),
            "role": enum("state or mediator (both can move) or observer (cannot move; no "
                         "moves are expected of it). Defaults to state.", ROLES),
            "objectives": strings("What the delegation tries to achieve (shown to it and "
                                  "to control)."),
            "red_lines": strings("What the delegation will not accept."),
            "briefing": text("Private briefing (Markdown) shown only to this delegation and "
                             "to control.", min_length=0),
        },
        ("id", "name"),
    )


def _channel() -> Schema:
    return closed(
        "An undirected hotline link between two delegations.",
        {
            "between": pair("The two delegations the channel links."),
            "ack_within": integer("Expected acknowledgement time, in turns; a message "
                                  "acknowledged later counts as late. Defaults to 1.",
                                  minimum=0),
            "status": enum("Whether the channel works when the exercise begins. Defaults "
                           "to up.", CHANNEL_STATUSES),
            "name": text("A name for the channel, e.g. Coast-guard hotline.", min_length=0),
        },
        ("between",),
    )


def _start() -> Schema:
    return closed(
        "The rung a pair of delegations starts on.",
        {
            "between": pair("The pair of delegations."),
            "rung": slug("A rung id of the scenario's rulebook."),
        },
        ("between", "rung"),
    )


def _rung_condition() -> Schema:
    return closed(
        "Release the inject the moment the pair's rung reaches a level.",
        {
            "between": pair("The pair of delegations whose rung is watched."),
            "rung_at_least": slug("Release when the pair's rung is this rung or higher."),
            "rung_at_most": slug("Release when the pair's rung is this rung or lower."),
        },
        ("between",),
        anyOf=[{"required": ["rung_at_least"]}, {"required": ["rung_at_most"]}],
    )


def _condition() -> Schema:
    compound = {
        word: {"type": "array", "minItems": 1, "items": ref("condition"),
               "description": f"Release when {word} of these conditions hold."}
        for word in ("all", "any")}
    return {
        "description": "When a conditional inject is released: one condition, or `all:` / "
                       "`any:` of several. The engine re-checks it after every change of "
                       "the kind it waits for (a rung, an approved move, a turn, a channel).",
        "oneOf": [
            _rung_condition(),
            closed("Either all of the conditions hold.", {"all": compound["all"]}, ("all",)),
            closed("Or any of them holds.", {"any": compound["any"]}, ("any",)),
            closed("An expected response to an inject was met in time, came late, or was "
                   "missed (the window closed without it; a late one was missed first).",
                   {"expectation": slug("The id of an inject with `expect`."),
                    "status": enum("met, late or missed.", EXPECTATION_STATUSES),
                    "by": slug("Only the response expected of this delegation.")},
                   ("expectation", "status")),
            closed("An approved move of a type (by a delegation, or by anyone).",
                   {"move": slug("A move type id of the scenario's rulebook."),
                    "by": slug("The delegation that makes it (not an observer).")},
                   ("move",)),
            closed("A hotline channel is up or down.",
                   {"channel": pair("The two delegations of an existing channel."),
                    "status": enum("up or down.", CHANNEL_STATUSES)},
                   ("channel", "status")),
            closed("A pause moment between a pair is active (accepted, in force) or was "
                   "violated (a move in its scope approved while it was in force).",
                   {"pause": pair("The two delegations of the pause."),
                    "status": enum("active or violated.", PAUSE_STATUSES)},
                   ("pause", "status")),
            closed("The exercise has reached a turn.",
                   {"turn_at_least": integer("A turn of the exercise.", minimum=1)},
                   ("turn_at_least",)),
        ],
    }


def _expectation() -> Schema:
    return closed(
        "An expected response, checked in the assess phase: the delegation makes an "
        "approved move of this type no later than `within` turns after the release turn.",
        {
            "by": slug("The delegation expected to respond."),
            "move": slug("A move type id of the scenario's rulebook."),
            "within": integer("Turns allowed after the inject's release turn. Defaults to 1.",
                              minimum=0),
        },
        ("by", "move"),
    )


def _effect() -> Schema:
    return closed(
        "What the inject does when released: exactly one of `shift` or `channel`.",
        {
            "shift": closed(
                "Move a pair up (positive step) or down (negative step) the ladder.",
                {
                    "between": pair("The pair of delegations to shift."),
                    "step": {**integer("Rungs to move (not 0); negative moves down."),
                             "not": {"const": 0}},
                },
                ("between", "step"),
            ),
            "channel": closed(
                "Cut or restore a hotline channel.",
                {
                    "between": pair("The two delegations of an existing channel."),
                    "status": enum("down cuts the channel, up restores it.",
                                   CHANNEL_STATUSES),
                },
                ("between", "status"),
            ),
        },
        minProperties=1,
        maxProperties=1,
    )


def _inject() -> Schema:
    return closed(
        "One event of the Master Scenario Events List. With `turn` it is scheduled, with "
        "`when` conditional, with neither a contingency inject released by hand.",
        {
            "id": slug("The inject's id (a lowercase slug)."),
            "turn": integer("Scheduled: released at the start of this turn.", minimum=1),
            "when": ref("condition", "Conditional: released when the condition holds."),
            "title": text("A short headline."),
            "from": text("Who the inject comes from, e.g. Coast guard watch centre.",
                         min_length=0),
            "to": {
                "description": "The delegations that receive it: a list of ids, or `all`.",
                "anyOf": [
                    {"const": "all", "description": "Every delegation."},
                    slugs("Delegation ids."),
                    slug("One delegation id."),
                ],
            },
            "delivery": text("HSEEP delivery method: phone call, radio, email, simulated "
                             "news, briefing...", min_length=0),
            "text": text("What the receivers are told (Markdown).", min_length=0),
            "control_notes": text("Guidance for the control cell (when and why to release "
                                  "it...): shown on the console, the plan view and the full "
                                  "debrief, never to a delegation or the public.",
                                  min_length=0),
            "objectives": slugs("Ids of the evaluation objectives this inject exercises."),
            "expect": {
                "type": "array",
                "description": "Expected responses, checked in the assess phase.",
                "items": ref("expectation"),
            },
            "effects": {
                "type": "array",
                "description": "What happens when the inject is released.",
                "items": ref("effect"),
            },
        },
        ("id", "title"),
        # An inject is scheduled or conditional, never both.
        **{"not": {"required": ["turn", "when"]}},
    )


def _measure() -> Schema:
    return closed(
        "How the objective is measured from the session.",
        {
            "metric": enum("peak_rung: the pair's highest rung stays below / at most a rung; "
                           "hotline_ack_turns: every message acknowledged within N turns; "
                           "expectations: every `expect` of the listed injects met; "
                           "misperception: mean absolute gap at most N.", METRICS),
            "between": pair("For peak_rung: the pair of delegations measured."),
            "below": slug("For peak_rung: a rung id the peak must stay strictly below."),
            "at_most": {
                "description": "peak_rung: a rung id; hotline_ack_turns: a number of turns; "
                               "misperception: a mean absolute score gap.",
                "anyOf": [
                    slug("A rung id (peak_rung)."),
                    {"type": "number", "minimum": 0,
                     "description": "A number of turns or a score gap."},
                ],
            },
            "injects": slugs("For expectations: the inject ids to check; omitted means "
                             "every inject with `expect`."),
        },
        ("metric",),
        allOf=[
            _when_metric("peak_rung", ("between", "below", "at_most"), {
                "required": ["between"],
                "oneOf": [{"required": ["below"]}, {"required": ["at_most"]}],
                "properties": {"at_most": {"type": "string"}},
            }),
            _when_metric("hotline_ack_turns", ("at_most",), {
                "required": ["at_most"],
                "properties": {"at_most": {"type": "integer"}},
            }),
            _when_metric("expectations", ("injects",), {}),
            _when_metric("misperception", ("at_most",), {
                "required": ["at_most"],
                "properties": {"at_most": {"type": "number"}},
            }),
        ],
    )


MEASURE_KEYS = ("between", "below", "at_most", "injects")


def _when_metric(metric: str, takes: tuple[str, ...], then: Schema) -> Schema:
    """Rules for one metric; keys the metric does not take are refused, as the loader does."""
    refused = {key: False for key in MEASURE_KEYS if key not in takes}
    properties = {**then.get("properties", {}), **refused}
    return {"if": {"properties": {"metric": {"const": metric}}, "required": ["metric"]},
            "then": {**then, "properties": properties}}


def _objective() -> Schema:
    return closed(
        "An evaluation objective, rated P / S / M / U in the assess phase.",
        {
            "id": slug("The objective's id (a lowercase slug)."),
            "text": text("The objective as the evaluators read it."),
            "capability": text("The capability it exercises, e.g. Operational "
                               "communications.", min_length=0),
            "measure": ref("measure", "Optional: how it is measured automatically."),
        },
        ("id", "text"),
    )


def _transparency() -> Schema:
    flag = {"type": "boolean"}
    return closed(
        "The scenario's transparency charter: what the fixed rules leave open. Every key "
        "is optional.",
        {
            "observers_see_ladder": {**flag, "description": "Observers see the rungs of "
                                     "every pair. Defaults to true."},
            "relay_sees": enum("A delegation relaying a hotline message sees its text "
                               "(text) or only that it passed (passage). Defaults to text.",
                               RELAY_VIEWS),
            "public_objectives": {**flag, "description": "The public debrief lists each "
                                  "delegation's objectives and red lines. Defaults to true."},
            "public_hotline_counts": {**flag, "description": "The public debrief gives "
                                      "counts and timings of hotline traffic. Defaults to "
                                      "true."},
            "public_pauses": {**flag, "description": "Every viewer (other delegations, "
                              "observers, the projector, the public debrief) sees a pause "
                              "moment once it is accepted; otherwise only its parties and a "
                              "mediator who brokered it. Defaults to false."},
        },
    )


def scenario_schema() -> Schema:
    return document(
        "wargame scenario",
        "A scenario: delegations, clock, hotline network, the Master Scenario Events "
        "List and the evaluation. Unknown keys are an error.",
        {
            "scenario": slug("The scenario's id; equals the file name without .yaml."),
            "title": text("The scenario's title."),
            "rulebook": text("A rulebook id (looked up in rulebooks/) or a path relative to "
                             "this file."),
            "summary": text("The briefing read in the plan phase (Markdown).", min_length=0),
            "clock": closed(
                "How long the exercise runs.",
                {
                    "turns": {**integer("Number of turns in the exercise phase.", minimum=1),
                              "maximum": 1000},
                    "turn_length": duration("Game time one turn stands for: 30s, 20m, 6h, "
                                            "2d."),
                    "timebox": duration("Optional real-time budget per turn (the "
                                        "facilitator's timer), e.g. 20m."),
                },
                ("turns", "turn_length"),
            ),
            "delegations": {
                "type": "array",
                "description": "The delegations taking part (at least two).",
                "items": ref("delegation"),
                "minItems": 2,
            },
            "hotline": closed(
                "The hotline network. A message travels along the shortest path of open "
                "channels.",
                {"channels": {"type": "array", "description": "Undirected links.",
                              "items": ref("channel")},
                 "relay": enum("How a message passes a delegation in the middle of its "
                               "route (a mediator, when the direct line is down): automatic "
                               "(at once, the default) or manual (it waits on that "
                               "delegation's screen until it is passed on, with the relay "
                               "action).", RELAY_MODES)},
            ),
            "start": {
                "type": "array",
                "description": "Optional starting rung per pair; other pairs start on the "
                               "bottom rung.",
                "items": ref("start"),
            },
            "injects": {
                "type": "array",
                "description": "The Master Scenario Events List.",
                "items": ref("inject"),
            },
            "evaluation": closed(
                "What the exercise is evaluated against.",
                {"objectives": {"type": "array", "description": "Evaluation objectives.",
                                "items": ref("objective")}},
            ),
            "hotwash": strings("Questions asked in the assess phase."),
            "transparency": _transparency(),
        },
        ("scenario", "title", "rulebook", "clock", "delegations"),
        {
            "delegation": _delegation(),
            "channel": _channel(),
            "start": _start(),
            "condition": _condition(),
            "expectation": _expectation(),
            "effect": _effect(),
            "inject": _inject(),
            "measure": _measure(),
            "objective": _objective(),
        },
    )
