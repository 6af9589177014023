"""Introduction ideas come best first: the pairs `_best_pairs` picks, count by count and
name by name, are exactly the first of every pair ranked and sorted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relationship_journal.journal.introductions import _best_pairs

NAMES = ("Ana", "Ben", "Cleo", "Ana")  # a name shared by two people ties on name


@st.composite
def networks(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    count = draw(st.integers(2, 12))
    people = {cid: (draw(st.sampled_from(NAMES)), "goal", None, None, None) for cid in range(1, count + 1)}
    ids = sorted(people)
    groups = draw(st.lists(st.tuples(st.text("ab", min_size=1, max_size=2)), min_size=1, max_size=3, unique=True))
    by_terms, seekers_by_terms = {}, {}
    free = list(ids)
    for terms in groups:
        seekers = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
        seekers = [s for s in seekers if s in free]
        free = [s for s in free if s not in seekers]
        if not seekers:
            continue
        counts: dict[int, list[int]] = {}
        for helper in draw(st.lists(st.sampled_from(ids), max_size=len(ids), unique=True)):
            counts.setdefault(draw(st.integers(1, 3)), []).append(helper)
        for helpers in counts.values():
            helpers.sort(key=lambda h: (people[h][0], h))
        by_terms[terms], seekers_by_terms[terms] = counts, seekers
    known = {tuple(sorted(p)) for p in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids))))}
    contact_id = draw(st.none() | st.sampled_from(ids))
    return people, by_terms, seekers_by_terms, known, contact_id, draw(st.integers(0, 8))


@settings(max_examples=300, deadline=None)
@given(networks())
def test_the_best_pairs_are_the_first_of_all_pairs_ranked(network: tuple) -> None:  # type: ignore[type-arg]
    people, by_terms, seekers_by_terms, known, contact_id, limit = network
    every = sorted(
        (-count, people[seeker][0], people[helper][0], seeker, helper)
        for terms, counts in by_terms.items()
        for seeker in seekers_by_terms[terms]
        for count, helpers in counts.items()
        for helper in helpers
        if helper != seeker
        and (min(seeker, helper), max(seeker, helper)) not in known
        and (contact_id is None or contact_id in (seeker, helper))
    )
    expected = [(seeker, helper) for *_, seeker, helper in every[:limit]]
    asked: list[tuple[int, int]] = []

    def knows(a: int, b: int) -> bool:
        asked.append((a, b))
        return (a, b) in known

    assert _best_pairs(people, by_terms, seekers_by_terms, knows, contact_id, limit) == expected
    assert all(a < b for a, b in asked)  # each pair asked lower id first, as the journal is
