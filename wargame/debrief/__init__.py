"""The after-action debrief: HTML and Markdown reports rendered from a session.

:func:`render_debrief` is the one entry point (the ``wargame debrief`` command and the
terminal app's "Render debrief" use it). The view-model is built in :mod:`context`,
filtered per edition in :mod:`editions`, and rendered by sandboxed Jinja templates from
``debriefs/`` (or a trainer's folder) in :mod:`render`.
"""

from wargame.debrief.render import render_debrief

__all__ = ["render_debrief"]
