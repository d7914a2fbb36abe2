"""Headless core: no module of wargame outside wargame/ui/ imports textual.

Two checks, because each catches what the other misses: the source is scanned for any
import of textual (even one inside a function, which runs later), and every non-ui module
is imported in a fresh interpreter to prove that loading it does not pull textual in
through some other module.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wargame"
ENTRY_POINTS = {"wargame.__main__"}  # runs the command line when imported


def core_modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if relative.parts[:2] == ("wargame", "ui"):
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        modules[".".join(parts)] = path
    return modules


def textual_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [f"line {node.lineno}: {name}" for name in names
                  if name == "textual" or name.startswith("textual.")]
    return found


def test_the_scan_covers_the_core():
    modules = core_modules()
    assert {"wargame.yamlsource", "wargame.loader", "wargame.model", "wargame.cli"} <= set(modules)


def test_no_core_source_imports_textual():
    offenders = {name: hits for name, path in core_modules().items()
                 if (hits := textual_imports(path))}
    assert offenders == {}


def test_importing_every_core_module_leaves_textual_unloaded():
    names = sorted(set(core_modules()) - ENTRY_POINTS)
    script = (
        "import importlib, json, sys\n"
        f"failed = {{}}\n"
        f"for name in {names!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed[name] = repr(error)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(json.dumps({'failed': failed, 'textual': loaded[:5]}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}
    assert report["textual"] == []
