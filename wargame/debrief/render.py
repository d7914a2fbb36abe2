"""Jinja environments for the debrief and the one entry point that renders it.

Templates are looked up in a trainer's folder first (``--templates DIR``), then in the
bundled ``debriefs/``. Every template runs in Jinja's sandbox, so an override can shape the
report but cannot reach Python internals. HTML templates autoescape; Markdown templates
escape every value by default through ``finalize`` (see :mod:`markup`), so free text is
inert in both formats unless a template deliberately marks it safe.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Sequence

import jinja2
from jinja2 import ChoiceLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SecurityError

from wargame.errors import WargameError
from wargame.paths import bundled_dir
from wargame.debrief import charts
from wargame.debrief.template_limits import (
    ContainedLoader, LimitedSandbox, Limits, TemplateLimit, TemplateOutsideFolder, render_limited,
)
from wargame.debrief.markup import (
    MdSafe, markdown_for_markdown, markdown_to_html, md_block, md_finalize, md_inline,
)

FORMATS = ("html", "md")
ENTRY = {"html": "html/base.html.j2", "md": "md/base.md.j2"}


def bundled_templates() -> Path:
    return bundled_dir("debriefs")


def _loader(templates: str | Path | None) -> jinja2.BaseLoader:
    folders: list[Path] = []
    if templates is not None:
        folder = Path(templates)
        if not folder.is_dir():
            raise WargameError(f"no templates folder at {folder}")
        folders.append(folder)
    folders.append(bundled_templates())
    return ChoiceLoader([ContainedLoader(str(f)) for f in folders])


def _none_as_empty(value: Any) -> Any:
    return "" if value is None else value


def make_environment(fmt: str, templates: str | Path | None = None,
                     limits: Limits | None = None) -> LimitedSandbox:
    """The sandboxed environment for one output format, within ``limits``."""
    if fmt not in FORMATS:
        raise WargameError(f"unknown debrief format {fmt!r}; expected html or md")
    common = dict(loader=_loader(templates), undefined=StrictUndefined, trim_blocks=True,
                  lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False)
    if fmt == "html":
        env = LimitedSandbox(
            limits=limits, autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "svg", "html.j2"),
                                         default_for_string=True, default=True),
            finalize=_none_as_empty, **common)
        env.filters["markdown"] = markdown_to_html
        env.globals["ladder_chart"] = _ladder_chart
        env.globals["score_chart"] = _score_chart
        env.globals["heat_map"] = _heat_map
    else:
        env = LimitedSandbox(limits=limits, autoescape=False, finalize=md_finalize, **common)
        env.filters["md"] = md_inline
        env.filters["md_block"] = md_block
        env.filters["markdown"] = _markdown_block
        env.filters["cell"] = md_inline
    env.filters["plural"] = _plural
    env.guard_filters()
    return env


def _markdown_block(text: str, indent: int = 0, heading_offset: int = 2) -> MdSafe:
    """Trainer-written Markdown (briefings, inject texts) kept as Markdown, defused,
    optionally indented to sit inside a list item."""
    md = markdown_for_markdown(text, heading_offset=heading_offset)
    if indent:
        pad = " " * indent
        md = MdSafe("\n".join(pad + line if line else line for line in md.splitlines()))
    return md


def _plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


def _thresholds(scenario: dict[str, Any]) -> list[tuple[str, int]]:
    return [(t["name"], t["above_level"]) for t in scenario["thresholds"]]


def _ladder_chart(pair: dict[str, Any], scenario: dict[str, Any]) -> Any:
    from wargame.debrief.band_chart import ladder_chart

    return ladder_chart(
        title=f"Escalation, {pair['label']}",
        rungs=[r["name"] for r in scenario["rungs"]],
        thresholds=_thresholds(scenario),
        levels=pair["levels"],
        steps=pair.get("steps", ()),
        peak=(pair["peak_turn"], pair["peak_level"]),
    )


def _heat_map(exercise: dict[str, Any], scenario: dict[str, Any]) -> Any:
    from wargame.debrief.heat_map import heat_map

    return heat_map(title="Rung level of every pair after every turn",
                    rows=[{"label": p["label"], "levels": p["levels"], "inside": p["inside"]}
                          for p in exercise["pairs"]],
                    n_rungs=len(scenario["rungs"]), thresholds=_thresholds(scenario))


def _score_chart(scores: dict[str, Any]) -> Any:
    return charts.score_chart(
        title="Escalation score per delegation per turn",
        series=[(d["name"], d["values"]) for d in scores["delegations"]],
    )


def render_context(context: dict[str, Any], fmt: str = "html",
                   templates: str | Path | None = None, limits: Limits | None = None) -> str:
    """Render a view-model; template problems become a WargameError naming file and line."""
    return render_named(ENTRY[fmt], context, fmt, templates, limits)


def render_named(name: str, context: dict[str, Any], fmt: str = "html",
                 templates: str | Path | None = None, limits: Limits | None = None) -> str:
    """Render the template ``name`` (e.g. ``html/trend.html.j2``) with ``context``."""
    env = make_environment(fmt, templates, limits)
    try:
        template = env.get_template(name)
        text = render_limited(env, template, context)
    except TemplateOutsideFolder as error:
        raise WargameError(f"{_where(error)}: {error.message}") from None
    except TemplateLimit as error:
        raise WargameError(f"{_where(error)}: template stopped: {error.message}") from None
    except RecursionError as error:
        raise WargameError(f"{_where(error)}: template stopped: it calls itself too deeply "
                           "(a macro or include without an end?)") from None
    except MemoryError as error:
        raise WargameError(f"{_where(error)}: template stopped: it ran out of memory") from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name or 'template'}:{error.lineno}:1"
        raise WargameError(f"{where}: template syntax error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise WargameError(f"template {error.name!r} not found (looked in "
                           f"{_searched(templates)})") from None
    except SecurityError as error:
        raise WargameError(f"{_where(error)}: the template tried something the sandbox forbids: "
                           f"{error}") from None
    except jinja2.UndefinedError as error:
        raise WargameError(f"{_where(error)}: template error: {error}") from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError,
            AttributeError) as error:
        raise WargameError(f"{_where(error)}: template error: {error}") from None
    if fmt == "md":
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text


def _searched(templates: str | Path | None) -> str:
    folders = ([str(templates)] if templates else []) + [str(bundled_templates())]
    return " and ".join(folders)


def _where(error: BaseException) -> str:
    """The template file and line where a runtime error arose, from the traceback.

    Jinja maps compiled template frames back to the template's file and line, so the
    innermost frame whose file is a template is the place to point the trainer to.
    """
    tb = error.__traceback__
    where = "template"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith((".html", ".md", ".css")):
            line = tb.tb_lineno
            column = _column(filename, line, error)
            where = f"{filename}:{line}:{column}"
        tb = tb.tb_next
    return where


def _column(filename: str, line: int, error: BaseException) -> int:
    """Best effort: where on the line the offending name is written (1 otherwise)."""
    try:
        text = Path(filename).read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return 1
    for name in re.findall(r"'([^']+)'", str(error)):
        index = text.find(name)
        if index >= 0:
            return index + 1
    stripped = len(text) - len(text.lstrip())
    return stripped + 1


def render_debrief(session_or_state: Any, format: str = "html", edition: str = "full",
                   templates: str | Path | None = None,
                   earlier: Sequence[tuple[str, Any]] | None = None,
                   limits: Limits | None = None) -> str:
    """The debrief of a session (or of an ExerciseState) as HTML or Markdown text.

    Given a session, earlier sessions of the same scenario in its folder are found and
    compared against; given a bare state, pass ``earlier`` to compare.
    """
    from wargame.debrief.context import build_context
    from wargame.debrief.editions import EDITIONS
    from wargame.debrief.history import earlier_sessions

    if format not in FORMATS:
        raise WargameError(f"unknown debrief format {format!r}; expected html or md")
    if edition not in EDITIONS:
        raise WargameError(f"unknown edition {edition!r}; expected full or public")
    state = getattr(session_or_state, "state", session_or_state)
    path = getattr(session_or_state, "path", None)
    if earlier is None:
        earlier = earlier_sessions(Path(path), state) if path is not None else ()
    context = build_context(state, edition=edition, earlier=earlier)
    return render_context(context, format, templates, limits)


__all__ = ["FORMATS", "MdSafe", "make_environment", "render_context", "render_debrief"]
