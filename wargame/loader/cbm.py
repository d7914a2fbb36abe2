"""Reading a move type's confidence-building procedure: report fields, obligation, quota."""

from __future__ import annotations

from wargame.loader.crossrefs import IdTable
from wargame.loader.fields import Fields, Reader
from wargame.model.cbm import FIELD_KINDS, OBLIGED, Obligation, ReportField
from wargame.yamlsource import Node

FIELD_OPTIONAL = ("label", "kind", "required", "choices", "description")
OBLIGATION_OPTIONAL = ("by", "within", "within_turns")


def report_fields(move: Fields, reader: Reader) -> tuple[ReportField, ...]:
    found: list[ReportField] = []
    ids = IdTable("report field", "report fields")
    for item in move.sequence("fields"):
        spec = reader.mapping(item, "a report field", ("id",), FIELD_OPTIONAL)
        if spec is None:
            continue
        field_id = spec.slug("id")
        if not ids.define(reader, spec.get("id"), field_id):
            continue
        kind = spec.choice("kind", FIELD_KINDS, "text")
        choices = spec.texts("choices")
        if kind == "choice" and not choices:
            reader.error(item, f"field '{field_id}': a choice field needs 'choices' "
                         "(the values it offers)")
        elif choices and kind != "choice":
            reader.error(spec.key_location("choices"), f"field '{field_id}': 'choices' go "
                         "only with kind: choice")
        found.append(ReportField(
            id=field_id, label=spec.text("label"), kind=kind or "text",
            required=spec.boolean("required", True), choices=choices,
            description=spec.text("description")))
    return tuple(found)


def obligation(move: Fields, reader: Reader, target_mode: str | None) -> Obligation | None:
    node = move.get("obliges")
    if node is None:
        return None
    spec = reader.mapping(node, "an obligation ('obliges')", ("move",), OBLIGATION_OPTIONAL)
    if spec is None:
        return None
    within, turns = spec.duration("within"), spec.integer("within_turns", minimum=0)
    if ("within" in spec) == ("within_turns" in spec):
        reader.error(node, "an obligation needs one deadline: 'within' (game time, e.g. 48h) "
                     "or 'within_turns' (a number of turns), not both or neither")
    if target_mode == "none":
        reader.error(node, "obliges: the move binds its target, but this move type takes no "
                     "target (set target: required)")
    answer = spec.slug("move")
    if answer is None:
        return None
    return Obligation(move=answer, by=spec.choice("by", OBLIGED, "target") or "target",
                      within=within, within_turns=turns)


def check_answers(obligations: list[tuple[Node, Obligation]], moves: IdTable,
                  reader: Reader) -> None:
    """Once the whole catalogue is read: each obligation names a move type of it."""
    for node, duty in obligations:
        answer = node.value.get("move") if isinstance(node.value, dict) else None
        if answer is not None:
            moves.refer(reader, answer, "obliges.move")
