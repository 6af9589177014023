"""The relationship-health model: pure functions from a contact log to explained figures.

Nothing here imports the rest of the project, Qt or a database: the journal layer
builds the plain inputs, and the GUI, reports, CLI and tests all read the same outputs.
See `design/health-model.md` for the research and the formulas.

    compute_network(logs, as_of, params=DEFAULTS) -> NetworkHealth   everyone + network figures
    compute_contact(log, as_of, params=DEFAULTS) -> ContactHealth    one contact (after an edit)
    summarise_network(contacts, as_of, params)   -> NetworkHealth    re-summarise after a swap
    build_timeline(log, params) -> Timeline; evaluate(timeline, as_of) -> ContactHealth
    trajectory(log, as_of, months=12, params)    -> (TrajectoryPoint, ...) month ends, oldest first
    to_json_dict(network, contacts=None)         -> dict for `health --json`
    touch_value(log, as_of, params)              -> TouchValue  what one touch today would buy

Pass each contact's interactions ordered by (date, id) (ORDER BY date, id): the model
checks the order and sorts only when needed, and results never depend on it.
"""

from .contact import compute_contact, evaluate
from .inputs import AskInput, ContactInput, ContactLog, FavourInput, InteractionInput
from .network import attention, compute_network, summarise_network, wide_deep_verdict
from .outputs import (
    AskCheck,
    AskReadiness,
    Attention,
    CalibreDepth,
    CircleMismatch,
    CircleOccupancy,
    Component,
    ContactHealth,
    FadingEntry,
    NetworkHealth,
    TrajectoryPoint,
)
from .parameters import COMPONENT_NAMES, DEFAULTS, Parameters
from .rounding import largest_remainder
from .serialize import contact_to_json_dict, network_to_json_dict, to_json_dict
from .timeline import Timeline, build_timeline
from .touch_value import TouchOption, TouchValue, touch_value
from .trajectory import month_ends, trajectory

__all__ = [
    "COMPONENT_NAMES",
    "DEFAULTS",
    "AskCheck",
    "AskInput",
    "AskReadiness",
    "Attention",
    "CalibreDepth",
    "CircleMismatch",
    "CircleOccupancy",
    "Component",
    "ContactHealth",
    "ContactInput",
    "ContactLog",
    "FadingEntry",
    "FavourInput",
    "InteractionInput",
    "NetworkHealth",
    "Parameters",
    "Timeline",
    "TouchOption",
    "TouchValue",
    "TrajectoryPoint",
    "attention",
    "build_timeline",
    "compute_contact",
    "compute_network",
    "contact_to_json_dict",
    "evaluate",
    "largest_remainder",
    "month_ends",
    "network_to_json_dict",
    "summarise_network",
    "to_json_dict",
    "touch_value",
    "trajectory",
    "wide_deep_verdict",
]
