"""The ``wargame`` command line. Parsing only: each command lives in wargame.commands.<name>.

Exit codes (the contract): 0 success, 1 invalid input, 2 usage error. Users never see a
traceback; an unexpected failure is summarised and its traceback written to a log file.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from wargame.errors import WargameError
from wargame.schemas import KINDS
from wargame.printable import printable


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors, as we want
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wargame", description="Tabletop crisis-wargame facilitation.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("play", help="run or resume an exercise in the terminal app")
    p.add_argument("scenario", help="scenario id or path to a scenario file")
    p.add_argument("--session", help="session file (created when missing)")
    p.add_argument("--as", dest="as_", metavar="DELEGATION",
                   help="open a delegation's screen (or 'public' for the projector view)")
    p.add_argument("--choose-viewer", dest="as_", action="store_const", const=":choose",
                   help=argparse.SUPPRESS)  # wargame serve: ask who and the access code first

    p = sub.add_parser("validate", help="check scenario and rulebook files")
    p.add_argument("paths", nargs="+", metavar="PATH")

    p = sub.add_parser("run", help="play an exercise script headless")
    p.add_argument("scenario", help="scenario id or path")
    p.add_argument("--script", required=True, help="exercise script (YAML)")
    p.add_argument("--session", required=True, help="session file (appended to if it exists)")

    p = sub.add_parser("export", help="print a session as JSON")
    p.add_argument("session")
    p.add_argument("--as", dest="as_", metavar="DELEGATION",
                   help="only what this delegation (or 'public') may see")
    p.add_argument("-o", "--output", help="output file (default: standard output)")

    p = sub.add_parser("debrief", help="render the after-action debrief")
    p.add_argument("session")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--format", choices=("html", "md"), default=None,
                   help="html or md (default: from the output file's suffix, else html)")
    p.add_argument("--edition", choices=("full", "public"), default="full")
    p.add_argument("--templates", help="folder of templates overriding the bundled ones")

    p = sub.add_parser("trend", help="compare several sessions of one scenario (a course)")
    p.add_argument("sessions", nargs="+", metavar="SESSION",
                   help="session files, or one folder holding them")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--format", choices=("html", "md"), default=None,
                   help="html or md (default: from the output file's suffix, else html)")

    p = sub.add_parser("serve", help="serve the app to browsers")
    p.add_argument("scenario")
    p.add_argument("--session", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--public-url", help="the address browsers use, when behind a reverse proxy "
                                        "(default: http://HOST:PORT)")

    p = sub.add_parser("access", help="show the access-code log; lift a lockout")
    p.add_argument("session")
    p.add_argument("--unlock", metavar="VIEWER", help="lift this viewer's lockout")

    p = sub.add_parser("simulate", help="dry-run a scenario many times with rule-based "
                                        "delegations")
    p.add_argument("scenario", help="scenario id or path")
    p.add_argument("--policies", metavar="FILE", help="policy file (default: every "
                                                      "delegation random, every move approved)")
    p.add_argument("--runs", type=int, default=500, metavar="N", help="runs (default 500)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument("--jobs", type=int, metavar="J", help="processes (default: the cores)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="report file, .html or .json (default: JSON on standard output)")
    p.add_argument("--keep", type=int, default=0, metavar="K",
                   help="also save the first K runs as session files")

    p = sub.add_parser("schema", help="print the JSON Schema of a file kind")
    p.add_argument("kind", choices=KINDS)

    p = sub.add_parser("new", help="write a commented starter scenario")
    p.add_argument("scenario_id", metavar="SCENARIO-ID")
    p.add_argument("-o", "--output", help="file to write (default: scenarios/<id>.yaml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def _version() -> str:
    from wargame import __version__

    return f"wargame {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "home"
    module = importlib.import_module(f"wargame.commands.{command}")
    try:
        return int(module.run(args) or 0)
    except WargameError as error:
        print(f"wargame: {printable(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # noqa: BLE001 - the last line of defence against tracebacks
        from wargame.commands.running import write_crash_log

        log = write_crash_log(traceback.format_exc())
        print(f"wargame: internal error; details were written to {log}", file=sys.stderr)
        return 1
