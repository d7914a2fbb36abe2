"""``wargame new SCENARIO-ID [-o FILE] [--force]``: write a commented starter scenario."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from wargame.errors import WargameError
from wargame.output import OutputExists, write_output
from wargame.paths import bundled_dir
from wargame.schemas import schema_filename
from wargame.starter import is_valid_id, starter_scenario

# Where the schema lies relative to a file in the bundled scenarios/ folder.
DEFAULT_SCHEMA_REF = f"../schemas/{schema_filename('scenario')}"


def run(args: argparse.Namespace) -> int:
    scenario_id = args.scenario_id
    if not is_valid_id(scenario_id):
        raise WargameError(
            f"{scenario_id!r} is not a valid scenario id: use lowercase letters, digits and "
            "hyphens, starting with a letter or digit (for example river-incident)")
    path = _output_path(scenario_id, args.output)
    text = starter_scenario(scenario_id, _schema_ref(path))
    _write(path, text, force=args.force)
    shown = _shown(path)
    print(f"Wrote the starter scenario {scenario_id!r} to {shown}")
    print("Next steps:")
    print("  1. Edit it in your editor; the comments explain every key.")
    print(f"  2. wargame validate {shown}")
    print(f"  3. wargame play {shown}")
    return 0


def _output_path(scenario_id: str, output: str | None) -> Path:
    if output is None:
        return Path("scenarios") / f"{scenario_id}.yaml"
    path = Path(output)
    if path.is_dir():
        return path / f"{scenario_id}.yaml"
    if path.suffix not in (".yaml", ".yml"):
        raise WargameError(f"{output}: a scenario file must end in .yaml or .yml")
    if path.stem != scenario_id:
        # The contract: a scenario's id equals its file name.
        raise WargameError(
            f"{output}: the file name must match the scenario id; write it to "
            f"{path.with_name(scenario_id + path.suffix)} or run `wargame new {path.stem}`")
    return path


def _schema_ref(path: Path) -> str:
    """A link from the new file to the bundled scenario schema, for editors."""
    schema = bundled_dir("schemas") / schema_filename("scenario")
    if not schema.is_file():
        return DEFAULT_SCHEMA_REF
    try:
        relative = os.path.relpath(schema, path.parent.resolve())
    except ValueError:  # another drive on Windows: no relative path exists
        return schema.as_uri()
    return Path(relative).as_posix()


def _write(path: Path, text: str, *, force: bool) -> None:
    if path.exists() and not force:
        raise WargameError(f"{path} already exists; use --force to overwrite it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WargameError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        write_output(path, text, replace=force)
    except OutputExists:  # it appeared since the check above
        raise WargameError(f"{path} already exists; use --force to overwrite it") from None


def _shown(path: Path) -> str:
    """The path as the trainer should type it: relative to here when it is below here."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
