"""Measure importing a 10,000-contact vCard file, and the share of it spent inside vobject.

Not a test (timings do not belong in tests): run it by hand,

    python tests/exchange/bench_import.py [CONTACTS] [PHOTO_EVERY]

It makes a demo journal, exports it as vCard 4.0 (every contact with emails, phones,
birthday, tags and, for one in PHOTO_EVERY (default 10; 0 for none), a 20 kB photo), then imports that file into an
empty journal and a second time into the same journal (all unchanged), and prints
the times.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

import vobject

from relationship_journal import demo
from relationship_journal.exchange import plan as planning
from relationship_journal.exchange import vcard_normalize
from relationship_journal.exchange.vcard_write import write_vcard_file
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import everyone


class Stopwatch:
    """Total time spent inside one function, wherever it is called from."""

    def __init__(self, owner: object, name: str) -> None:
        self.owner, self.name, self.total = owner, name, 0.0
        self.original = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - start

        setattr(owner, name, timed)

    def restore(self) -> None:
        setattr(self.owner, self.name, self.original)


def main(contacts: int = 10_000, photo_every: int = 10) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        with Journal.open(base / "source") as source:
            demo.generate(source, contacts=contacts, interactions=0, seed=3)
            people = everyone(source)
        photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 80
        people = [
            dataclasses.replace(p, photo=photo) if photo_every and p.id % photo_every == 0 else p
            for p in people
        ]
        vcf = base / "contacts.vcf"
        write_vcard_file(people, vcf)
        print(f"{len(people):,} contacts, {vcf.stat().st_size / 1e6:.1f} MB of vCard 4.0")
        with Journal.open(base / "target") as target:
            for attempt in ("into an empty journal", "again (all unchanged)"):
                parser = Stopwatch(vobject, "readOne")
                cleaner = Stopwatch(vcard_normalize, "clean")
                reading = Stopwatch(planning, "read_vcards")
                start, cpu = time.perf_counter(), time.process_time()
                plan = planning.plan_import(target, [vcf])
                planned = time.perf_counter()
                planning.apply_import(target, plan)
                total = time.perf_counter() - start
                cpu = time.process_time() - cpu
                for watch in (parser, cleaner, reading):
                    watch.restore()
                print(
                    f"import {attempt}: {total:.2f} s total, {cpu:.2f} s of CPU ({plan.summary()}); "
                    f"reading the file {reading.total:.2f} s, of which vobject {parser.total:.2f} s "
                    f"({parser.total / total:.0%} of the whole import) and cleaning {cleaner.total:.2f} s; "
                    f"matching for the preview {planned - start - reading.total:.2f} s; "
                    f"matching again and writing {total - (planned - start):.2f} s"
                )


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
