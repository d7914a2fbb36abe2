"""Wording helpers for refusals, sharing the loader's "did you mean" hints."""

from __future__ import annotations

from typing import Iterable

from wargame.loader.suggest import hint, listing

__all__ = ["did_you_mean", "listing", "pair_text"]


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'crimson'?)``, or the choices when none is close."""
    return hint(word if isinstance(word, str) else repr(word), list(choices))


def pair_text(pair: Iterable[str]) -> str:
    return "–".join(pair)
