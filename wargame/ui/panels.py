"""The console's panels, in order: their keys (1-5) and titles.

Apart from the console's widgets so that the session screen can bind the keys before the
console (and everything it draws with) is imported, right after the first frame.
"""

PANELS = (
    ("ladder", "Ladder"),
    ("hotline", "Hotline"),
    ("msel", "MSEL"),
    ("moves", "Moves"),
    ("timeline", "Timeline"),
)
