"""Names in the order people expect: the locale's collation, not code points.

"Émile" sorts among the E's and a new "Aaron" goes to the top, not after the CJK names.
Under the bare "C" locale (many test machines and minimal desktops) English collation
stands in, which still orders accented Latin letters with their base letter.
"""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt


@functools.cache
def _collator(locale_name: str, _thread: int) -> QCollator:
    locale = QLocale(locale_name)
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English)
    collator = QCollator(locale)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def name_collator() -> QCollator:
    """This thread's collator (a QCollator is reentrant, not shared between threads)."""
    return _collator(QLocale().name(), threading.get_ident())


def name_key(name: str) -> QCollatorSortKey:
    """A key that sorts `name` as the user's locale does (keys compare with <)."""
    return name_collator().sortKey(name)


def sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_key)
