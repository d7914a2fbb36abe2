"""Fixtures shared by the test modules (helpers that are not fixtures live in *_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, made current: the sessions folder and a trainer's own
    scenarios/ and rulebooks/ live in the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
