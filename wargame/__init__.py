"""wargame: tabletop crisis-wargame facilitation for confidence-building exercises."""

__version__ = "0.1.0"
