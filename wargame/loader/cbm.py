"""Reading a move type's confidence-building procedure: report fields, obligation, quota,
the notice an activity should follow."""

from __future__ import annotations

from wargame.loader.crossrefs import IdTable
from wargame.loader.fields import Fields, Reader
from wargame.model.cbm import FIELD_KINDS, OBLIGED, Notice, Obligation, ReportField
from wargame.yamlsource import Node

FIELD_OPTIONAL = ("label", "kind", "required", "choices", "description")
OBLIGATION_OPTIONAL = ("by", "within", "within_turns")
NOTICE_OPTIONAL = ("turns",)


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


def notice(move: Fields, reader: Reader) -> Notice | None:
    """``notice: prior-notification`` or ``notice: {move: prior-notification, turns: 1}``."""
    node = move.get("notice")
    if node is None:
        return None
    if isinstance(node.value, str):
        answer = reader.slug(node, "notice")
        return Notice(move=answer) if answer else None
    spec = reader.mapping(node, "a notice ('notice': the move type that announces this "
                          "activity, or {move, turns})", ("move",), NOTICE_OPTIONAL)
    if spec is None:
        return None
    answer = spec.slug("move")
    turns = spec.integer("turns", 0, minimum=0)
    return Notice(move=answer, turns=turns or 0) if answer else None


def check_answers(obligations: list[tuple[Node, Obligation | Notice]], moves: IdTable,
                  reader: Reader) -> None:
    """Once the whole catalogue is read: each obligation or notice names a move type of it
    (a notice's node is the string itself or a mapping with ``move``)."""
    for node, duty in obligations:
        if isinstance(node.value, str):
            moves.refer(reader, node, "notice")
            continue
        answer = node.value.get("move") if isinstance(node.value, dict) else None
        if answer is not None:
            moves.refer(reader, answer, "obliges.move" if isinstance(duty, Obligation)
                        else "notice.move")
