"""``wargame debrief SESSION [-o FILE] [--format html|md] [--edition full|public] [--templates DIR]``."""

from __future__ import annotations

import sys
from pathlib import Path

from wargame.errors import WargameError
from wargame.output import STANDARD_OUTPUT, write_output
from wargame.printable import printable

_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def output_format(requested: str | None, output: str | None) -> str:
    """--format wins; otherwise the output file's suffix; otherwise html."""
    if requested:
        return requested
    if output:
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "html")
    return "html"


def warn_skipped(path: Path, why: str) -> None:
    """A damaged session beside this one was left out of the look back."""
    print(f"wargame: warning: skipped {path} while looking for the previous session: {why}",
          file=sys.stderr)


def run(args) -> int:
    from wargame.debrief import render_debrief
    from wargame.debrief.history import earlier_sessions
    from wargame.engine import Session
    from wargame.engine.collector import collector_paused

    fmt = output_format(args.format, args.output)
    output = args.output or STANDARD_OUTPUT
    if args.templates and not Path(args.templates).is_dir():
        raise WargameError(f"no templates folder at {args.templates}")
    with Session.open(args.session, read_only=True) as session, collector_paused():
        earlier = earlier_sessions(session.path, session.state, on_skip=warn_skipped)
        text = render_debrief(session, format=fmt, edition=args.edition,
                              templates=args.templates, earlier=earlier)
    if output == STANDARD_OUTPUT:  # a terminal must not obey control characters from the log
        text = printable(text)
    if write_output(output, text, source=Path(args.session)):
        print(f"wrote the {args.edition} {fmt.upper()} debrief to {output}")
    elif output != STANDARD_OUTPUT:  # a device or pipe: keep standard output for the text
        print(f"wrote the {args.edition} {fmt.upper()} debrief to {output}", file=sys.stderr)
    return 0
