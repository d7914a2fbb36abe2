"""The yardstick of bench_ui.py: a bare Textual app with a header and a footer.

Run as a script it opens alone, so its time from launch counts Textual's imports only.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
