"""Reading a scenario: header, clock, delegations, hotline and starting rungs.

The Master Scenario Events List lives in :mod:`wargame.loader.injects` and the evaluation
in :mod:`wargame.loader.evaluation`; this module ties the parts together.
"""

from __future__ import annotations

from typing import Callable

from wargame.loader.context import ScenarioContext
from wargame.loader.evaluation import read_evaluation
from wargame.loader.fields import Fields, Reader
from wargame.loader.injects import read_injects
from wargame.loader.transparency import read_transparency
from wargame.model import Channel, Clock, Delegation, Rulebook, Scenario, StartRung
from wargame.model.scenario import CHANNEL_STATUSES, RELAY_MODES, ROLES
from wargame.yamlsource import Node

SCENARIO_KEYS = ("scenario", "title", "rulebook", "clock", "delegations")
SCENARIO_OPTIONAL = ("summary", "hotline", "start", "injects", "evaluation", "hotwash",
                     "transparency")
CLOCK_KEYS = ("turns", "turn_length")
DELEGATION_KEYS = ("id", "name")
DELEGATION_OPTIONAL = ("role", "objectives", "red_lines", "briefing")
CHANNEL_OPTIONAL = ("ack_within", "status", "name")
MAX_TURNS = 1000
# Escalation is tracked per pair, so a scenario's cost (fold, console, debrief) grows with
# the square of its delegations; 64 (2,016 pairs) is far above any table-top exercise.
MAX_DELEGATIONS = 64

# Finds the rulebook a scenario names (reporting into the reader when it cannot).
RulebookFinder = Callable[[str, Node, Reader], "Rulebook | None"]


def read_scenario(root: Node, reader: Reader, find_rulebook: RulebookFinder,
                  expected_id: str | None = None) -> Scenario | None:
    """The Scenario a file describes; its problems are left in ``reader``."""
    fields = reader.mapping(root, "a scenario", SCENARIO_KEYS, SCENARIO_OPTIONAL)
    if fields is None:
        return None
    scenario_id = fields.slug("scenario")
    if scenario_id is not None and expected_id is not None and scenario_id != expected_id:
        reader.error(fields.get("scenario"),
                     f"scenario id '{scenario_id}' does not match the file name: a scenario's "
                     f"id equals its file name (expected '{expected_id}')")
    rulebook_ref = fields.text("rulebook", None)
    rulebook = None
    if rulebook_ref is not None:
        rulebook = find_rulebook(rulebook_ref, fields.get("rulebook"), reader)
    context = ScenarioContext(reader, rulebook)
    clock = _clock(fields.get("clock"), context)
    delegations = _delegations(fields, context)
    channels, relay = _hotline(fields.get("hotline"), context)
    start = _start(fields, context)
    injects = read_injects(fields.sequence("injects"), context)
    objectives = read_evaluation(fields.get("evaluation"), context)
    hotwash = fields.texts("hotwash")
    transparency = read_transparency(fields.get("transparency"), reader)
    reader.finish()
    if rulebook is None:
        return None
    return Scenario(
        id=scenario_id or "",
        title=fields.text("title", None) or "",
        rulebook=rulebook,
        clock=clock,
        delegations=delegations,
        summary=fields.text("summary"),
        channels=channels,
        relay=relay,
        start=start,
        injects=injects,
        objectives=objectives,
        hotwash=hotwash,
        transparency=transparency,
        rulebook_ref=rulebook_ref or "",
        source=reader.file,
    )


def _clock(node: Node | None, context: ScenarioContext) -> Clock | None:
    if node is None:
        return None
    fields = context.reader.mapping(node, "the clock", CLOCK_KEYS, ("timebox",))
    if fields is None:
        return None
    context.turns = fields.integer("turns", minimum=1, maximum=MAX_TURNS)
    return Clock(turns=context.turns, turn_length=fields.duration("turn_length"),
                 timebox=fields.duration("timebox"))


def _delegations(fields: Fields, context: ScenarioContext) -> tuple[Delegation, ...]:
    reader = context.reader
    found = []
    complete = True  # every item became a delegation: only then can movers be counted
    for item in fields.items("delegations", "a scenario needs at least two delegations"):
        delegation = reader.mapping(item, "a delegation", DELEGATION_KEYS, DELEGATION_OPTIONAL)
        if delegation is None:
            complete = False
            continue
        delegation_id = delegation.slug("id")
        entry = Delegation(
            id=delegation_id or "",
            name=delegation.text("name", None) or "",
            role=delegation.choice("role", ROLES, "state"),
            objectives=delegation.texts("objectives"),
            red_lines=delegation.texts("red_lines"),
            briefing=delegation.text("briefing"),
        )
        if context.delegations.define(reader, delegation.get("id"), delegation_id):
            context.roles[entry.id] = entry.role
            found.append(entry)
        else:
            complete = False
    if len(found) > MAX_DELEGATIONS:
        reader.error(fields.get("delegations"), f"delegations: {len(found)} delegations; a "
                     f"scenario may have at most {MAX_DELEGATIONS} (escalation is tracked per "
                     "pair, so the work grows with the square of their number)")
    movers = [d for d in found if d.role != "observer"]
    if found and complete and len(movers) < 2:
        reader.error(fields.get("delegations"), "delegations: a scenario needs at least two "
                     "delegations that can move (role state or mediator); escalation is "
                     "tracked between pairs")
    return tuple(found)


def _hotline(node: Node | None, context: ScenarioContext) -> tuple[tuple[Channel, ...], str]:
    """The channels, and whether relays through a third delegation are manual."""
    if node is None or node.value is None:  # an empty section is no section
        return (), "automatic"
    hotline = context.reader.mapping(node, "the hotline", (), ("channels", "relay"))
    if hotline is None:
        return (), "automatic"
    relay = hotline.choice("relay", RELAY_MODES, "automatic") or "automatic"
    channels = _channels(hotline, context)
    if relay == "manual":
        _observers_cannot_relay(hotline, channels, context)
    return channels, relay


def _observers_cannot_relay(hotline: Fields, channels: tuple[Channel, ...],
                            context: ScenarioContext) -> None:
    """A manual relay waits for the delegation in the middle to pass it on; an observer
    cannot act, so a message routed through one would wait for ever."""
    links: dict[str, int] = {}
    for channel in channels:
        for end in channel.between or ():
            links[end] = links.get(end, 0) + 1
    for delegation_id, count in links.items():
        if count > 1 and context.roles.get(delegation_id) == "observer":
            context.reader.error(hotline.get("relay"), f"relay: manual, but {delegation_id} is "
                                 f"an observer on {count} channels, so a message could be "
                                 "routed through it, and observers cannot pass messages on "
                                 "(give it one channel, or keep relay: automatic)")


def _channels(hotline: Fields, context: ScenarioContext) -> tuple[Channel, ...]:
    reader = context.reader
    found = []
    for item in hotline.sequence("channels"):
        channel = reader.mapping(item, "a channel", ("between",), CHANNEL_OPTIONAL)
        if channel is None:
            continue
        between = None
        if "between" in channel:
            between = context.pair(channel.get("between"), "between", movers_only=False)
        if between is not None:
            key = frozenset(between)
            first = context.channels.get(key)
            if first is not None:
                reader.error(channel.get("between"), f"between: a channel between {between[0]} "
                             f"and {between[1]} is already listed at line {first.line}")
            else:
                context.channels[key] = channel.get("between").location
        found.append(Channel(
            between=between,
            ack_within=channel.integer("ack_within", 1, minimum=0),
            status=channel.choice("status", CHANNEL_STATUSES, "up"),
            name=channel.text("name"),
        ))
    return tuple(found)


def _start(fields: Fields, context: ScenarioContext) -> tuple[StartRung, ...]:
    reader = context.reader
    found = []
    seen: dict[frozenset[str], int] = {}
    for item in fields.sequence("start"):
        start = reader.mapping(item, "a starting rung", ("between", "rung"))
        if start is None:
            continue
        between = None
        if "between" in start:
            between = context.pair(start.get("between"), "between", movers_only=True)
        if between is not None:
            key = frozenset(between)
            if key in seen:
                reader.error(start.get("between"), f"between: the starting rung of {between[0]} "
                             f"and {between[1]} is already given at line {seen[key]}")
            else:
                seen[key] = start.get("between").location.line
        rung = context.rung(start.get("rung"), "rung") if "rung" in start else None
        found.append(StartRung(between, rung))
    return tuple(found)
