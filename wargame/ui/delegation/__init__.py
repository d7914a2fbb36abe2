"""Screens for delegations, observers and the projector, and the browser's first screen."""
