"""A background thread that does one small job every few seconds, until stopped.

Screens poll the session file and heartbeat all the time, so an idle screen must cost next
to nothing: one long-lived thread sleeping on an event, rather than a new worker thread
(and its bookkeeping) for every look. Results go back to the UI with ``post_message`` or
``call_from_thread``, which are safe from any thread.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable

# Seconds between looks for other processes' events (a PRAGMA when nothing changed, so a
# short wait costs next to nothing at rest and bounds how late an event shows).
POLL_INTERVAL = 0.25


class Ticker:
    def __init__(self, interval: float, step: Callable[[], None], *, name: str,
                 on_error: Callable[[BaseException], None] | None = None,
                 at_once: bool = False) -> None:
        self.interval = interval
        self._step = step
        self._on_error = on_error
        self._at_once = at_once
        self._stopping = threading.Event()
        # The caller's context (Textual's active app) goes with the thread.
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(self._run,), name=name,
                                        daemon=True)

    def start(self) -> "Ticker":
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self._stopping.is_set()

    def _run(self) -> None:
        if self._at_once and not self._once():
            return
        while not self._stopping.wait(self.interval):
            if not self._once():
                return

    def _once(self) -> bool:
        try:
            self._step()
        except Exception as error:  # noqa: BLE001 - reported, then the ticker stops
            if not self._stopping.is_set() and self._on_error is not None:
                self._on_error(error)
            return False
        return True

    def stop(self, timeout: float = 5.0) -> None:
        """Stop and wait for a step under way to end (so the session can close after)."""
        self._stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
