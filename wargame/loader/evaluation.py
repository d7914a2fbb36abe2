"""Reading the evaluation: objectives and the measures that decide whether each was met."""

from __future__ import annotations

from wargame.loader.context import ScenarioContext
from wargame.loader.fields import Fields
from wargame.loader.suggest import listing
from wargame.model import METRICS, Measure, Objective
from wargame.yamlsource import Node

# The keys each metric takes besides ``metric`` itself.
METRIC_KEYS = {
    "peak_rung": ("between", "below", "at_most"),
    "hotline_ack_turns": ("at_most",),
    "expectations": ("injects",),
    "misperception": ("at_most",),
}
ALL_MEASURE_KEYS = ("metric", "between", "below", "at_most", "injects")


def read_evaluation(node: Node | None, context: ScenarioContext) -> tuple[Objective, ...]:
    if node is None or node.value is None:  # an empty section is no section
        return ()
    reader = context.reader
    evaluation = reader.mapping(node, "the evaluation", (), ("objectives",))
    if evaluation is None:
        return ()
    found = []
    for item in evaluation.sequence("objectives"):
        objective = reader.mapping(item, "an objective", ("id", "text"), ("measure", "capability"))
        if objective is None:
            continue
        objective_id = objective.slug("id")
        context.objectives.define(reader, objective.get("id"), objective_id)
        measure = _measure(objective.get("measure"), context) if "measure" in objective else None
        found.append(Objective(
            id=objective_id or "",
            text=objective.text("text", None) or "",
            measure=measure,
            capability=objective.text("capability"),
        ))
    return tuple(found)


def _measure(node: Node, context: ScenarioContext) -> Measure | None:
    reader = context.reader
    if not isinstance(node.value, dict):
        return reader.mapping(node, "a measure", ("metric",))  # reports the type; None
    fields = Fields(reader, node, "a measure")
    metric = None
    if "metric" in fields:
        metric = fields.choice("metric", METRICS)
    else:
        reader.error(node, f"missing required key 'metric' in a measure (one of {listing(METRICS)})")
    if metric is None:
        fields.reject_unknown(ALL_MEASURE_KEYS)
        return None
    takes = METRIC_KEYS[metric]

    def why(key: str) -> str | None:
        if key in ALL_MEASURE_KEYS:
            return f"'{key}' does not apply to metric {metric} (it takes: {listing(takes)})"
        return None

    fields.reject_unknown(("metric", *takes), why)
    if metric == "peak_rung":
        return _peak_rung(fields, context)
    if metric == "hotline_ack_turns":
        return Measure(metric, at_most=_required(fields, "at_most", "a number of turns",
                                                 lambda: fields.integer("at_most", minimum=0)))
    if metric == "misperception":
        return Measure(metric, at_most=_required(fields, "at_most", "a mean absolute gap",
                                                 lambda: fields.number("at_most", minimum=0)))
    return Measure(metric, injects=_measured_injects(fields, context))


def _required(fields: Fields, key: str, what: str, read):
    if key not in fields:
        fields.reader.error(fields.node, f"missing required key '{key}' ({what}) in a "
                            f"measure of {fields.get('metric').value}")
        return None
    return read()


def _peak_rung(fields: Fields, context: ScenarioContext) -> Measure:
    reader = context.reader
    between = None
    if "between" in fields:
        between = context.pair(fields.get("between"), "between", movers_only=True)
    else:
        reader.error(fields.node, "missing required key 'between' (the pair to watch) in a "
                     "measure of peak_rung")
    limits = [key for key in ("below", "at_most") if key in fields]
    if not limits:
        reader.error(fields.node, "a measure of peak_rung needs 'below' or 'at_most' (a rung)")
    elif len(limits) == 2:
        reader.error(fields.key_location("at_most"), "a measure of peak_rung takes 'below' or "
                     "'at_most', not both")
    below = context.rung(fields.get("below"), "below") if "below" in fields else None
    at_most = context.rung(fields.get("at_most"), "at_most") if "at_most" in fields else None
    return Measure("peak_rung", between=between, below=below, at_most=at_most)


def _measured_injects(fields: Fields, context: ScenarioContext) -> tuple[str, ...]:
    reader = context.reader
    found = []
    listed = fields.get("injects")
    for item in fields.sequence("injects"):
        inject = context.injects.refer(reader, item, "injects")
        if inject is None:
            continue
        if inject not in context.injects_with_expect:
            reader.error(item, f"injects: inject '{inject}' has no 'expect' entries, so there "
                         "is nothing to measure")
        found.append(inject)
    if (listed is None or listed.value in (None, [])) and not context.injects_with_expect:
        reader.error(fields.node, "a measure of expectations needs injects with 'expect' "
                     "entries, and no inject has any")
    return tuple(found)
