"""``wargame trend SESSION... | FOLDER [-o FILE] [--format html|md]``: a course's sessions compared."""

from __future__ import annotations

import sys
from pathlib import Path

from wargame.commands.debrief import output_format, write_atomically


def run(args) -> int:
    from wargame.debrief.trend import render_trend

    fmt = output_format(args.format, args.output)
    text = render_trend(args.sessions, fmt)
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.suffix == ".wargame" or any(Path(s).resolve() == target.resolve() for s in args.sessions):
        from wargame.errors import WargameError

        raise WargameError(f"refusing to write the trend over a session file ({target})")
    write_atomically(target, text)
    print(f"wrote the {fmt.upper()} course trend to {target}")
    return 0
