"""How values read on screen: dates with their precision, short tooltips."""

from __future__ import annotations

from briefing.library.query import KIND_LABELS as KIND_PLURALS  # noqa: F401 - "People": one word, as the tree says

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: str | None) -> str:
    """'2021-06-21' -> '21 Jun 2021', '2021-06' -> 'Jun 2021', '2021' -> '2021', None -> ''."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            return f"{int(value[8:10])} {_MONTHS[int(value[5:7]) - 1]} {value[:4]}"
        if len(value) == 7:
            return f"{_MONTHS[int(value[5:7]) - 1]} {value[:4]}"
    except (ValueError, IndexError):
        pass
    return value


KIND_LABELS = {
    "event": "Event",
    "agreement": "Agreement",
    "person": "Person",
    "figure": "Figure",
    "topic": "Topic",
    "note": "Note",
}


def item_tooltip(row, counterpart: str) -> str:
    parts = [f"{KIND_LABELS.get(row.kind, row.kind)}: {row.label}"]
    facts = [x for x in (row.type, row.status, format_date(row.date)) if x]
    if facts:
        parts.append(" · ".join(facts))
    if counterpart:
        parts.append(f"Counterpart: {counterpart}")
    if row.edited:
        parts.append("✎ edited by you")
    n = len(row.source_ids)
    if n:
        parts.append(f"from {n} source{'s' if n != 1 else ''}")
    return "\n".join(parts)
