"""Letting go of a whole network's figures without stopping the window.

Freeing 10,000 people's timelines and figures at once is one long run of C inside the
interpreter (about 110 ms at 10,000 contacts) that holds the GIL throughout: on the
GUI thread that is a frozen window, and on a worker it keeps the GUI thread from every
Python call it makes meanwhile. Taken apart a piece at a time on a worker, the pieces
are small and the GUI thread gets the GIL between them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject

from relationship_journal.gui.worker import Operation

EXPAND_BELOW_DEPTH = 3  # a network -> its people -> each person's parts; deeper parts are small


def release_in_background(parent: QObject, box: list[Any]) -> None:
    """Free what `box` holds on the worker pool. The box is emptied at once: the caller
    must hold no other reference (take the values out of their attributes first)."""
    pending: list[tuple[Any, int]] = [(item, 0) for item in box]
    box.clear()
    if pending:
        Operation(parent, lambda _progress: take_apart(pending)).run()


def take_apart(pending: list[tuple[Any, int]]) -> None:
    """Drop each object after moving its parts into `pending`, so each step frees little."""
    while pending:
        item, depth = pending.pop()
        if depth < EXPAND_BELOW_DEPTH:
            pending.extend((part, depth + 1) for part in _parts(item))
        del item


def _parts(item: Any) -> list[Any]:
    if isinstance(item, (tuple, list)):
        return list(item)
    if isinstance(item, dict):
        return list(item.values())
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [getattr(item, field.name) for field in dataclasses.fields(item)]
    return []
