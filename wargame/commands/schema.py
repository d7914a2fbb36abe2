"""``wargame schema scenario|rulebook|script``: print a file format's JSON Schema."""

from __future__ import annotations

import argparse
import sys

from wargame.schemas import schema_text


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.kind))
    return 0
