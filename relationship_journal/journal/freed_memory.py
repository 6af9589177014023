"""Give memory that a large piece of work freed back to the system.

Reading the whole network makes and drops hundreds of megabytes of short-lived buffers
(the rows' text, numpy columns, lists of rows). The C allocator on Linux (glibc) keeps
freed buffers in its heap for later use instead of returning them, and the Python
objects made afterwards come from memory of their own, so at 100,000 people the window
went on holding about 350 MiB it no longer used. `malloc_trim(0)` hands the free pages
back: a few milliseconds, during which ctypes lets other threads run. Where there is no
such call (macOS, Windows, other C libraries) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the program's own C library
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]  # the padding to leave at the top of the heap
    trim.restype = ctypes.c_int
    return trim


def give_back() -> bool:
    """Return the C heap's free pages to the system; True if there was a way to ask."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
