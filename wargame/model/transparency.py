"""A scenario's transparency charter: what the fixed rules leave to the scenario.

The fixed rules (levels, adjudication, retraction) live in :mod:`wargame.engine.visibility`;
this record holds the few choices a scenario may make, each with its default.
"""

from __future__ import annotations

import attrs

RELAY_VIEWS = ("text", "passage")


@attrs.frozen
class Transparency:
    # Observers see the rungs of every pair (the situation everyone is in).
    observers_see_ladder: bool = True
    # A delegation relaying a hotline message sees its text ("text") or only that it
    # passed through ("passage": who, to whom, when; no text).
    relay_sees: str = "text"
    # The public debrief carries each delegation's objectives and red lines.
    public_objectives: bool = True
    # The public (projector, public debrief) sees counts and timings of hotline traffic.
    public_hotline_counts: bool = True
    # Everyone (other delegations, observers, the projector, the public debrief) sees a
    # pause moment once it is accepted; otherwise only those it concerns (its parties and
    # a mediator who brokered it) do.
    public_pauses: bool = False

    def as_dict(self) -> dict[str, object]:
        return attrs.asdict(self)


DEFAULT = Transparency()
