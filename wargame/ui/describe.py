"""Words and markers the terminal app shows for the exercise state.

Plain functions over the domain model and :mod:`wargame.engine.state`; no Textual here, so
they can be tested and reused without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from wargame.engine.rules_control import paused_seconds
from wargame.engine import retraction
from wargame.engine.state import Event, ExerciseState, PauseRecord
from wargame.engine.turns import turn_started_at
from wargame.engine import vocabulary as act
from wargame.engine.action_keys import Action
from wargame.engine.vocabulary import ACTIONS, recorded
from wargame.model import Scenario, next_phase  # noqa: F401 - offered to the screens too
from wargame.model.conditions import describe as describe_condition
from wargame.model.scenario import Pair

EVENT_KINDS = tuple(ACTIONS)  # the core's list, for filtering the timeline: not a copy

_DECISIONS = {"approve": "approved", "reject": "rejected", "amend": "amended"}


def delegation_name(scenario: Scenario, delegation_id: str | None) -> str:
    if not delegation_id:
        return ""
    if scenario.has_delegation(delegation_id):
        return scenario.delegation(delegation_id).name
    return delegation_id


def pair_label(pair: Pair) -> str:
    return f"{pair[0]}–{pair[1]}"


def pair_markers(scenario: Scenario) -> dict[Pair, str]:
    """A short marker per pair, distinct without colour: the initials when unambiguous.

    ``azure``/``crimson`` becomes ``AC``; when initials collide the pairs are lettered
    ``A``, ``B``, ``C``... instead, so two pairs never share a marker.
    """
    pairs = list(scenario.dyads)
    initials = [f"{a[0]}{b[0]}".upper() for a, b in pairs]
    if len(set(initials)) == len(initials):
        return dict(zip(pairs, initials))
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return {pair: _lettered(i, letters) for i, pair in enumerate(pairs)}


def _lettered(index: int, letters: str) -> str:
    if index < len(letters):
        return letters[index]
    return letters[index // len(letters) - 1] + letters[index % len(letters)]


def game_time(scenario: Scenario, turn: int) -> str:
    """Game time at the start of ``turn``: turn_length × (turn - 1), e.g. ``T+1d 06h``."""
    seconds = scenario.clock.game_seconds_at(turn)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(f"{days}d")
    if hours or (days and minutes):
        parts.append(f"{hours:02d}h" if days else f"{hours}h")
    if minutes:
        parts.append(f"{minutes:02d}m" if parts else f"{minutes}m")
    return "T+" + (" ".join(parts) if parts else "0h")


def clock_text(seconds: float, *, hours: bool = False) -> str:
    """``MM:SS`` for a real-time span (``H:MM:SS`` past an hour, or always with ``hours``).

    Negative spans print as positive: the caller says "over" or "left".
    """
    seconds = int(abs(seconds))
    whole_hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if whole_hours or hours:
        return f"{whole_hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def exercise_seconds(state: ExerciseState, now: float) -> float | None:
    """Real seconds since the exercise phase began, on the app's clock; None before it."""
    if state.exercise_started_ts is None:
        return None
    return now - state.exercise_started_ts


def _released_with(event: Event, state: ExerciseState, besides: str = "") -> str:
    """The injects an event released (a turn's scheduled ones, the conditions it met)."""
    released = [r.id for r in state.injects.values() if r.seq == event.seq and r.id != besides]
    return f" · injects released: {', '.join(released)}" if released else ""


def _describe_control(a: act.Action, state: ExerciseState) -> str | None:
    """The control cell's levers, in the facilitator's words."""
    if isinstance(a, act.Pause):
        return "Timebox paused" + (f" — {a.reason}" if a.reason else "")
    if isinstance(a, act.Resume):
        return "Timebox resumed"
    if isinstance(a, act.Hold):
        return f"Inject {_or(a.id, '?')} held"
    if isinstance(a, act.Retime):
        return f"Inject {_or(a.id, '?')} re-timed to turn {_or(a.turn, '?')}"
    if isinstance(a, act.AdHoc):
        to = "all" if not a.to else ", ".join(a.to if isinstance(a.to, list) else [a.to])
        source = f" from {a.source}" if a.source else ""
        return f"Ad hoc inject {_or(a.id, '?')}{source} → {to}: {_or(a.title, '')}"
    if isinstance(a, act.Update):
        to = "all" if not a.to else ", ".join(a.to if isinstance(a.to, list) else [a.to])
        return f"Situation update → {to}: {_or(a.text, '')}"
    if isinstance(a, act.Summary):
        return f"Facilitator's summary: {_or(a.text, '')}"
    return None


def timebox_status(state: ExerciseState, now: float) -> tuple[float, bool] | None:
    """(seconds left, over?) of the current turn's timebox, or None when there is none.

    The timer only warns: it never ends a turn by itself.
    """
    timebox = state.scenario.clock.timebox
    if not timebox or state.phase != "exercise":
        return None
    elapsed_total = exercise_seconds(state, now)
    started = turn_started_at(state)
    if elapsed_total is None or started is None:
        return None
    # A paused timebox stands still: its paused seconds do not count against the turn.
    left = timebox - (elapsed_total - started - paused_seconds(state, now))
    return left, left < 0


def message_age(state: ExerciseState, sent_turn: int, sent_at: float | None,
                now: float) -> tuple[int, float | None]:
    """Age of a message: (turns, real seconds or None when the time is unknown)."""
    turns = max(state.turn - sent_turn, 0)
    elapsed = exercise_seconds(state, now)
    if sent_at is None or elapsed is None:
        return turns, None
    return turns, max(elapsed - sent_at, 0.0)


def age_text(turns: int, seconds: float | None) -> str:
    turn_part = f"{turns} turn" + ("" if turns == 1 else "s")
    if seconds is None:
        return turn_part
    return f"{turn_part} · {int(seconds // 60)} min"


def inject_schedule(scenario: Scenario, inject_id: str) -> str:
    """When an inject comes: ``turn 2``, ``when azure–crimson at least confrontation``,
    ``by hand``."""
    inject = scenario.inject(inject_id)
    if inject.turn is not None:
        return f"turn {inject.turn}"
    if inject.when is not None:
        return f"when {describe_condition(inject.when)}"
    return "by hand"


def recipients_text(scenario: Scenario, recipients: Iterable[str]) -> str:
    recipients = tuple(recipients)
    if recipients and set(recipients) >= {d.id for d in scenario.delegations}:
        return "all"
    return ", ".join(recipients) or "—"


def _typed(event: Event) -> Action | None:
    """The event's action, read through its class; None for a kind or payload it has not."""
    try:
        return recorded(event.kind, event.payload)
    except (KeyError, TypeError):
        return None


def _or(value: object, default: str) -> object:
    return default if value is None else value


def event_delegations(event: Event, state: ExerciseState) -> frozenset[str]:
    """The delegations an event concerns, for filtering the timeline."""
    a = _typed(event)
    found: set[str] = set()
    if a is None:
        return frozenset()
    if isinstance(a, (act.Move, act.Note, act.Perceive, act.Ack, act.Hotwash)):
        found.add(a.by or "")
    if isinstance(a, act.Move) and a.target:
        found.update(a.target if isinstance(a.target, list) else [a.target])  # a pair: both
    if isinstance(a, (act.Adjudicate, act.Perceive)):
        move = state.moves.get(str(_or(a.move, "")))
        if move is not None:
            found.add(move.by)
            if move.target:
                found.add(move.target)
            found.update(move.pair or ())
    if isinstance(a, act.Hotline):
        found.update((a.sender or "", a.to or ""))
        message = state.messages.get(str(_or(a.id, "")))
        if message is not None:
            found.update(message.route)  # a relay involves the delegation in the middle
    if isinstance(a, act.Ack):
        message = state.messages.get(str(_or(a.message, "")))
        if message is not None:
            found.update((message.sender, message.recipient))
    if isinstance(a, act.Inject) and state.scenario.injects:
        inject_id = str(_or(a.id, ""))
        if any(i.id == inject_id for i in state.scenario.injects):
            found.update(state.scenario.inject(inject_id).to)
    if isinstance(a, act.Channel):
        found.update(a.between or ())
    found.discard("")
    return frozenset(found)


def reference_of(state: ExerciseState, event: Event) -> str:
    """How a retraction names an event: its move or message id when it has one, else its seq."""
    return retraction.reference_of(state, event.seq)


def retracted_name(state: ExerciseState, reference: object) -> str:
    """How a retraction names its event: ``m3 (#11)`` when the seq is a move's or a message's."""
    if isinstance(reference, int):
        named = retraction.reference_of(state, reference)
        return f"{named} (#{reference})" if named != str(reference) else f"#{reference}"
    return str(reference)


def describe_event(event: Event, state: ExerciseState) -> str:
    """One line saying what an event did, in the facilitator's words."""
    a = _typed(event)
    if a is None:
        p = event.payload
        if isinstance(p, dict):
            return ", ".join(f"{k}: {v}" for k, v in p.items() if k != "at")
        return str(p)
    if isinstance(a, act.Phase):
        return f"Phase → {_or(a.to, '?')}{_released_with(event, state)}"
    if isinstance(a, act.Move):
        move = state.moves.get(str(_or(a.id, "")))
        move_id = a.id or (move.id if move else "")
        shown = "–".join(map(str, a.target)) if isinstance(a.target, list) else a.target
        target = f" → {shown}" if a.target else ""
        status = f" [{move.status}]" if move is not None else ""
        return f"{move_id} {_or(a.by, '?')}: {_or(a.type, '?')}{target} “{_or(a.text, '')}”{status}"
    if isinstance(a, act.Adjudicate):
        extra = ""
        if a.decision == "amend":
            bits = [str(value) for value in (a.category, a.step) if value is not None]
            extra = f" as {' / '.join(bits)}" if bits else ""
        note = f" — {a.note}" if a.note else ""
        decided = _DECISIONS.get(str(a.decision), str(_or(a.decision, "?")))
        return f"{_or(a.move, '?')} {decided}{extra}{note}"
    if isinstance(a, act.Perceive):
        note = f" — {a.note}" if a.note else ""
        return f"{_or(a.by, '?')} read {_or(a.move, '?')} as {_or(a.category, '?')}{note}"
    if isinstance(a, act.Hotline):
        message = state.messages.get(str(_or(a.id, "")))
        via = ""
        if message is not None and len(message.route) > 2:
            via = f" via {', '.join(message.route[1:-1])}"
        msg_id = a.id or (message.id if message else "")
        return f"{msg_id} {_or(a.sender, '?')} → {_or(a.to, '?')}{via}: “{_or(a.text, '')}”"
    if isinstance(a, act.Ack):
        text = f": “{a.text}”" if a.text else ""
        return f"{_or(a.by, '?')} acknowledged {_or(a.message, '?')}{text}"
    if isinstance(a, act.Relay):
        message = state.messages.get(str(_or(a.message, "")))
        onward = ""
        if message is not None and a.by in message.route[:-1]:
            onward = f" on to {message.route[message.route.index(a.by) + 1]}"
        note = f": “{a.note}”" if a.note else ""
        return f"{_or(a.by, '?')} passed {_or(a.message, '?')}{onward}{note}"
    if isinstance(a, act.Inject):
        inject_id = str(_or(a.id, "?"))
        title = ""
        if any(i.id == inject_id for i in state.scenario.injects):
            title = f": {state.scenario.inject(inject_id).title}"
        return f"Inject {inject_id} released by hand{title}{_released_with(event, state, inject_id)}"
    if isinstance(a, act.Note):
        return f"{_or(a.by, '?')} ({_or(a.visibility, 'public')}): {_or(a.text, '')}"
    if isinstance(a, act.NextTurn):
        return f"Next turn{_released_with(event, state)}"
    if isinstance(a, act.Rate):
        note = f" — {a.note}" if a.note else ""
        return f"{_or(a.objective, '?')} rated {_or(a.rating, '?')}{note}"
    if isinstance(a, act.Lesson):
        return f"{_or(a.kind, '?')}: {_or(a.text, '')}"
    if isinstance(a, act.Improve):
        owner = f" ({a.owner})" if a.owner else ""
        return f"{_or(a.issue, '')} → {_or(a.action, '')}{owner}"
    if isinstance(a, act.Retract):
        return f"Retracted {retracted_name(state, a.event)}: {_or(a.reason, '')}"
    if isinstance(a, act.End):
        return "Exercise ended"
    if isinstance(a, act.Hotwash):
        index = a.question
        questions = state.scenario.hotwash
        question = questions[index] if isinstance(index, int) and 0 <= index < len(questions) else "?"
        return f"“{question}” — {_or(a.answer, '')}"
    if isinstance(a, act.Channel):
        reason = f" — {a.reason}" if a.reason else ""
        return f"Channel {pair_label(tuple(a.between or ('?', '?')))} {_or(a.status, '?')}{reason}"
    if isinstance(a, act.ProposePause):
        pair = a.between or (a.other if isinstance(a.other, list) else None)
        to = (f"between {' and '.join(map(str, pair))}" if pair
              else f"to {_or(a.other, '?')}")
        return (f"{_or(a.by, '?')} proposes pause {_or(a.id, '')} {to} "
                f"for {_or(a.turns, '?')} turn(s)")
    if isinstance(a, act.AnswerPause):
        return f"{_or(a.by, '?')} answers pause {_or(a.pause, '?')}: {_or(a.answer, '?')}"
    control = _describe_control(a, state)
    if control is not None:
        return control
    return ", ".join(f"{k}: {v}" for k, v in a.written().items())


def pause_sides(pause: PauseRecord) -> str:
    """Whom a pause binds, in a few words: a pair, a pause to all, or a brokered pair."""
    if pause.brokered:
        return f"{pause.by} brokers {' ⇄ '.join(pause.parties)}"
    if pause.addressed == "all":
        return f"{pause.by} → all"
    return " ⇄ ".join((pause.by, *pause.invited))


def pause_marks(state: ExerciseState, pair: Pair) -> str:
    """The pauses in force on a pair, as its row on a ladder shows them ("" for none)."""
    from wargame.engine.pauses import last_turn, on_pair, status

    return "".join(f"  ⚠ pause {p.id} violated" if status(state, p) == "violated"
                   else f"  ⏸ pause {p.id} until turn {last_turn(p)}"
                   for p in on_pair(state, pair))
