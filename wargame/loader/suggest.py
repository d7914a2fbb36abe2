"""'Did you mean' hints: a typo should point at the word the author meant."""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Iterable

_MAX_LISTED = 12


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``, when one is close enough to be a likely typo."""
    if not isinstance(word, str):
        return None
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def hint(word: str, choices: Iterable[str], *, noun: str = "") -> str:
    """`` (did you mean 'x'?)`` or, with no close match, ``; expected one of: a, b, c``.

    ``noun`` (plural) names the choices when they are listed: ``; known delegations: a, b``.
    """
    choices = list(choices)
    match = closest(word, choices)
    if match is not None:
        return f" (did you mean '{match}'?)"
    if not choices:
        return f"; there are no {noun}" if noun else ""
    return f"; {'known ' + noun if noun else 'expected one of'}: {listing(choices)}"


def listing(choices: Iterable[str]) -> str:
    choices = list(choices)
    shown = ", ".join(choices[:_MAX_LISTED])
    if len(choices) > _MAX_LISTED:
        shown += f", ... ({len(choices) - _MAX_LISTED} more)"
    return shown


class Suggester:
    """``closest`` over one fixed set of choices, cheap even for thousands of misses.

    difflib compares a word with every choice; against thousands of ids (a large events
    list) and many misses that is quadratic. Here each distinct miss is computed once, and
    a large set is first narrowed to the choices sharing the most uncommon trigrams.
    """

    POOL = 60

    def __init__(self, choices: Iterable[str]):
        self.choices = list(choices)
        self._memo: dict[str, str | None] = {}
        self._index: dict[str, list[int]] | None = None

    def closest(self, word: str) -> str | None:
        if word not in self._memo:
            pool = self.choices if len(self.choices) <= self.POOL else self._pool(word)
            self._memo[word] = closest(word, pool)
        return self._memo[word]

    def _pool(self, word: str) -> list[str]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            for position, choice in enumerate(self.choices):
                for gram in _trigrams(choice):
                    index.setdefault(gram, []).append(position)
            common = len(self.choices) // 4  # a gram most ids share tells nothing apart
            self._index = {gram: hits for gram, hits in index.items() if len(hits) <= common}
        counts: Counter[int] = Counter()
        for gram in _trigrams(word):
            counts.update(self._index.get(gram, ()))
        return [self.choices[position] for position, _ in counts.most_common(self.POOL)]


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
