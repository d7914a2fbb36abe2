"""The import rules of pyproject.toml's [tool.importlinter], checked by import-linter.

model <- loader <- engine <- debrief <- ui <- commands: each layer imports only the
layers below it, and nothing below the UI imports Textual or Rich (tests/test_headless_core.py
also proves that importing the core never loads Textual).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wargame"

LINT = ("from importlinter.cli import lint_imports\n"
        "raise SystemExit(lint_imports(config_filename='pyproject.toml', no_cache=True,"
        " no_logo=True))\n")


def contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_every_import_rule_is_kept():
    result = subprocess.run([sys.executable, "-c", LINT], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_part_of_the_package_has_its_layer():
    """A new module or subpackage cannot escape the rules by not being named in them."""
    layers = next(c for c in contracts() if c["type"] == "layers")["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    parts = {f"wargame.{path.stem if path.is_file() else path.name}"
             for path in PACKAGE.iterdir()
             if (path.suffix == ".py" and path.stem != "__init__")
             or (path.is_dir() and (path / "__init__.py").exists())}
    assert parts == named


def test_nothing_below_the_ui_may_import_textual_or_rich():
    layers = next(c for c in contracts() if c["type"] == "layers")["layers"]
    below_ui = {name.strip() for layer in layers[layers.index("wargame.ui") + 1:]
                for name in layer.split("|")}
    forbidden = next(c for c in contracts() if c["type"] == "forbidden")
    assert set(forbidden["source_modules"]) == below_ui
    assert set(forbidden["forbidden_modules"]) == {"textual", "rich"}
