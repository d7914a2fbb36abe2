"""wargame.yamlsource: YAML is read safely, every value keeps its place, refusals are located."""

from __future__ import annotations

import datetime
import re
import tracemalloc

import pytest

from wargame.errors import FileInvalid, Location
from wargame.yamlsource import MAX_BYTES, Node, parse_yaml, read_yaml


def refusal(text, name="f.yaml") -> list[str]:
    with pytest.raises(FileInvalid) as caught:
        parse_yaml(text, name)
    return [str(problem) for problem in caught.value.problems]


def test_values_keys_and_their_places():
    root = parse_yaml("title: Strait\nclock:\n  turns: 6\n  turn_length: 6h\ntags: [a, 'b']\n", "s.yaml")
    assert root.plain() == {"title": "Strait", "clock": {"turns": 6, "turn_length": "6h"},
                            "tags": ["a", "b"]}
    assert root.location == Location("s.yaml", 1, 1)
    assert root.key_locations["clock"] == Location("s.yaml", 2, 1)
    clock = root.value["clock"]
    assert clock.location == Location("s.yaml", 3, 3)
    assert clock.key_locations["turn_length"] == Location("s.yaml", 4, 3)
    assert clock.value["turns"] == Node(6, Location("s.yaml", 3, 10), raw="6")
    assert root.value["tags"].value[1].location == Location("s.yaml", 5, 11)


def test_columns_count_characters_not_bytes():
    root = parse_yaml("café: [thé, x]\n", "u.yaml")
    assert root.value["café"].value[1].location.column == 13


def test_plain_scalars_are_typed_as_yaml_says_and_keep_their_text():
    root = parse_yaml("a: yes\nb: 1.5\nc: ~\nd: 2027-03-01\ne: '12'\nf: 0x1f\ng: 06\n", "t.yaml")
    assert root.plain() == {"a": True, "b": 1.5, "c": None, "d": datetime.date(2027, 3, 1),
                            "e": "12", "f": 31, "g": 6}
    assert root.value["a"].raw == "yes"
    assert root.value["g"].raw == "06"


def test_a_utf8_byte_order_mark_is_ignored():
    assert parse_yaml(b"\xef\xbb\xbfa: 1\n", "bom.yaml").plain() == {"a": 1}


def test_aliases_and_merge_keys_work_as_yaml_users_expect():
    text = (
        "base: &base {ack_within: 1, status: up}\n"
        "extra: &extra {status: down, name: Spare}\n"
        "one:\n"
        "  <<: *base\n"
        "  status: down\n"
        "two: {<<: [*extra, *base]}\n"
        "reused: *base\n"
    )
    root = parse_yaml(text, "m.yaml")
    plain = root.plain()
    assert plain["one"] == {"ack_within": 1, "status": "down"}  # explicit keys win
    assert plain["two"] == {"status": "down", "name": "Spare", "ack_within": 1}  # earlier wins
    assert plain["reused"] == {"ack_within": 1, "status": "up"}
    # a merged key is located where it was written: in the anchored mapping
    assert root.value["one"].key_locations["ack_within"] == Location("m.yaml", 1, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "f.yaml:1:1: the file is empty"),
        ("# just a comment\n", "f.yaml:1:1: the file is empty"),
        ("- a\n- b\n", "f.yaml:1:1: expected a mapping of keys at the top of the file, got a list"),
        ("a: 1\nb: [1, 2\nc: 3\n", "f.yaml:3:2: invalid YAML: did not find expected ',' or ']'"),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: expected a single YAML document"),
        ("a:\n  b: 1\n  b: 2\n", "f.yaml:3:3: duplicate key 'b' (first written at line 2, column 3)"),
        ("a:\n  true: 1\n", "f.yaml:2:3: keys must be text, got a boolean (true)"),
        ("a: !!binary aGVsbG8=\n", "f.yaml:1:4: tag '!!binary' is not allowed"),
        ("a: !!set {x}\n", "f.yaml:1:4: tag '!!set' is not allowed"),
        ("a: !!int six\n", "f.yaml:1:4: cannot read 'six' as an integer"),
        ("a: *nowhere\n", "f.yaml:1:4: alias '*nowhere' has no anchor"),
        ("a: &x {b: *x}\n", "f.yaml:1:11: alias '*x' refers to a node that contains it"),
        ("a: b\x1bc\n", "f.yaml:1:5: character U+001B is not allowed in YAML"),
        ("a:\n\tb: 1\n", "f.yaml:2:1: invalid YAML: a tab character cannot be used here"),
    ],
)
def test_refusals_are_located(text, expected):
    problems = refusal(text)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_duplicate_and_bad_key_is_reported_in_one_run():
    problems = refusal("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n1: x\n")
    assert len(problems) == 3
    assert [p.split(": ", 1)[0] for p in problems] == ["f.yaml:2:1", "f.yaml:5:3", "f.yaml:6:1"]


def test_a_python_tag_is_refused_and_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    assert refusal(text) == ["f.yaml:1:8: tag '!!python/object/apply:os.system' is not allowed "
                             "here: only plain YAML (text, numbers, booleans, dates, lists and "
                             "mappings) is read"]
    text = f"title: !!python/object/apply:os.system\n  args: ['touch {marker}']\n"
    assert "tag '!!python/object/apply:os.system' is not allowed" in refusal(text)[0]
    assert not marker.exists()


def test_an_alias_bomb_is_refused_without_expanding_it():
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    text = "\n".join(lines) + "\n"  # 10**9 strings once expanded
    tracemalloc.start()
    try:
        problems = refusal(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == ["f.yaml:5:36: too many nodes after expanding aliases (alias bomb?): "
                        "more than 100,000 nodes"]
    assert peak < 20 * 1024 * 1024


def test_ordinary_reuse_of_aliases_is_allowed():
    text = "pair: &p [azure, crimson]\n" + "".join(f"k{i}: *p\n" for i in range(1000))
    assert parse_yaml(text, "f.yaml").plain()["k999"] == ["azure", "crimson"]


@pytest.mark.parametrize("depth", [70, 1_500, 100_000])
def test_deep_nesting_is_refused_instead_of_crashing_the_parser(depth):
    # libyaml's own composer recurses and crashes on input like this: we never call it.
    # Our composer stops at 64 levels; some PyYAML releases' scanner refuses very deep flow
    # nesting before our composer sees it. Either way the user gets one located refusal.
    problems = refusal("a: " + "[" * depth + "]" * depth + "\n")
    assert len(problems) == 1, problems
    assert re.fullmatch(r"f\.yaml:1:\d+: .*nest.*", problems[0]), problems


def test_deep_block_nesting_names_the_first_line_too_deep():
    text = "a:\n" + "".join("  " * i + "- \n" for i in range(200))
    assert refusal(text) == ["f.yaml:65:127: nested more than 64 levels deep"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\nb: caf\xe9\n", "f.yaml:2:7: not valid UTF-8 text: byte 0xe9"),
        (b"a: 1\nb: \xc3\xa9t\xc3\n", "f.yaml:2:6: not valid UTF-8 text: byte 0xc3"),
        (b"a: 1\nb: x\x00y\n", "f.yaml:2:5: binary content (a NUL byte)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "f.yaml:1:1: not valid UTF-8 text: byte 0x89"),
        ("a: 1\n".encode("utf-16"), "f.yaml:1:1: the file is encoded as UTF-16"),
    ],
)
def test_bytes_that_are_not_utf8_text_are_refused_at_the_first_bad_byte(data, expected):
    problems = refusal(data)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_oversized_text_is_refused_before_parsing():
    text = "a: [" * (MAX_BYTES // 4 + 1)  # unparseable: only the size check can answer
    assert refusal(text) == [f"f.yaml:1:1: the file is too large ({len(text):,} bytes); "
                             f"the limit is 2 MiB ({MAX_BYTES:,} bytes)"]


def test_read_yaml_refuses_an_oversized_file_without_reading_it(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(3 * MAX_BYTES)  # sparse: reading it would be the bug
    with pytest.raises(FileInvalid) as caught:
        read_yaml(path)
    assert str(caught.value).startswith(f"{path}:1:1: the file is too large (6,291,456 bytes)")


def test_read_yaml_reports_a_missing_file_located(tmp_path):
    path = tmp_path / "gone.yaml"
    with pytest.raises(FileInvalid) as caught:
        read_yaml(path)
    assert str(caught.value) == f"{path}:1:1: cannot read the file: No such file or directory"


def test_read_yaml_names_problems_after_the_path(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n  b: 2\n", encoding="utf-8")
    with pytest.raises(FileInvalid) as caught:
        read_yaml(path)
    assert str(caught.value).startswith(f"{path}:2:4: invalid YAML")
