"""Reading an inject's ``when``: a condition, or ``all:``/``any:`` of conditions.

Besides the shape of each condition, the reader reports a condition that can never hold,
at its place in the file: a move by an observer, a turn after the last, a channel that
does not exist, an expectation of an inject that expects nothing (or that is the inject
itself, which cannot be judged before it is released).
"""

from __future__ import annotations

from wargame.loader.context import ScenarioContext
from wargame.loader.fields import describe
from wargame.model import (
    AllOf, AnyOf, ChannelCondition, Condition, ExpectationCondition, MoveCondition,
    PauseCondition, TurnCondition, When)
from wargame.model.conditions import EXPECTATION_STATUSES, PAUSE_STATUSES
from wargame.model.scenario import CHANNEL_STATUSES
from wargame.yamlsource import Node

RUNG_KEYS = ("rung_at_least", "rung_at_most")
# The key that says which kind of condition a mapping is; the rung form has none of them.
FORMS = ("all", "any", "expectation", "move", "channel", "pause", "turn_at_least")
NOUN = "a release condition ('when')"


def read_when(node: Node, context: ScenarioContext, inject_id: str | None) -> When | None:
    value = node.value
    if not isinstance(value, dict):
        context.reader.error(node, f"when: expected a condition as a mapping of keys, got "
                             f"{describe(node)}")
        return None
    forms = [key for key in FORMS if key in value]
    if len(forms) > 1:
        context.reader.error(node, f"a release condition is one of {', '.join(FORMS)} or a "
                             f"rung condition, not {' and '.join(forms)}: put several "
                             "under all: or any:")
        return None
    form = forms[0] if forms else "rung"
    return _READERS[form](node, context, inject_id)


def _compound(node: Node, context: ScenarioContext, inject_id: str | None) -> When | None:
    word = "all" if "all" in node.value else "any"
    fields = context.reader.mapping(node, NOUN, (word,))
    if fields is None:
        return None
    items = fields.items(word, f"{word}: lists the conditions it combines")
    found = [read_when(item, context, inject_id) for item in items]
    if not items or None in found:
        return None
    return (AllOf if word == "all" else AnyOf)(tuple(found))


def _rung(node: Node, context: ScenarioContext, inject_id: str | None) -> Condition | None:
    reader = context.reader
    fields = reader.mapping(node, NOUN, ("between",), RUNG_KEYS)
    if fields is None:
        return None
    between = None
    if "between" in fields:
        between = context.pair(fields.get("between"), "between", movers_only=True)
    rungs = {key: context.rung(fields.get(key), key) if key in fields else None
             for key in RUNG_KEYS}
    if not any(key in fields for key in RUNG_KEYS):
        reader.error(node, "a release condition needs 'rung_at_least' or 'rung_at_most' "
                     "(a rung of the ladder), or one of: " + ", ".join(FORMS))
    low, high = (context.level(rungs[key]) if rungs[key] else None for key in RUNG_KEYS)
    if low is not None and high is not None and low > high:
        reader.error(fields.get("rung_at_most"),
                     f"rung_at_most: '{rungs['rung_at_most']}' is below rung_at_least "
                     f"'{rungs['rung_at_least']}': the condition can never hold")
    return Condition(between, rungs["rung_at_least"], rungs["rung_at_most"])


def _expectation(node: Node, context: ScenarioContext,
                 inject_id: str | None) -> ExpectationCondition | None:
    reader = context.reader
    fields = reader.mapping(node, NOUN, ("expectation", "status"), ("by",))
    if fields is None:
        return None
    target = fields.slug("expectation")
    status = fields.choice("status", EXPECTATION_STATUSES)
    by = context.delegation(fields.get("by"), "by", movers_only=True) if "by" in fields else None
    where = fields.get("expectation")
    if target is not None and target == inject_id:
        reader.error(where, f"expectation: '{target}' is this inject: its expected responses "
                     "are judged only once it is released, so it could never be")
        target = None

    def check() -> None:  # the inject may be defined further down the file
        if target is None or context.injects.refer(reader, where, "expectation") is None:
            return
        expected_by = context.expected_by.get(target)
        if not expected_by:
            reader.error(where, f"expectation: inject '{target}' expects no response (it has "
                         "no 'expect'), so this condition can never hold")
        elif by is not None and by not in expected_by:
            reader.error(fields.get("by"), f"by: inject '{target}' expects nothing of '{by}' "
                         f"(it expects a response of {', '.join(sorted(expected_by))})")

    reader.defer(check)
    if target is None or status is None:
        return None
    return ExpectationCondition(target, status, by)


def _move(node: Node, context: ScenarioContext, inject_id: str | None) -> MoveCondition | None:
    fields = context.reader.mapping(node, NOUN, ("move",), ("by",))
    if fields is None:
        return None
    move = context.move(fields.get("move"), "move")
    by = None
    if "by" in fields:
        by = context.delegation(fields.get("by"), "by", movers_only=True)
        if by is None:
            return None
    return MoveCondition(move, by) if move is not None else None


def _channel(node: Node, context: ScenarioContext,
             inject_id: str | None) -> ChannelCondition | None:
    fields = context.reader.mapping(node, NOUN, ("channel", "status"))
    if fields is None:
        return None
    between = None
    if "channel" in fields:
        between = context.pair(fields.get("channel"), "channel", movers_only=False)
    if between is not None and frozenset(between) not in context.channels:
        context.reader.error(fields.get("channel"), f"channel: there is no hotline channel "
                             f"between {between[0]} and {between[1]}, so this condition "
                             "can never hold")
        between = None
    status = fields.choice("status", CHANNEL_STATUSES)
    if between is None or status is None:
        return None
    return ChannelCondition(between, status)


def _pause(node: Node, context: ScenarioContext,
           inject_id: str | None) -> PauseCondition | None:
    fields = context.reader.mapping(node, NOUN, ("pause", "status"))
    if fields is None:
        return None
    between = None
    if "pause" in fields:
        between = context.pair(fields.get("pause"), "pause", movers_only=True)
    status = fields.choice("status", PAUSE_STATUSES)
    if between is None or status is None:
        return None
    return PauseCondition(between, status)


def _turn(node: Node, context: ScenarioContext, inject_id: str | None) -> TurnCondition | None:
    fields = context.reader.mapping(node, NOUN, ("turn_at_least",))
    if fields is None:
        return None
    turn = fields.integer("turn_at_least", minimum=1)
    if turn is not None and context.turns is not None and turn > context.turns:
        context.reader.error(fields.get("turn_at_least"), f"turn_at_least: {turn} is after "
                             f"the last turn (clock.turns is {context.turns}), so this "
                             "condition can never hold")
        return None
    return TurnCondition(turn) if turn is not None else None


_READERS = {"all": _compound, "any": _compound, "expectation": _expectation, "move": _move,
            "channel": _channel, "pause": _pause, "turn_at_least": _turn, "rung": _rung}
