"""Reading a rulebook (the ladder, categories and move types) from its Node tree."""

from __future__ import annotations

from wargame.loader import cbm
from wargame.loader.crossrefs import IdTable
from wargame.loader.fields import Fields, Reader, describe
from wargame.model import (
    ADJUDICATION_MODES,
    TARGET_MODES,
    VISIBILITIES,
    Category,
    Jump,
    Ladder,
    MoveType,
    Rulebook,
    Rung,
    Threshold,
)
from wargame.yamlsource import Node

RULEBOOK_KEYS = ("rulebook", "title", "ladder", "categories", "moves")
RULEBOOK_OPTIONAL = ("adjudication", "description")
LADDER_KEYS = ("rungs",)
LADDER_OPTIONAL = ("thresholds", "jumps")
RUNG_KEYS = ("id", "name")
THRESHOLD_KEYS = ("name", "above")
JUMP_KEYS = ("from", "to")
CATEGORY_KEYS = ("score",)
CATEGORY_OPTIONAL = ("step", "description")
MOVE_KEYS = ("id", "name", "category")
MOVE_OPTIONAL = ("cbm", "target", "visibility", "step", "description", "fields", "obliges",
                 "quota", "hotline", "notice")


def read_rulebook(root: Node, reader: Reader, expected_id: str | None = None) -> Rulebook:
    """The Rulebook a file describes; its problems are left in ``reader``.

    ``expected_id`` is the file name's stem, which the ``rulebook:`` id must equal.
    """
    fields = reader.mapping(root, "a rulebook", RULEBOOK_KEYS, RULEBOOK_OPTIONAL)
    if fields is None:
        return _empty_rulebook(reader)
    rulebook_id = fields.slug("rulebook")
    if rulebook_id is not None and expected_id is not None and rulebook_id != expected_id:
        reader.error(fields.get("rulebook"),
                     f"rulebook id '{rulebook_id}' does not match the file name: a rulebook's "
                     f"id equals its file name (expected '{expected_id}')")
    rungs = IdTable("rung", "rungs")
    ladder = _ladder(fields.get("ladder"), reader, rungs)
    categories = _categories(fields.get("categories"), reader)
    moves = _moves(fields.get("moves"), reader, categories)
    return Rulebook(
        id=rulebook_id or "",
        title=fields.text("title", None) or "",
        ladder=ladder,
        categories=categories,
        moves=moves,
        adjudication=fields.choice("adjudication", ADJUDICATION_MODES, "facilitator"),
        description=fields.text("description"),
        source=reader.file,
    )


def _empty_rulebook(reader: Reader) -> Rulebook:
    return Rulebook(id="", title="", ladder=Ladder(()), categories={}, moves=(), source=reader.file)


def _ladder(node: Node | None, reader: Reader, rungs: IdTable) -> Ladder:
    if node is None:
        return Ladder(())
    fields = reader.mapping(node, "the ladder", LADDER_KEYS, LADDER_OPTIONAL)
    if fields is None:
        return Ladder(())
    rung_list = []
    for item in fields.items("rungs", "a ladder needs at least one rung"):
        rung = reader.mapping(item, "a rung", RUNG_KEYS, ("description",))
        if rung is None:
            continue
        rung_id = rung.slug("id")
        name, description = rung.text("name", None) or "", rung.text("description")
        if rungs.define(reader, rung.get("id"), rung_id):
            rung_list.append(Rung(rung_id, name, len(rung_list), description))
    return Ladder(tuple(rung_list), _thresholds(fields, reader, rungs), _jumps(fields, reader, rungs))


def _thresholds(fields: Fields, reader: Reader, rungs: IdTable) -> tuple[Threshold, ...]:
    found = []
    top = list(rungs.where)[-1] if len(rungs) else None
    for item in fields.sequence("thresholds"):
        threshold = reader.mapping(item, "a threshold", THRESHOLD_KEYS, ("description",))
        if threshold is None:
            continue
        above = None
        if "above" in threshold:
            above = rungs.refer(reader, threshold.get("above"), "above")
            if above is not None and above == top:
                reader.error(threshold.get("above"), f"above: '{above}' is the top rung; a "
                             "threshold lies between a rung and the one above it")
        found.append(Threshold(threshold.text("name", None) or "", above or "",
                               threshold.text("description")))
    return tuple(found)


def _jumps(fields: Fields, reader: Reader, rungs: IdTable) -> tuple[Jump, ...]:
    found = []
    for item in fields.sequence("jumps"):
        jump = reader.mapping(item, "a jump", JUMP_KEYS, ("name",))
        if jump is None:
            continue
        ends = [rungs.refer(reader, jump.get(key), key) if key in jump else None
                for key in ("from", "to")]
        if ends[0] is not None and ends[0] == ends[1]:
            reader.error(jump.get("to"), f"to: a jump links two different rungs, "
                         f"not '{ends[0]}' to itself")
        found.append(Jump(ends[0] or "", ends[1] or "", jump.text("name")))
    return tuple(found)


def _categories(node: Node | None, reader: Reader) -> dict[str, Category]:
    if node is None:
        return {}
    if not isinstance(node.value, dict):
        reader.error(node, "categories: expected a mapping of category ids to "
                     f"{{score, step}}, got {describe(node)}")
        return {}
    if not node.value:
        reader.error(node, "categories: a rulebook needs at least one category")
    categories = {}
    for category_id, value in node.value.items():
        key_node = Node(category_id, node.key_locations.get(category_id, node.location))
        valid_id = reader.slug(key_node, "category id")
        category = reader.mapping(value, f"category '{category_id}'", CATEGORY_KEYS,
                                  CATEGORY_OPTIONAL)
        if category is None:
            continue
        entry = Category(
            id=category_id,
            score=category.integer("score"),
            step=category.integer("step", 0),
            description=category.text("description"),
        )
        if valid_id is not None:
            categories[category_id] = entry
    return categories


def _moves(node: Node | None, reader: Reader,
           categories: dict[str, Category]) -> tuple[MoveType, ...]:
    if node is None:
        return ()
    known = IdTable.of("category", "categories", categories)
    move_ids = IdTable("move type", "move types")
    items = reader.items(node, "moves", "a rulebook needs at least one move type")
    moves = []
    duties = []
    for item in items:
        move = reader.mapping(item, "a move type", MOVE_KEYS, MOVE_OPTIONAL)
        if move is None:
            continue
        move_id = move.slug("id")
        move_ids.define(reader, move.get("id"), move_id)
        category = known.refer(reader, move.get("category"), "category") if "category" in move else None
        target = move.choice("target", TARGET_MODES, "optional")
        obliges = cbm.obligation(move, reader, target)
        if obliges is not None:
            duties.append((move.get("obliges"), obliges))
        notice = cbm.notice(move, reader)
        if notice is not None and notice.move == move_id:
            reader.error(move.get("notice"), f"notice: '{move_id}' cannot announce itself; "
                         "name the notification move type that should come before it")
        elif notice is not None:
            duties.append((move.get("notice"), notice))
        moves.append(MoveType(
            id=move_id or "",
            name=move.text("name", None) or "",
            category=category or "",
            cbm=move.boolean("cbm", False),
            target=target,
            visibility=move.choice("visibility", VISIBILITIES, "public"),
            step=move.integer("step"),
            description=move.text("description"),
            fields=cbm.report_fields(move, reader),
            obliges=obliges,
            quota=move.integer("quota", minimum=1),
            hotline=move.boolean("hotline", False),
            notice=notice,
        ))
        if moves[-1].hotline and moves[-1].target == "none":
            reader.error(move.key_location("hotline"), "a hotline call needs a target: "
                         "set target: required (or optional), or remove hotline: true")
    cbm.check_answers(duties, move_ids, reader)
    return tuple(moves)
