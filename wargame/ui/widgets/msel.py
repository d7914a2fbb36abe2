"""The Master Scenario Events List as a queue: released, due, conditional waiting, by hand."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.indicators import indicators
from wargame.engine.obligations import ObligationRecord, open_obligations
from wargame.engine.pauses import last_turn, status as pause_status
from wargame.engine.state import ExerciseState
from wargame.model import Inject
from wargame.ui.describe import inject_schedule, recipients_text


def msel_sections(state: ExerciseState) -> dict[str, list[Inject]]:
    """Injects grouped as the facilitator sees the queue, each group in MSEL order."""
    sections: dict[str, list[Inject]] = {"released": [], "due": [], "waiting": [], "by hand": []}
    for inject in state.scenario.injects:
        if inject.id in state.injects:
            sections["released"].append(inject)
        elif inject.kind == "scheduled":
            sections["due"].append(inject)
        elif inject.kind == "conditional":
            sections["waiting"].append(inject)
        else:
            sections["by hand"].append(inject)
    sections["released"].sort(key=lambda i: state.injects[i.id].seq)
    sections["due"].sort(key=lambda i: i.turn or 0)
    return sections


_TITLES = {
    "released": "Released",
    "due": "Due (scheduled)",
    "waiting": "Waiting (conditional)",
    "by hand": "Contingency (release by hand)",
}


class MselPanel(Static):
    def show_state(self, state: ExerciseState, now: float) -> None:
        # What waits on someone comes first: open obligations, then pauses, then the MSEL.
        lines: list[Content] = []
        duties = open_obligations(state)
        if duties:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(f"Obligations open ({len(duties)})", "bold $accent"))
            lines.extend(Content.assemble("  ", obligation_line(o, state.turn)) for o in duties)
        if state.pauses:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(f"Pauses ({len(state.pauses)})", "bold $accent"))
            for pause in state.pauses.values():
                word = pause_status(state, pause)
                until = f" until T{last_turn(pause)}" if word == "active" else ""
                lines.append(Content.assemble(
                    "  ", (pause.id, "bold"), f" {pause.by} ⇄ {pause.other} ",
                    (f"{word}{until}", "bold $text-error" if word == "violated" else "$text-muted")))
        for key, injects in msel_sections(state).items():
            if not injects:
                continue
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(f"{_TITLES[key]} ({len(injects)})", "bold $accent"))
            for inject in injects:
                if key == "released":
                    release = state.injects[inject.id]
                    when = f"T{release.released_turn} {release.how}"
                else:
                    when = inject_schedule(state.scenario, inject.id)
                due_now = key == "due" and inject.turn is not None and inject.turn <= state.turn
                lines.append(Content.assemble(
                    ("▸ " if due_now else "  "), (inject.id, "bold"), " ", inject.title, "  ",
                    (f"[{when} → {recipients_text(state.scenario, inject.to)}]", "$text-muted"),
                ))
        if state.turn:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled("Trust indicators", "bold $accent"))
            lines.extend(indicator_lines(state))
        if not lines:
            lines.append(Content.styled("This scenario has no injects.", "$text-muted"))
        self.update(Content("\n").join(lines))


def obligation_line(duty: ObligationRecord, turn: int) -> Content:
    """``o1 crimson owes azure inspection-reply (for m1) · due T3, 1 turn left``."""
    left = duty.turns_left(turn)
    countdown = ("last turn" if left == 0 else f"{left} turn left" if left == 1
                 else f"{left} turns left")
    return Content.assemble(
        (duty.id, "bold"), f" {duty.by} owes {duty.to} {duty.move} (for {duty.from_move}) ",
        (f"· due T{duty.due}, {countdown}", "$text-warning" if left == 0 else "$text-muted"))


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def indicator_lines(state: ExerciseState) -> list[Content]:
    """One line per delegation, one per pair: the engine's indicators, in short words."""
    figures = indicators(state)
    lines = []
    for delegation, row in figures["delegations"].items():
        timely, sharing = row["timeliness"], row["information_sharing"]
        lines.append(Content.assemble(
            "  ", (delegation, "bold"),
            f": on time {_percent(timely['on_time_share'])} · reports "
            f"{row['information_sharing']['reports']} "
            f"({_percent(sharing['mean_completeness'])} complete) · as stated "
            f"{_percent(row['consistency']['share'])}"))
    for pair in figures["pairs"]:
        per_turn = " ".join(str(n) for n in pair["contact_per_turn"])
        lines.append(Content.assemble(
            "  ", (" – ".join(pair["between"]), "bold"),
            f": contact per turn {per_turn or '–'} · {pair['late_acks']} late ack(s)"))
    return lines
