"""Where scenarios, rulebooks, templates and sessions are found.

A scenario or rulebook is named either by a path or by its id. Ids are looked up in the
working directory's ``scenarios/`` and ``rulebooks/`` first (a trainer's own library),
then in the folders bundled with wargame (inside the installed package; see
wargame.bundled).
"""

from __future__ import annotations

import time
from pathlib import Path

from wargame import bundled
from wargame.errors import WargameError


def bundled_dir(kind: str) -> Path:
    """The bundled folder ``kind``: "scenarios", "rulebooks", "debriefs" or "schemas"."""
    return bundled.folder(kind)


def search_dirs(kind: str) -> list[Path]:
    """Folders searched for ``kind`` ("scenarios" or "rulebooks"), most local first."""
    dirs = [Path.cwd() / kind, bundled_dir(kind)]
    unique: list[Path] = []
    for folder in dirs:
        if folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique


def looks_like_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def resolve_scenario(name: str) -> Path:
    """A scenario file from a path or an id; a WargameError says where it looked."""
    if looks_like_path(name):
        path = Path(name)
        if not path.is_file():
            raise WargameError(f"no scenario file at {name}")
        return path
    tried = []
    for folder in search_dirs("scenarios"):
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
            tried.append(str(candidate))
    known = sorted({p.stem for d in search_dirs("scenarios") if d.is_dir() for p in d.glob("*.y*ml")})
    hint = f"; known scenarios: {', '.join(known)}" if known else ""
    raise WargameError(f"no scenario named {name!r} (looked for {', '.join(tried)}){hint}")


def find_by_id(name: str) -> Path | None:
    """The scenario, or else the rulebook, whose id is ``name``; None when there is none."""
    if looks_like_path(name):
        return None
    for kind in ("scenarios", "rulebooks"):
        for folder in search_dirs(kind):
            for suffix in (".yaml", ".yml"):
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file():
                    return candidate
    return None


def rulebook_candidates(ref: str, scenario_file: Path | None) -> list[Path]:
    """Where a scenario's ``rulebook:`` reference may point, in the order to try."""
    if looks_like_path(ref):
        base = scenario_file.parent if scenario_file else Path.cwd()
        return [base / ref]
    folders = []
    if scenario_file is not None:
        folders += [scenario_file.parent.parent / "rulebooks", scenario_file.parent / "rulebooks"]
    folders += search_dirs("rulebooks")
    return [folder / f"{ref}{suffix}" for folder in folders for suffix in (".yaml", ".yml")]


def known_rulebook_ids(scenario_file: Path | None) -> list[str]:
    ids = set()
    for candidate in rulebook_candidates("x", scenario_file):
        if candidate.parent.is_dir():
            ids.update(p.stem for p in candidate.parent.glob("*.y*ml"))
    return sorted(ids)


def sessions_dir() -> Path:
    return Path.cwd() / "sessions"


def new_session_path(scenario_id: str) -> Path:
    """A fresh session file name in the sessions folder, e.g. sessions/strait-incident-20261122-0930.wargame."""
    folder = sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{scenario_id}-{stamp}.wargame"
    counter = 2
    while path.exists():
        path = folder / f"{scenario_id}-{stamp}-{counter}.wargame"
        counter += 1
    return path
