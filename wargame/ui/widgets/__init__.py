"""Widgets of the exercise console and the plan, assess and adjust views."""
