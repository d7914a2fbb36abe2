"""Bare ``wargame``: the terminal app's home screen (scenarios to start, sessions to resume)."""

from __future__ import annotations


def run(args) -> int:
    from wargame.ui.app import create_app  # Textual loads only when the app really opens

    from wargame.commands.running import run_app

    return run_app(create_app())
