"""Who knows whom, as a picture: who is in it, how they are grouped, and that it draws."""

from __future__ import annotations

import datetime as dt
import math

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.reports.people_picture import known_pairs, people_picture

TODAY = dt.date(2026, 11, 23)


def _trusted_friend(journal: Journal, name: str) -> int:
    cid = journal.contacts.add(ContactFields(display_name=name, circle=15)).created_id or 0
    for k in range(12):
        journal.interactions.log(
            InteractionFields(
                (cid,),
                TODAY - dt.timedelta(days=5 + 20 * k),
                "meeting",
                minutes=180,
                depth=4,
                initiated_by="them",
            )
        )
        journal.ledger.add_favour(cid, "received", "help", TODAY - dt.timedelta(days=6 + 20 * k))
    return cid


def test_connections_sit_around_you_grouped_by_who_knows_whom(journal: Journal) -> None:
    ann, bob, cy = (_trusted_friend(journal, n) for n in ("Ann", "Bob", "Cy"))
    journal.contacts.add(ContactFields(display_name="Stranger"))  # no history: not in the picture
    journal.relationships.add(ann, bob, "colleague", TODAY)
    network = journal.health.network(TODAY)
    assert {c.classification for c in network.contacts if c.contact_id in (ann, bob, cy)} <= {
        "trusted",
        "connection",
    }
    picture = people_picture(network, known_pairs(journal))
    assert [n.name for n in picture.nodes][0] == "You" and picture.people == 3
    by_id = {n.contact_id: n for n in picture.nodes}
    assert by_id[ann].group == by_id[bob].group != by_id[cy].group and picture.groups == 2
    index = {n.contact_id: i for i, n in enumerate(picture.nodes)}
    assert picture.edges == (tuple(sorted((index[ann], index[bob]))),)
    for node in picture.nodes[1:]:
        radius = math.hypot(node.x, node.y)
        assert math.isclose(radius, 1.0 if node.kind == "trusted" else 1.7)


def test_the_picture_draws_and_an_empty_one_says_so(journal: Journal, qapp: object) -> None:
    from relationship_journal.reports.charts import LIGHT, render_chart
    from relationship_journal.reports.people_picture import PeoplePicture, people_picture_chart

    _trusted_friend(journal, "Ann")
    picture = people_picture(journal.health.network(TODAY), known_pairs(journal))
    drawn = render_chart(people_picture_chart, picture, 400, 300, 1.0, LIGHT)
    empty = render_chart(people_picture_chart, PeoplePicture((), (), 0), 400, 300, 1.0, LIGHT)
    assert drawn.size().width() == 400 and drawn != empty
