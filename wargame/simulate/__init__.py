"""``wargame simulate``: play a scenario many times with rule-based delegations.

Every run goes through the engine's own check and fold over an in-memory state (no
session file), so a simulated exercise follows exactly the rules of a real one.
"""
