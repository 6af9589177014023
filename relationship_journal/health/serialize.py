"""Plain dicts for `relationship-journal health --json` (json.dumps them as they are)."""

from __future__ import annotations

from typing import Any

from .outputs import AskReadiness, ContactHealth, NetworkHealth


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def ask_to_json_dict(ask: AskReadiness) -> dict[str, Any]:
    return {
        "size": ask.size,
        "verdict": ask.verdict,
        "checks": [
            {"name": c.name, "passed": c.passed, "detail": c.detail, "action": c.action}
            for c in ask.checks
        ],
    }


def contact_to_json_dict(health: ContactHealth, with_asks: bool = True) -> dict[str, Any]:
    """One contact: the contract fields first (id, name, score, band, trust,
    classification, fade_date, components), then the extra evidence (and the readiness
    for each size of ask unless `with_asks` is False)."""
    figures = {
        "id": health.contact_id,
        "name": health.name,
        "score": _round(health.score),
        "display_score": health.display_score,
        "band": health.band,
        "trust": _round(health.trust),
        "classification": health.classification,
        "classification_reason": health.classification_reason,
        "fade_date": health.fade_date.isoformat() if health.fade_date else None,
        "fade_cause": health.fade_cause,
        "components": {
            c.name: {
                "score": _round(c.score),
                "weight": c.weight,
                "contribution": _round(c.contribution, 4),
                "display": c.display,
                "explanation": c.explanation,
                "interaction_ids": list(c.interaction_ids),
                **({"favour_ids": list(c.favour_ids)} if c.favour_ids else {}),
            }
            for c in health.components
        },
        "circle": health.circle,
        "observed_circle": health.observed_circle,
        "cadence_days": health.cadence_days,
        "effective_hours": _round(health.effective_hours),
        "giving_balance": _round(health.giving_balance),
        "last_interaction": health.last_interaction.isoformat()
        if health.last_interaction
        else None,
    }
    if with_asks:
        figures["asks"] = [ask_to_json_dict(a) for a in health.asks]
    return figures


def network_to_json_dict(network: NetworkHealth) -> dict[str, Any]:
    """The network figures without the per-contact list."""
    return {
        "breadth": network.breadth,
        "total_contacts": network.total_contacts,
        "depth": network.depth,
        "trusted": network.trusted,
        "dormant": network.dormant,
        "wide_deep_index": _round(network.wide_deep_index, 3),
        "verdict": network.verdict,
        "circles": {
            str(c.circle): {
                "count": c.count,
                "capacity": c.capacity,
                "observed": c.observed,
                "overloaded": c.overloaded,
            }
            for c in network.circles
        },
        "circle_warnings": list(network.circle_warnings),
        "mismatches": [
            {"id": m.contact_id, "name": m.name, "chosen": m.chosen, "observed": m.observed}
            for m in network.mismatches
        ],
        "attention": {
            "total_hours": _round(network.attention.total_hours),
            "top5_share": _round(network.attention.top5_share, 4),
            "top15_share": _round(network.attention.top15_share, 4),
            "effective_people": _round(network.attention.effective_people),
        },
        "fading_horizon_days": network.fading_horizon_days,
        "fading": [
            {
                "id": f.contact_id,
                "name": f.name,
                "fade_date": f.fade_date.isoformat(),
                "cause": f.cause,
                "cause_text": f.cause_text,
            }
            for f in network.fading
        ],
        "high_calibre": {
            "count": network.high_calibre.count,
            "connections": network.high_calibre.connections,
            "trusted": network.high_calibre.trusted,
            "mean_health": _round(network.high_calibre.mean_health),
        },
        "bands": dict(network.bands),
    }


def to_json_dict(
    network: NetworkHealth, contacts: list[ContactHealth] | None = None, with_asks: bool = True
) -> dict[str, Any]:
    """{as_of, contacts[], network}; pass `contacts` to list only some (e.g. --contact NAME)
    while the network figures still cover everyone."""
    shown = network.contacts if contacts is None else contacts
    return {
        "as_of": network.as_of.isoformat(),
        "contacts": [contact_to_json_dict(c, with_asks) for c in shown],
        "network": network_to_json_dict(network),
    }
