"""``wargame trend SESSION... | FOLDER [-o FILE] [--format html|md]``: a course's sessions compared."""

from __future__ import annotations

import sys
from pathlib import Path

from wargame.commands.debrief import output_format
from wargame.output import write_output


def run(args) -> int:
    from wargame.debrief.trend import render_trend

    fmt = output_format(args.format, args.output)
    text = render_trend(args.sessions, fmt)
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.suffix == ".wargame":
        from wargame.errors import WargameError

        raise WargameError(f"refusing to write the trend over a session file ({target})")
    wrote = write_output(target, text, source=[Path(s) for s in args.sessions])
    print(f"wrote the {fmt.upper()} course trend to {target}",
          file=sys.stdout if wrote else sys.stderr)
    return 0
