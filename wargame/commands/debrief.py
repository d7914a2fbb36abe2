"""``wargame debrief SESSION [-o FILE] [--format html|md] [--edition full|public] [--templates DIR]``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from wargame.errors import WargameError
from wargame.printable import printable

_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def output_format(requested: str | None, output: str | None) -> str:
    """--format wins; otherwise the output file's suffix; otherwise html."""
    if requested:
        return requested
    if output:
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "html")
    return "html"


def write_atomically(path: Path, text: str) -> None:
    """Write next to the target, then rename over it: readers never see half a report."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WargameError(f"cannot write {path}: no folder {folder}")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WargameError(f"cannot write {path}: {error.strerror or error}") from None


def run(args) -> int:
    from wargame.debrief import render_debrief
    from wargame.engine import Session

    fmt = output_format(args.format, args.output)
    if args.output and Path(args.output).resolve() == Path(args.session).resolve():
        raise WargameError(f"refusing to write the debrief over the session file {args.session}")
    if args.templates and not Path(args.templates).is_dir():
        raise WargameError(f"no templates folder at {args.templates}")
    with Session.open(args.session) as session:
        text = render_debrief(session, format=fmt, edition=args.edition, templates=args.templates)
    if not args.output:  # a terminal must not obey control characters from the log
        sys.stdout.write(printable(text))
        return 0
    target = Path(args.output)
    write_atomically(target, text)
    print(f"wrote the {args.edition} {fmt.upper()} debrief to {target}")
    return 0
