"""Reading the Master Scenario Events List: injects, their release, expectations and effects."""

from __future__ import annotations

from wargame.loader.conditions import read_when
from wargame.loader.context import ScenarioContext
from wargame.loader.fields import Fields, describe
from wargame.model import ChannelEffect, Expectation, Inject, ShiftEffect
from wargame.model.scenario import CHANNEL_STATUSES
from wargame.yamlsource import Node

INJECT_KEYS = ("id", "title")
INJECT_OPTIONAL = ("text", "from", "to", "turn", "when", "expect", "effects", "delivery",
                   "objectives", "control_notes")
EFFECT_KINDS = ("shift", "channel")


def read_injects(items: list[Node], context: ScenarioContext) -> tuple[Inject, ...]:
    found = []
    for item in items:
        inject = _inject(item, context)
        if inject is not None:
            found.append(inject)
    return tuple(found)


def _inject(node: Node, context: ScenarioContext) -> Inject | None:
    reader = context.reader
    fields = reader.mapping(node, "an inject", INJECT_KEYS, INJECT_OPTIONAL)
    if fields is None:
        return None
    inject_id = fields.slug("id")
    if not context.injects.define(reader, fields.get("id"), inject_id):
        inject_id = None
    turn = _turn(fields, context)
    when = None
    if "when" in fields:
        when = read_when(fields.get("when"), context, inject_id)
        if "turn" in fields:
            reader.error(fields.key_location("when"),
                         "an inject is released either at a 'turn' or 'when' a condition "
                         "holds, not both: remove one of them")
    expect = _expectations(fields, context)
    if expect and inject_id is not None:
        context.injects_with_expect.add(inject_id)
        context.expected_by[inject_id] = {e.by for e in expect if e.by is not None}
    objectives = fields.texts("objectives")
    if "objectives" in fields:
        _check_objectives_later(fields, context)
    return Inject(
        id=inject_id or "",
        title=fields.text("title", None) or "",
        text=fields.text("text"),
        source=fields.text("from"),
        to=_recipients(fields.get("to"), context),
        turn=turn,
        when=when,
        expect=expect,
        effects=_effects(fields, context),
        delivery=fields.text("delivery"),
        control_notes=fields.text("control_notes"),
        objectives=objectives,
    )


def _turn(fields: Fields, context: ScenarioContext) -> int | None:
    turn = fields.integer("turn", minimum=1)
    if turn is not None and context.turns is not None and turn > context.turns:
        context.reader.error(fields.get("turn"), f"turn: {turn} is after the last turn of the "
                             f"exercise (clock.turns is {context.turns})")
    return turn


def _recipients(node: Node | None, context: ScenarioContext) -> tuple[str, ...]:
    if node is None:
        return ()
    if node.value == "all":
        return tuple(context.delegations.ids)
    items = [node] if isinstance(node.value, str) else context.reader.sequence(node, "to")
    found: list[str] = []
    for item in items:
        delegation = context.delegation(item, "to")
        if delegation in found:
            context.reader.error(item, f"to: '{delegation}' is listed twice")
        elif delegation is not None:
            found.append(delegation)
    return tuple(found)


def _expectations(fields: Fields, context: ScenarioContext) -> tuple[Expectation, ...]:
    reader = context.reader
    found = []
    for item in fields.sequence("expect"):
        expect = reader.mapping(item, "an expected response", ("by", "move"), ("within",))
        if expect is None:
            continue
        by = context.delegation(expect.get("by"), "by", movers_only=True) if "by" in expect else None
        move = context.move(expect.get("move"), "move") if "move" in expect else None
        found.append(Expectation(by, move, expect.integer("within", 1, minimum=0)))
    return tuple(found)


def _effects(fields: Fields, context: ScenarioContext) -> tuple[ShiftEffect | ChannelEffect, ...]:
    reader = context.reader
    found = []
    for item in fields.sequence("effects"):
        if not isinstance(item.value, dict):
            reader.error(item, f"effects: expected {{shift: ...}} or {{channel: ...}}, "
                         f"got {describe(item)}")
            continue
        effect = reader.mapping(item, "an effect", (), EFFECT_KINDS)
        kinds = [kind for kind in EFFECT_KINDS if kind in effect]
        if len(kinds) != 1:
            if not kinds and item.value:
                continue  # its unknown key was reported with a 'did you mean'
            reader.error(item, "an effect is either {shift: ...} or {channel: ...}: "
                         "write one per list item")
            continue
        if kinds[0] == "shift":
            found.append(_shift(effect.get("shift"), context))
        else:
            found.append(_channel_effect(effect.get("channel"), context))
    return tuple(effect for effect in found if effect is not None)


def _shift(node: Node, context: ScenarioContext) -> ShiftEffect | None:
    fields = context.reader.mapping(node, "a shift effect", ("between", "step"))
    if fields is None:
        return None
    between = None
    if "between" in fields:
        between = context.pair(fields.get("between"), "between", movers_only=True)
    step = fields.integer("step")
    if step == 0:
        context.reader.error(fields.get("step"), "step: a shift of 0 rungs changes nothing")
    return ShiftEffect(between, step)


def _channel_effect(node: Node, context: ScenarioContext) -> ChannelEffect | None:
    fields = context.reader.mapping(node, "a channel effect", ("between", "status"))
    if fields is None:
        return None
    between = None
    if "between" in fields:
        between = context.pair(fields.get("between"), "between", movers_only=False)
    if between is not None and frozenset(between) not in context.channels:
        context.reader.error(fields.get("between"), f"between: there is no hotline channel "
                             f"between {between[0]} and {between[1]} (add it under "
                             "hotline.channels)")
    return ChannelEffect(between, fields.choice("status", CHANNEL_STATUSES))


def _check_objectives_later(fields: Fields, context: ScenarioContext) -> None:
    """Objectives are defined under ``evaluation``, after the injects: check at the end."""
    listed = fields.get("objectives").value
    nodes = listed if isinstance(listed, list) else []

    def check() -> None:
        for node in nodes:
            if not isinstance(node.value, (dict, list, type(None))):  # the rest was reported
                context.objectives.refer(context.reader, node, "objectives")

    context.reader.defer(check)
