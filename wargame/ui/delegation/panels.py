"""What a delegation's screen shows: its status line, the injects it received, its hotline,
the moves it may see, and its briefing. Each takes the viewer's filtered view only."""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from wargame.engine.indicators import delegation_indicators, relay_indicators
from wargame.engine.obligations import open_obligations
from wargame.engine.pauses import (
    awaiting, in_force, involved, last_turn, status as pause_status)
from wargame.engine.rules_relay import held_at
from wargame.engine.reports import report_items
from wargame.engine.state import ExerciseState, Message, MoveRecord, SituationUpdate
from wargame.engine.visibility import PUBLIC
from wargame.ui.describe import (
    clock_text, delegation_name, game_time, pause_sides, timebox_status)
from wargame.ui.text import assemble, plain
from wargame.ui.widgets.hotline import waits_text
from wargame.ui.widgets.item_list import ItemList
from wargame.ui.widgets.msel import relay_words

MOVE_STATUS = {
    "pending": ("● pending", "$text-warning"),
    "approved": ("✓ approved", "$text-success"),
    "rejected": ("✗ rejected", "$text-error"),
    "retracted": ("↶ retracted", "$text-muted"),
}


def viewer_label(view: ExerciseState, viewer: str) -> str:
    if viewer == PUBLIC:
        return "Public"
    delegation = view.scenario.delegation(viewer)
    role = "" if delegation.role == "state" else f" · {delegation.role}"
    return f"{delegation.name}{role}"


def waiting_for(view: ExerciseState, viewer: str) -> list[Message]:
    """Messages the viewer has received and not yet acknowledged, oldest first."""
    return sorted((m for m in view.messages.values()
                   if m.recipient == viewer and not m.acknowledged), key=lambda m: m.seq)


def to_pass_on(view: ExerciseState, viewer: str) -> list[Message]:
    """Messages waiting at the viewer to be passed on (manual relays), oldest first."""
    return held_at(view, viewer) if viewer != PUBLIC else []


def status_content(view: ExerciseState, viewer: str, now: float, *, short: bool = False) -> Content:
    """The viewer's status line; ``short`` for narrow terminals (same facts, fewer words)."""
    scenario = view.scenario
    name = viewer if short and viewer != PUBLIC else viewer_label(view, viewer)
    parts: list[str | tuple[str, str]] = [(f" {name} ", "bold reverse"), " ",
                                          (f" {view.phase.upper()} ", "bold")]
    if view.turn:
        parts.append(f" T{view.turn}/{scenario.clock.turns}" if short else
                     f" Turn {view.turn} of {scenario.clock.turns} · {game_time(scenario, view.turn)}")
    if view.paused_ts is not None and view.phase == "exercise":
        parts.append(("  PAUSED", "bold $text-warning"))
    timer = timebox_status(view, now)
    if timer is not None:
        left, over = timer
        parts.append((f"  OVER +{clock_text(left)}", "bold $text-error") if over
                     else f"  {clock_text(left)}" if short else f"  Timebox {clock_text(left)} left")
    waiting = len(waiting_for(view, viewer))
    if waiting:
        parts.append((f"  ✉{waiting} to ack" if short else f"  ✉ {waiting} to acknowledge",
                      "bold $text-warning"))
    relaying = len(to_pass_on(view, viewer))
    if relaying:
        parts.append((f"  ⇄{relaying} to pass on" if short else f"  ⇄ {relaying} to pass on",
                      "bold $text-warning"))
    waiting_pauses = awaiting(view, viewer)
    if waiting_pauses:
        ids = ", ".join(p.id for p in waiting_pauses)
        parts.append((f"  ⏸{ids} to answer" if short else
                      f"  ⏸ pause {ids} awaits your answer", "bold $text-warning"))
    for pause in view.pauses.values():
        if viewer not in involved(pause) or pause in waiting_pauses:
            continue
        word = pause_status(view, pause)
        if word == "violated" and in_force(view, pause):  # broken while its turns run
            parts.append((f"  ⚠{pause.id} violated" if short else
                          f"  ⚠ pause {pause.id} ({pause_sides(pause)}) violated",
                          "bold $text-error"))
        elif word in ("active", "proposed"):
            word = f"until T{last_turn(pause)}" if word == "active" else word
            parts.append((f"  ⏸{pause.id} {word}" if short else
                          f"  ⏸ pause {pause.id} ({pause_sides(pause)}) {word}",
                          "bold $text-success"))
    owed = open_obligations(view, viewer) if viewer != PUBLIC else []
    if owed:
        due = min(o.due for o in owed)
        parts.append((f"  ⚖{len(owed)} owed T{due}" if short else
                      f"  ⚖ {len(owed)} obligation{'s' if len(owed) > 1 else ''} to answer "
                      f"(next due turn {due})", "bold $text-warning"))
    pending = sum(1 for m in view.moves.values() if m.by == viewer and m.status == "pending")
    if pending:
        parts.append((f"  ●{pending} pending" if short else f"  ● {pending} awaiting adjudication",
                      "$text-warning"))
    return assemble(*parts)


class ViewerStatus(Static):
    _shown: Content | None = None

    def show_view(self, view: ExerciseState, viewer: str, now: float) -> None:
        content = status_content(view, viewer, now)
        if content.cell_length > (self.size.width or 80):
            content = status_content(view, viewer, now, short=True)
        if content != self._shown:  # ticks every second; redraw only what changed
            self._shown = content
            self.update(content, layout=False)  # one line, always the same size


_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def prose(text: str) -> Content:
    """Scenario Markdown as flowing text: paragraphs rewrapped, **bold** and *italic* kept."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.splitlines()]
        joiner = "\n" if any(_LIST_ITEM.match(line) for line in lines) else " "
        paragraphs.append(_emphasis(joiner.join(lines)))
    return plain("\n\n").join(paragraphs)


def _emphasis(text: str) -> Content:
    parts: list[str | tuple[str, str]] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        parts.append(text[position:match.start()])
        parts.append((match.group(1), "bold") if match.group(1) else (match.group(2), "italic"))
        position = match.end()
    parts.append(text[position:])
    return assemble(*parts)


def obligation_lines(view: ExerciseState, viewer: str) -> list[Content]:
    """The viewer's open obligations, each with its countdown, for the top of its feed."""
    lines = []
    for duty in open_obligations(view, viewer) if viewer != PUBLIC else []:
        left = duty.turns_left(view.turn)
        lines.append(assemble(
            ("⚖ You owe ", "bold $text-warning"), f"{duty.to} {duty.move} in answer to ",
            (duty.from_move, "bold"), f": due by turn {duty.due} ",
            (f"({'this turn' if left == 0 else f'{left} more turn' + ('s' if left > 1 else '')})",
             "$text-warning")))
    return lines


def inject_lines(view: ExerciseState) -> list[Content]:
    """The injects and situation updates that reached the viewer, newest first."""
    released = sorted([*view.injects.values(), *view.updates], key=lambda r: r.seq,
                      reverse=True)
    if not released:
        return [plain("No inject has reached you yet.", "$text-muted")]
    lines: list[Content] = []
    for release in released:
        if isinstance(release, SituationUpdate):
            lines += [
                assemble((f"T{release.turn} ", "$text-muted"), ("Situation update", "bold")),
                plain("from control", "$text-muted"), prose(release.text), plain(""),
            ]
            continue
        inject = view.scenario.inject(release.id)
        via = f" · {inject.delivery}" if inject.delivery else ""
        lines += [
            assemble((f"T{release.released_turn} ", "$text-muted"), (inject.title, "bold")),
            plain(f"from {inject.source or 'control'}{via}", "$text-muted"),
            prose(inject.text), plain(""),
        ]
    return lines


def own_indicator_line(view: ExerciseState, viewer: str) -> list[Content]:
    """The viewer's own trust indicators (engine.indicators), from what it may see."""
    if viewer == PUBLIC or not view.turn or not view.scenario.delegation(viewer).can_move:
        return []
    row = delegation_indicators(view, viewer, evaluator=False)
    share = row["timeliness"]["on_time_share"]
    sharing, consistency = row["information_sharing"], row["consistency"]["share"]
    complete, needed = sharing["mean_completeness"], sharing["activities_needing_notice"]
    notified = f" · notified {sharing['activities_notified']}/{needed}" if needed else ""
    lines = [assemble(
        ("Your indicators: ", "bold"),
        f"on time {'–' if share is None else f'{share:.0%}'} · contact "
        f"{sum(row['contact']['per_turn'])}{notified} · reports {sharing['reports']}"
        f"{'' if complete is None else f' ({complete:.0%} complete)'} · as stated "
        f"{'–' if consistency is None else f'{consistency:.0%}'}")]
    relays = relay_indicators(view) if view.scenario.relay == "manual" else {}
    if viewer in relays:
        lines.append(assemble(("Your relay time: ", "bold"), relay_words(relays[viewer])))
    return lines


class InjectFeed(Static):
    def show_view(self, view: ExerciseState, viewer: str = PUBLIC) -> None:
        owed = [*own_indicator_line(view, viewer), *obligation_lines(view, viewer)]
        self.update(plain("\n").join([*owed, *([plain("")] if owed else []),
                                       *inject_lines(view)]))


def message_lines(view: ExerciseState, message: Message, viewer: str) -> list[Content]:
    if message.sender == viewer:
        head = f"→ to {delegation_name(view.scenario, message.recipient)}"
    elif message.recipient == viewer:
        head = f"← from {delegation_name(view.scenario, message.sender)}"
    else:
        head = f"⇄ relayed: {message.sender} → {message.recipient}"
    via = f" via {', '.join(message.route[1:-1])}" if len(message.route) > 2 else ""
    if message.acknowledged:
        state: tuple[str, str] = (f"✓ acknowledged T{message.ack_turn}", "$text-success")
    elif message.waiting_at == viewer:
        state = ("⇄ waiting for YOU to pass it on (f)", "bold $text-warning")
    elif message.waiting_at is not None:
        state = (waits_text(message), "$text-warning")
    elif message.recipient == viewer:
        state = ("✉ awaiting YOUR acknowledgement", "bold $text-warning")
    else:
        state = ("⌛ awaiting acknowledgement", "$text-warning")
    late = ("  ⚠ LATE", "bold $text-error") if message.late(view.turn) else ""
    reply = f"  ↳ reply to {message.reply_to}" if message.reply_to else ""
    lines = [assemble((message.id, "bold"), f" T{message.sent_turn} {head}{via}  ", state,
                              late, (reply, "$text-muted")),
             assemble("  “", message.text, "”")]
    for hop in message.relays:
        lines.append(assemble((f"  passed on by {hop.by} T{hop.turn}", "$text-muted"),
                              *((": “", hop.note, "”") if hop.note else ())))
    if message.ack_text:
        lines.append(assemble(("  answer: ", "$text-muted"), "“", message.ack_text, "”"))
    return lines


class HotlineList(ItemList):
    """The viewer's messages, newest first; the item id is the message id."""

    def show_view(self, view: ExerciseState, viewer: str) -> None:
        messages = sorted(view.messages.values(), key=lambda m: m.seq, reverse=True)
        # Whether a message is late depends on the turn too: the turn goes with the record.
        self.set_items(((m.id, (m, view.turn)) for m in messages),
                       lambda item: message_lines(view, item[0], viewer))


def move_lines(view: ExerciseState, move: MoveRecord, viewer: str,
               reading: str | None) -> list[Content]:
    target = f" → {move.target}" if move.target else ""
    cbm = ("  ◆CBM", "$text-success") if move.cbm else ""
    private = (f"  ({move.visibility})", "$text-muted") if move.visibility != "public" else ""
    rulebook = view.scenario.rulebook
    name = rulebook.move(move.type).name if rulebook.has_move(move.type) else move.type
    parts: list[str | tuple[str, str]] = [
        (move.id, "bold"), f" T{move.turn} ", (move.by, "bold"), f": {name}{target}", cbm, private]
    label, style = MOVE_STATUS.get(move.status, (move.status, ""))
    parts += ["  ", (label, style)]
    lines = [assemble(*parts), assemble("  “", move.text, "”")]
    if rulebook.has_move(move.type):
        lines += [assemble((f"    {label}: ", "$text-muted"), value)
                  for label, value in report_items(rulebook.move(move.type), move.fields,
                                                   filled_only=True)]
    if move.by == viewer and move.decision_note:
        lines.append(assemble(("  control: ", "$text-muted"), move.decision_note))
    if reading is not None:
        lines.append(plain(f"  you read it as {reading}", "$text-muted"))
    return lines


def own_readings(view: ExerciseState, viewer: str) -> dict[str, str]:
    """The viewer's latest reading of each move it read: move id -> category."""
    return {p.move: p.as_category for p in view.perceptions if p.by == viewer}


class MoveList(ItemList):
    """Moves the viewer may see, newest first; the item id is the move id."""

    def show_view(self, view: ExerciseState, viewer: str) -> None:
        moves = sorted(view.moves.values(), key=lambda m: m.seq, reverse=True)
        readings = own_readings(view, viewer)
        self.set_items(((m.id, (m, readings.get(m.id))) for m in moves),
                       lambda item: move_lines(view, item[0], viewer, item[1]))


def briefing_markdown(view: ExerciseState, viewer: str) -> str:
    scenario = view.scenario
    lines = [f"# {scenario.title}", "", scenario.summary.strip(), ""]
    if viewer != PUBLIC:
        me = scenario.delegation(viewer)
        lines += [f"## Your delegation: {me.name} ({me.role})", ""]
        if me.objectives:
            lines += ["### Objectives", ""] + [f"- {o}" for o in me.objectives] + [""]
        if me.red_lines:
            lines += ["### Red lines", ""] + [f"- {r}" for r in me.red_lines] + [""]
        if me.briefing:
            lines += ["### Private briefing", "", me.briefing.strip(), ""]
        if not me.can_move:
            lines += ["*You observe: you see what is public and what reaches you, and make no moves.*", ""]
        elif scenario.rulebook.adjudication == "facilitator":
            lines += ["*Your moves go to the facilitator, who approves, amends or rejects them.*", ""]
    others = [d for d in scenario.delegations if d.id != viewer]
    lines += ["## Delegations", ""] + [f"- **{d.name}** (`{d.id}`, {d.role})" for d in others]
    return "\n".join(lines)
