"""Where the app's stylesheets are, and loading one when it is first needed.

Parsing a stylesheet is part of the cost of the first frame, so the app starts with
app.tcss alone: the session's views load views.tcss as they are built (just after the
first frame) and the forms load forms.tcss as screen CSS the first time one opens.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

UI = Path(__file__).resolve().parent
APP_CSS = UI / "app.tcss"
VIEWS_CSS = UI / "views.tcss"
FORMS_CSS = UI / "forms.tcss"


def load_stylesheet(app: App, *paths: Path) -> None:
    """Add stylesheets to a running app once (in the order given); later calls do nothing."""
    stylesheet = app.stylesheet
    new = [path for path in paths if not stylesheet.has_source(str(path))]
    if not new:
        return
    for path in new:
        stylesheet.read(path)
    stylesheet.reparse()  # sources already parsed come from the stylesheet's cache
    stylesheet.update(app)
