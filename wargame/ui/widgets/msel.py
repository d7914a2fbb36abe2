"""The Master Scenario Events List as a queue: released, due, conditional waiting, by hand."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.indicators import indicators
from wargame.engine.injects import scheduled_turn
from wargame.engine.conditions import late_answer
from wargame.engine.objectives import ExpectationResult, expectation_results
from wargame.engine.obligations import ObligationRecord, open_obligations
from wargame.engine.pauses import last_turn, status as pause_status
from wargame.engine.state import ExerciseState
from wargame.model import Inject
from wargame.ui.describe import inject_schedule, pause_sides, recipients_text
from wargame.ui.text import assemble, plain


def msel_sections(state: ExerciseState) -> dict[str, list[Inject]]:
    """Injects grouped as the facilitator sees the queue, each group in MSEL order."""
    sections: dict[str, list[Inject]] = {"released": [], "held": [], "due": [], "waiting": [],
                                         "by hand": []}
    for inject in state.scenario.injects:
        if inject.id in state.injects:
            sections["released"].append(inject)
        elif inject.id in state.held:
            sections["held"].append(inject)
        elif inject.kind == "scheduled":
            sections["due"].append(inject)
        elif inject.kind == "conditional":
            sections["waiting"].append(inject)
        else:
            sections["by hand"].append(inject)
    sections["released"].sort(key=lambda i: state.injects[i.id].seq)
    sections["due"].sort(key=lambda i: scheduled_turn(state, i) or 0)
    return sections


_TITLES = {
    "released": "Released",
    "held": "Held (release by hand or re-time)",
    "due": "Due (scheduled)",
    "waiting": "Waiting (conditional)",
    "by hand": "Contingency (release by hand)",
}


def expectation_text(state: ExerciseState, result: ExpectationResult) -> tuple[str, str]:
    """An expected response as the cell tracks it live: (words, style)."""
    what = f"{result.by} {result.move}"
    turn = state.turn
    if result.status == "met":
        return f"✔ {what}: met by {result.met_by}", "$text-success"
    late = late_answer(state, result)
    if late is not None:
        return f"⚠ {what}: late, by {late.id} in turn {late.turn}", "$text-warning"
    if result.status == "missed":
        return f"✘ {what}: missed", "$text-error"
    if result.status == "open" and result.released_turn is not None:
        left = result.released_turn + result.within - turn
        due = "due this turn" if left <= 0 else f"due in {left} turn{'s' if left != 1 else ''}"
        return f"… {what}: {due}", "$text-warning"
    return f"· {what}: within {result.within} turn(s) of release", "$text-muted"


class MselPanel(Static):
    def show_state(self, state: ExerciseState, now: float) -> None:
        # What waits on someone comes first: open obligations, then pauses, then the MSEL.
        lines: list[Content] = []
        duties = open_obligations(state)
        if duties:
            if lines:
                lines.append(plain(""))
            lines.append(plain(f"Obligations open ({len(duties)})", "bold $accent"))
            lines.extend(assemble("  ", obligation_line(o, state.turn)) for o in duties)
        if state.pauses:
            if lines:
                lines.append(plain(""))
            lines.append(plain(f"Pauses ({len(state.pauses)})", "bold $accent"))
            for pause in state.pauses.values():
                word = pause_status(state, pause)
                until = f" until T{last_turn(pause)}" if word == "active" else ""
                lines.append(assemble(
                    "  ", (pause.id, "bold"), f" {pause_sides(pause)} ",
                    (f"{word}{until}", "bold $text-error" if word == "violated" else "$text-muted")))
        expected: dict[str, list[ExpectationResult]] = {}
        for result in expectation_results(state):
            expected.setdefault(result.inject, []).append(result)
        for key, injects in msel_sections(state).items():
            if not injects:
                continue
            if lines:
                lines.append(plain(""))
            lines.append(plain(f"{_TITLES[key]} ({len(injects)})", "bold $accent"))
            for inject in injects:
                if key == "released":
                    release = state.injects[inject.id]
                    when = f"T{release.released_turn} {release.how}"
                elif key == "held":
                    when = "held"
                elif inject.id in state.retimed:
                    when = f"turn {state.retimed[inject.id]}, re-timed"
                else:
                    when = inject_schedule(state.scenario, inject.id)
                turn = scheduled_turn(state, inject)
                due_now = key == "due" and turn is not None and turn <= state.turn
                lines.append(assemble(
                    ("▸ " if due_now else "  "), (inject.id, "bold"), " ", inject.title, "  ",
                    (f"[{when} → {recipients_text(state.scenario, inject.to)}]", "$text-muted"),
                ))
                if inject.control_notes and key != "released":
                    lines.append(plain(f"    control: {inject.control_notes}",
                                                "$text-muted italic"))
                if key == "released":
                    for result in expected.get(inject.id, ()):
                        text, style = expectation_text(state, result)
                        lines.append(plain(f"    {text}", style))
        if state.turn:
            if lines:
                lines.append(plain(""))
            lines.append(plain("Trust indicators", "bold $accent"))
            lines.extend(indicator_lines(state))
        if not lines:
            lines.append(plain("This scenario has no injects.", "$text-muted"))
        self.update(plain("\n").join(lines))


def obligation_line(duty: ObligationRecord, turn: int) -> Content:
    """``o1 crimson owes azure inspection-reply (for m1) · due T3, 1 turn left``."""
    left = duty.turns_left(turn)
    countdown = ("last turn" if left == 0 else f"{left} turn left" if left == 1
                 else f"{left} turns left")
    return assemble(
        (duty.id, "bold"), f" {duty.by} owes {duty.to} {duty.move} (for {duty.from_move}) ",
        (f"· due T{duty.due}, {countdown}", "$text-warning" if left == 0 else "$text-muted"))


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _notified(sharing: dict) -> str:
    needed = sharing["activities_needing_notice"]
    return f"{sharing['activities_notified']}/{needed}" if needed else "–"


def indicator_lines(state: ExerciseState) -> list[Content]:
    """One line per delegation, one per pair: the engine's indicators, in short words."""
    figures = indicators(state)
    lines = []
    for delegation, row in figures["delegations"].items():
        timely, sharing = row["timeliness"], row["information_sharing"]
        lines.append(assemble(
            "  ", (delegation, "bold"),
            f": on time {_percent(timely['on_time_share'])} · notified "
            f"{_notified(sharing)} · reports "
            f"{row['information_sharing']['reports']} "
            f"({_percent(sharing['mean_completeness'])} complete) · as stated "
            f"{_percent(row['consistency']['share'])}"))
    for pair in figures["pairs"]:
        per_turn = " ".join(str(n) for n in pair["contact_per_turn"])
        lines.append(assemble(
            "  ", (" – ".join(pair["between"]), "bold"),
            f": contact per turn {per_turn or '–'} · {pair['late_acks']} late ack(s)"))
    for delegation, row in figures.get("relays", {}).items():
        lines.append(assemble("  ", (delegation, "bold"), f": {relay_words(row)}"))
    return lines


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.0f} min"


def relay_words(row: dict) -> str:
    """A relay's time (engine.indicators.relay_indicators) in short words."""
    return (f"relayed {row['relayed']} · held median {_minutes(row['median_seconds'])}, "
            f"longest {_minutes(row['max_seconds'])} · {row['waiting']} waiting")
