"""The export's fast JSON writer writes exactly what json.dumps(indent=2, sort_keys=True,
ensure_ascii=False) writes, so exports stay byte for byte what they were."""

from __future__ import annotations

import json
import math

from hypothesis import given, strategies as st

from fixtures.engine.support import SCRIPTS
from wargame.engine import jsontext


def _standard(value) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


plain = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
         | st.text())
values = st.recursive(
    plain,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=5), children, max_size=5),
    max_leaves=25)


@given(values)
def test_any_value_is_written_as_json_writes_it(value):
    assert jsontext.dumps(value) == _standard(value)


def test_the_recorded_exports_are_written_byte_for_byte():
    for expected in sorted(SCRIPTS.glob("*.expected.json")):
        text = expected.read_text(encoding="utf-8")
        assert jsontext.dumps(json.loads(text)) + "\n" == text, expected.name


def test_odd_values_and_keys():
    value = {"b": [math.inf, -math.inf, math.nan, 1e16, -0.0, True, None],
             "a": {"route": ["x", "y"], "n": 1, "t": "é\u2028\"\\\n\x00"},
             1: "number key", "nested": [[], {}, [[1]], {"k": {}}], "tuple": (1, "2")}
    assert jsontext.dumps({str(k): v for k, v in value.items()}) == _standard(
        {str(k): v for k, v in value.items()})
    assert jsontext.dumps({2: "a", 1.5: "b"}) == _standard({2: "a", 1.5: "b"})
    assert jsontext.dumps({True: 1, False: 2}) == _standard({True: 1, False: 2})
    assert jsontext.dumps({None: 1}) == _standard({None: 1})


def test_text_that_looks_like_a_placeholder_is_left_alone():
    tricky = {"route": ["a", "b"], "text": "\ue0000\ue001", "other": "\ue0001\ue001",
              "path": ["c"]}
    assert jsontext.dumps(tricky) == _standard(tricky)
    assert jsontext.dumps([tricky, {"x": tricky}]) == _standard([tricky, {"x": tricky}])
