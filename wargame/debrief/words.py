"""Names and wording shared by the debrief's view-model builders."""

from __future__ import annotations

import datetime as dt
from statistics import median
from typing import Iterable

from wargame.model import Scenario, format_duration
from wargame.model.scenario import RATING_NAMES, Clock, Measure, Pair

RATING_MEANINGS = RATING_NAMES  # the HSEEP wording lives with the ratings in the model
ROLE_NAMES = {"state": "State", "mediator": "Mediator", "observer": "Observer"}
# Capability elements (wargame.model.CAPABILITIES) as a heading writes them.
CAPABILITY_NAMES = {
    "planning": "Planning",
    "organization": "Organization",
    "equipment": "Equipment",
    "training": "Training",
    "exercise": "Exercise",
}
CATEGORY_NAMES = {
    "de-escalation": "de-escalation",
    "status-quo": "status quo",
    "posturing": "posturing",
    "non-violent-escalation": "non-violent escalation",
    "violent-escalation": "violent escalation",
    "nuclear": "nuclear",
}
# Result words with a symbol, so the outcome never rests on colour alone.
RESULTS = {
    True: {"key": "met", "label": "Met", "symbol": "✔"},
    False: {"key": "not-met", "label": "Not met", "symbol": "✖"},
    None: {"key": "unmeasured", "label": "Not measurable", "symbol": "–"},
}


class Names:
    """Looks up display names in a scenario, falling back to the id for unknown ones."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._delegations = {d.id: d.name for d in scenario.delegations}
        self._moves = {m.id: m.name for m in scenario.rulebook.moves}
        self._rungs = {r.id: r.name for r in scenario.rulebook.ladder.rungs}

    def delegation(self, delegation_id: str | None) -> str:
        if not delegation_id:
            return ""
        if delegation_id == "facilitator":
            return "Facilitator"
        if delegation_id == "script":
            return "Control (script)"
        return self._delegations.get(delegation_id, delegation_id)

    def move_type(self, type_id: str) -> str:
        return self._moves.get(type_id, type_id)

    def rung(self, rung_id: str | None) -> str:
        if not rung_id:
            return ""
        return self._rungs.get(rung_id, rung_id)

    def recipients(self, inject) -> str:
        from wargame.engine.visibility import addressed_to_all

        if addressed_to_all(self.scenario, inject):
            return "all delegations"
        return ", ".join(self.delegation(d) for d in inject.to)

    def pair(self, pair: Iterable[str]) -> str:
        return " – ".join(self.delegation(d) for d in pair)

    def category(self, category_id: str | None) -> str:
        if not category_id:
            return ""
        return CATEGORY_NAMES.get(category_id, category_id.replace("-", " "))


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


def utc_text(ts: float | None) -> str:
    if ts is None:
        return ""
    moment = dt.datetime.fromtimestamp(ts, tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def utc_date(ts: float | None) -> str:
    if ts is None:
        return ""
    return dt.datetime.fromtimestamp(ts, tz=dt.timezone.utc).strftime("%Y-%m-%d")


def span_text(seconds: float | None) -> str:
    """A real-time span in words: ``1 h 05 min``, ``12 min``, ``40 s``."""
    if seconds is None:
        return ""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min" if not secs else f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def minutes_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = seconds / 60
    return f"{minutes:.1f} min"


def number(value: float | int | None, digits: int = 2) -> str:
    """A figure for a table: integers stay integers, others get at most ``digits`` decimals."""
    if value is None:
        return "–"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def med(values: list[float]) -> float | None:
    return median(values) if values else None


def game_time(clock: Clock, turns: int) -> str:
    """The game time ``turns`` turns stand for, e.g. ``36h``."""
    seconds = clock.game_seconds(turns)
    return format_duration(seconds) if seconds else "0"


def measure_words(measure: Measure | None, names: Names) -> str:
    """The objective's measure as a trainer would say it."""
    if measure is None:
        return "Rated by the evaluators (no automatic measure)"
    pair = names.pair(measure.between) if measure.between else "every pair"
    if measure.metric == "peak_rung":
        if measure.below:
            return f"Peak rung of {pair} stays below “{names.rung(measure.below)}”"
        return f"Peak rung of {pair} at most “{names.rung(str(measure.at_most))}”"
    if measure.metric == "hotline_ack_turns":
        n = measure.at_most if measure.at_most is not None else 1
        return f"Every hotline message acknowledged within {plural(int(n), 'turn')}"
    if measure.metric == "expectations":
        if measure.injects:
            titles = []
            for inject_id in measure.injects:
                try:
                    titles.append(f"“{names.scenario.inject(inject_id).title}”")
                except KeyError:
                    titles.append(inject_id)
            return "Every expected response to " + ", ".join(titles) + " made in time"
        return "Every expected response to the injects made in time"
    if measure.metric == "misperception":
        return f"Mean absolute misperception gap at most {number(measure.at_most)}"
    return measure.metric.replace("_", " ")


def pair_key(pair: Pair) -> str:
    return "-".join(pair)
