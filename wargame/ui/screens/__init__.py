"""Screens: home, session (plan / console / assess / adjust), help."""
