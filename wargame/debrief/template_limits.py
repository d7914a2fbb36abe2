"""Limits on debrief templates, so a trainer's ``--templates`` folder cannot hang or flood.

Jinja's sandbox keeps templates away from Python internals but not from spending time,
memory or disk: ``{{ 'a' * 4000000000 }}``, nested ``range`` loops, a macro calling itself,
or a symlink that makes ``{% include %}`` print a file outside the folder. Here:

* a loader that refuses any template whose real path lies outside its folder;
* a sandbox that checks a deadline on every call, filter, ``*`` and ``range`` step,
  refuses ``*`` and ``**`` results past a size, and refuses filter and method arguments
  that ask for huge strings (``center(4000000000)``);
* a renderer that streams the output and stops past a size or the deadline, with a timer
  signal as the backstop for loops that call nothing (main thread only).

Every refusal is a :class:`TemplateLimit` raised inside the template, so the caller can
say where in which file it happened.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from functools import wraps
from typing import Any, Iterator

import attrs
import jinja2
from jinja2 import FileSystemLoader
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment


@attrs.frozen
class Limits:
    seconds: float = 20.0
    output_chars: int = 64_000_000
    value_chars: int = 4_000_000  # the longest string or list one expression may build
    argument: int = 100_000  # the largest number a call or filter may be given (widths, counts)
    recursion: int = 60  # macro calls nested in each other


class TemplateLimit(jinja2.TemplateError):
    """A template went past a limit; the message says which."""


class TemplateOutsideFolder(jinja2.TemplateError):
    """A template name resolved (through a symlink or ``..``) outside its folder."""


class ContainedLoader(FileSystemLoader):
    """A FileSystemLoader that never follows a link out of its folder."""

    def get_source(self, environment, template):
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = os.path.join(folder, *pieces)
            if not os.path.lexists(candidate):
                continue
            root = os.path.realpath(folder)
            real = os.path.realpath(candidate)
            if os.path.commonpath([root, real]) != root:
                raise TemplateOutsideFolder(
                    f"template {template!r} in {folder} leads outside the templates folder "
                    f"(to {real}); links out of the folder are not followed")
            if not os.path.isfile(real):
                raise TemplateOutsideFolder(f"template {template!r} in {folder} is not a regular file")
        return super().get_source(environment, template)


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox with a deadline and size limits (see the module's docstring)."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.deadline = float("inf")
        self.depth = 0
        self.globals["range"] = self._range
        # lipsum(n) writes n paragraphs: a flood generator no report needs.
        self.globals.pop("lipsum", None)

    # -- the deadline -------------------------------------------------------------
    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"the template ran longer than {self.limits.seconds:g} s")

    def _range(self, *args: int) -> Iterator[int]:
        for value in args:
            self._check_argument(value)
        values = range(*args)
        if len(values) > 100_000:
            raise TemplateLimit("range() of more than 100000 items")
        return self._ticking(values)

    def _ticking(self, values) -> Iterator[int]:
        for value in values:
            self.check_time()
            yield value

    # -- sizes -------------------------------------------------------------------------
    def _check_argument(self, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > self.limits.argument:
            raise TemplateLimit(f"the number {value} is larger than a template may ask for "
                                f"({self.limits.argument})")

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 512:
                raise TemplateLimit(f"an exponent of {right} is larger than a template may use")
            return left ** right
        size = None
        if isinstance(left, (str, list, tuple)) and isinstance(right, int):
            size = len(left) * right
        elif isinstance(right, (str, list, tuple)) and isinstance(left, int):
            size = len(right) * left
        if size is not None and size > self.limits.value_chars:
            raise TemplateLimit(f"an expression would build {size} items; the limit is "
                                f"{self.limits.value_chars}")
        return left * right

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check_time()
        for value in list(args) + list(kwargs.values()):
            __self._check_argument(value)
        is_macro = isinstance(__obj, jinja2.runtime.Macro)
        if is_macro:
            __self.depth += 1
            if __self.depth > __self.limits.recursion:
                __self.depth = 0
                raise TemplateLimit(f"macros nested more than {__self.limits.recursion} deep "
                                    "(a macro calling itself without end?)")
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            if is_macro and __self.depth > 0:
                __self.depth -= 1

    def guard_filters(self) -> None:
        """Wrap every filter so huge numeric arguments and overruns stop it."""
        for name, function in list(self.filters.items()):
            self.filters[name] = self._guarded(function)

    def _guarded(self, function):
        @wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.check_time()
            for value in list(args[1:]) + list(kwargs.values()):
                self._check_argument(value)
            return function(*args, **kwargs)

        return guarded


class _Alarm(BaseException):
    """Raised by the timer signal inside a loop that calls nothing."""


@contextmanager
def _alarm(seconds: float):
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def ring(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds + 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_limited(env: LimitedSandbox, template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render ``template`` within ``env.limits``; a TemplateLimit names the overrun."""
    limits = env.limits
    env.deadline = time.monotonic() + limits.seconds
    env.depth = 0
    chunks: list[str] = []
    size = 0
    try:
        with _alarm(limits.seconds):
            stream = template.generate(**context)
            for count, chunk in enumerate(stream):
                size += len(chunk)
                chunks.append(chunk)
                if count & 255 and size <= limits.output_chars:
                    continue  # checking the clock on every chunk would cost more than the rest
                overrun = None
                if size > limits.output_chars:
                    overrun = TemplateLimit(f"the output grew past {limits.output_chars} characters")
                elif time.monotonic() > env.deadline:
                    overrun = TemplateLimit(f"the template ran longer than {limits.seconds:g} s")
                if overrun is not None:
                    # Thrown in where the template stands, so the traceback names its line.
                    stream.throw(overrun)
    except _Alarm as alarm:  # keep the template frames, so the caller can say where
        error = TemplateLimit(f"the template ran longer than {limits.seconds:g} s")
        raise error.with_traceback(alarm.__traceback__) from None
    finally:
        env.deadline = float("inf")
    return "".join(chunks)
