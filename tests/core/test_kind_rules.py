"""Which statuses each kind allows, and what an item added by hand starts with."""

import datetime as dt
from types import SimpleNamespace

import pytest

from briefing.library.kind_rules import allows_status, new_item_fields, split_by_status, statuses_for
from briefing.model import AGREEMENT_STATUSES, EVENT_STATUSES


def test_statuses_follow_the_kind():
    assert statuses_for("event") == EVENT_STATUSES and statuses_for("agreement") == AGREEMENT_STATUSES
    assert statuses_for("person") == ()
    assert allows_status("event", "held") and not allows_status("event", "signed")
    assert allows_status("agreement", "signed") and not allows_status("person", "held")


def test_a_status_is_set_only_where_the_kind_allows_it():
    rows = [SimpleNamespace(id=1, kind="event"), SimpleNamespace(id=2, kind="agreement"),
            SimpleNamespace(id=3, kind="person")]
    assert split_by_status(rows, "held") == ([1], [2, 3])
    assert split_by_status(rows, "signed") == ([2], [1, 3])


def test_new_items_are_dated_today_with_a_status_their_kind_allows():
    day = dt.date(2026, 12, 2)
    event, agreement = new_item_fields("event", day), new_item_fields("agreement", day)
    assert event["date"] == agreement["date"] == "2026-12-02"
    assert allows_status("event", event["status"]) and allows_status("agreement", agreement["status"])
    with pytest.raises(ValueError):
        new_item_fields("person", day)
