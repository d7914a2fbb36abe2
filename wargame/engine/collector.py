"""Bulk work with the cyclic garbage collector paused.

Folding a long log, or building its export, allocates hundreds of thousands of small
records and containers and frees none of them until the work is done. Each time enough
have piled up, the collector scans every tracked object again, the growing state
included: a cost that grows with the square of the log. Pausing only defers: whatever
cycles the work leaves are found by the first collection after it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
