"""JSON Schema of a rulebook file (rulebooks/<id>.yaml), as formats.md describes it."""

from __future__ import annotations

from wargame.model.cbm import FIELD_KINDS, OBLIGED
from wargame.model.rulebook import ADJUDICATION_MODES, TARGET_MODES, VISIBILITIES
from wargame.schemas._common import (
    ID_PATTERN,
    Schema,
    closed,
    duration,
    document,
    enum,
    integer,
    ref,
    slug,
    text,
)


def _rung() -> Schema:
    return closed(
        "One rung of the escalation ladder.",
        {
            "id": slug("The rung's id (a lowercase slug), used by scenarios in `start`, "
                       "`when` and `peak_rung` measures."),
            "name": text("The rung's name as shown on the ladder."),
            "description": text("What the relationship looks like on this rung.",
                                min_length=0),
        },
        ("id", "name"),
    )


def _threshold() -> Schema:
    return closed(
        "A named boundary (Kahn's firebreak) lying just above a rung.",
        {
            "name": text("The threshold's name, e.g. \"Don't rock the boat\"."),
            "above": slug("The id of the rung this threshold lies just above."),
            "description": text("What crossing this threshold means.", min_length=0),
        },
        ("name", "above"),
    )


def _jump() -> Schema:
    return closed(
        "An extra edge of the ladder graph: a way to skip rungs (up or down).",
        {
            "from": slug("The rung id the jump starts from."),
            "to": slug("The rung id the jump lands on."),
            "name": text("What the jump stands for, e.g. \"Surprise seizure\".", min_length=0),
        },
        ("from", "to"),
    )


def _category() -> Schema:
    return closed(
        "A class of moves with its escalation score and default ladder step.",
        {
            "score": integer("Escalation score of one approved move of this category "
                             "(Rivera et al. 2024: -2, 0, 4, 12, 28, 60)."),
            "step": integer("Rungs an approved move of this category shifts its pair "
                            "(negative moves down the ladder). Defaults to 0."),
            "description": text("What moves of this category have in common.", min_length=0),
        },
        ("score",),
    )


def _move() -> Schema:
    return closed(
        "A move type delegations may play.",
        {
            "id": slug("The move type's id (a lowercase slug), used by scripts and by "
                       "`expect` entries of scenarios."),
            "name": text("The move's name as shown in the move picker."),
            "category": slug("The id of the category this move belongs to (a key of "
                             "`categories`)."),
            "cbm": {"type": "boolean",
                    "description": "True when the move counts as a confidence-building "
                                   "measure. Defaults to false."},
            "target": enum("Whether the move names a target delegation: required, optional "
                           "or none. Defaults to optional.", TARGET_MODES),
            "visibility": enum("Default visibility: public (everyone), parties (the mover, "
                               "its target and control) or private (the mover and control). "
                               "Defaults to public.",
                               VISIBILITIES),
            "step": integer("Overrides the category's ladder step for this move."),
            "hotline": {"type": "boolean",
                        "description": "True when the move is a call over the hotline: once "
                                       "approved it is also the message on the network (it "
                                       "needs an open route and a target). Defaults to "
                                       "false."},
            "description": text("What the move is and when to use it.", min_length=0),
            "fields": {
                "type": "array", "items": _report_field(),
                "description": "A report format: the typed fields a move of this type "
                               "carries (a move without a required one is refused)."},
            "obliges": closed(
                "The approved move obliges its target to answer with another move within "
                "a deadline; tracked as open, met, late or missed.",
                {"move": slug("The move type that answers the obligation."),
                 "by": enum("Who is obliged: the move's target.", OBLIGED),
                 "within": duration("The deadline in game time, e.g. 48h."),
                 "within_turns": integer("The deadline in turns after the approval turn.",
                                         minimum=0)},
                ("move",),
                oneOf=[{"required": ["within"]}, {"required": ["within_turns"]}]),
            "quota": integer("At most this many moves of this type may be aimed at one "
                             "delegation during the exercise.", minimum=1),
            "notice": {
                "description": "An activity of this type should be announced beforehand by "
                               "an approved move of the type named (a prior notification) "
                               "by the same delegation; `turns`: at least that many turns "
                               "earlier (default 0: earlier in the same turn will do). "
                               "Counted under information-sharing.",
                "oneOf": [slug("The notification's move type."),
                          closed("The notification's move type and how many turns before.",
                                 {"move": slug("The notification's move type."),
                                  "turns": integer("At least this many turns before.",
                                                   minimum=0)},
                                 ("move",))]},
        },
        ("id", "name", "category"),
    )


def _report_field() -> Schema:
    return closed(
        "One field of a report format.",
        {"id": slug("The field's id, the key a move's `fields` uses."),
         "label": text("The field's name on the form.", min_length=0),
         "kind": enum("text (default), number, time (06:40 or an ISO date-time), choice "
                      "(one of `choices`) or position (35.1N 24.3E or [lat, lon]).",
                      FIELD_KINDS),
         "required": {"type": "boolean", "description": "Defaults to true."},
         "choices": {"type": "array", "items": {"type": "string"},
                     "description": "The values a choice field offers."},
         "description": text("What to write in it.", min_length=0)},
        ("id",),
    )


def rulebook_schema() -> Schema:
    return document(
        "wargame rulebook",
        "A rulebook: the escalation ladder, the move categories with their scores, and "
        "the catalogue of move types. Unknown keys are an error.",
        {
            "rulebook": slug("The rulebook's id; equals the file name without .yaml."),
            "title": text("The rulebook's title."),
            "description": text("What this rulebook is for and where it comes from "
                                "(Markdown).", min_length=0),
            "ladder": closed(
                "The escalation ladder: a directed graph of rungs.",
                {
                    "rungs": {
                        "type": "array",
                        "description": "Rungs ordered from the bottom (calmest) to the top. "
                                       "A rung's level is its index (bottom = 0); each rung "
                                       "links to the next one up and down.",
                        "items": ref("rung"),
                        "minItems": 1,
                    },
                    "thresholds": {
                        "type": "array",
                        "description": "Optional named boundaries between rungs.",
                        "items": ref("threshold"),
                    },
                    "jumps": {
                        "type": "array",
                        "description": "Optional extra edges of the ladder graph.",
                        "items": ref("jump"),
                    },
                },
                ("rungs",),
            ),
            "categories": {
                "type": "object",
                "description": "Every move belongs to one category, keyed by id, e.g. "
                               "de-escalation, status-quo, posturing, non-violent-escalation, "
                               "violent-escalation, nuclear.",
                "propertyNames": {"pattern": ID_PATTERN},
                "additionalProperties": ref("category"),
                "minProperties": 1,
            },
            "adjudication": enum("facilitator: moves wait for the facilitator's approval; "
                                 "automatic: moves are approved as they are made. Defaults "
                                 "to facilitator.", ADJUDICATION_MODES),
            "moves": {
                "type": "array",
                "description": "The catalogue of move types.",
                "items": ref("move"),
                "minItems": 1,
            },
        },
        ("rulebook", "title", "ladder", "categories", "moves"),
        {
            "rung": _rung(),
            "threshold": _threshold(),
            "jump": _jump(),
            "category": _category(),
            "move": _move(),
        },
    )
