"""The domain model: rulebooks and scenarios as frozen attrs classes.

Nothing here imports a UI toolkit; the engine, the debrief and the terminal app all
share these types. Loading and validation live in :mod:`wargame.loader`.
"""

from wargame.model.conditions import (
    AllOf,
    AnyOf,
    ChannelCondition,
    Condition,
    ExpectationCondition,
    MoveCondition,
    PauseCondition,
    TurnCondition,
    When,
)
from wargame.model.durations import format_duration, parse_duration
from wargame.model.rulebook import (
    ADJUDICATION_MODES,
    TARGET_MODES,
    VISIBILITIES,
    Category,
    Jump,
    Ladder,
    MoveType,
    Rulebook,
    Rung,
    Threshold,
)
from wargame.model.scenario import (
    CAPABILITIES,
    METRICS,
    PHASE_ORDER,
    PHASES,
    ROLES,
    Channel,
    ChannelEffect,
    Clock,
    Delegation,
    Expectation,
    Inject,
    Measure,
    Objective,
    Scenario,
    ShiftEffect,
    StartRung,
    next_phase,
)

__all__ = [
    "ADJUDICATION_MODES", "TARGET_MODES", "VISIBILITIES", "METRICS", "PHASES", "ROLES",
    "CAPABILITIES", "PHASE_ORDER", "next_phase",
    "AllOf", "AnyOf", "ChannelCondition", "ExpectationCondition", "MoveCondition",
    "PauseCondition", "TurnCondition", "When",
    "Category", "Channel", "ChannelEffect", "Clock", "Condition", "Delegation", "Expectation",
    "Inject", "Jump", "Ladder", "Measure", "MoveType", "Objective", "Rulebook", "Rung",
    "Scenario", "ShiftEffect", "StartRung", "Threshold", "format_duration", "parse_duration",
]
