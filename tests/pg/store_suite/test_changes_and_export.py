"""What the store tells its subscribers, what it notices of other connections, and what it exports."""

from __future__ import annotations

import json
import time

from briefing.library import Query
from tests.pg.store_suite.conftest import add, ids_of, labelled


def test_subscribers_hear_of_each_committed_step(store):
    heard = []
    unsubscribe = store.subscribe(heard.append)
    add(store, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(store, "event")[0]
    assert [c.what for c in heard] == ["sources-added", "items-added"] and len(heard[1].ids) == 3
    heard.clear()
    add(store, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    assert [c.what for c in heard] == ["sources-added", "items-changed"] and event_id in heard[1].ids
    assert heard[0].step == heard[1].step == "Import two.txt"
    store.edit(event_id, "location", "Oslo")
    assert ("items-changed", (event_id,), "Edit location") in [(c.what, c.ids, c.step) for c in heard]
    store.undo()
    assert heard[-1].what == "reset" and heard[-1].step == "Edit location"
    unsubscribe()
    store.redo()
    assert len([c for c in heard if c.what == "reset"]) == 1


def test_brief_changes_are_announced(store):
    heard = []
    store.subscribe(heard.append)
    brief = store.create_brief("Visit")
    add(store, "Alice Smith met Bob Jones on 2021-06-21.")
    [event] = ids_of(store, "event")
    store.set_picked(brief, [event], True)
    store.set_current_brief(brief)
    assert ("briefs", (brief,)) in [(c.what, c.ids) for c in heard]
    assert ("picks", (event,)) in [(c.what, c.ids) for c in heard]
    assert heard[-1].what == "briefs"


def _noticed(store, within: float = 5.0) -> bool:
    """Checked as the window checks, on a timer: a colleague's notice may take a moment to arrive."""
    deadline = time.monotonic() + within
    while not store.check_external_changes():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_changes_made_on_another_connection_are_noticed(backend):
    window, command_line = backend.open(), backend.open()
    heard = []
    window.subscribe(heard.append)
    assert window.check_external_changes() is False
    add(command_line, "Alice Smith met Bob Jones on 2021-06-21.")
    assert _noticed(window) and heard
    assert not window.check_external_changes()  # each change is told once
    event_id = ids_of(window, "event")[0]
    window.edit(event_id, "location", "Oslo")
    assert not window.check_external_changes()  # its own writes are announced as they happen
    assert command_line.undo() == "Edit location"
    assert _noticed(window) and window.item(event_id).fields["location"] is None


def test_export_csv_and_json(store, tmp_path):
    text = "Minister Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement."
    add(store, text, "notes/oslo.txt", "2021-06-22")
    add(store, "Łucja Nowak visited Poland on 2021-07-01.", "other/oslo.txt", "2021-07-02")
    event_id = store.query(Query(kind="event", text="bob"))[0]
    store.edit(event_id, "location", "Tromsø")
    store.add_note("Remember the fisheries file", title="Note")
    written = store.export_csv(tmp_path / "csv")
    assert {p.name for p in written} == {"events.csv", "people.csv", "agreements.csv", "notes.csv"}
    events_csv = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8-sig")
    assert "Tromsø" in events_csv and "yes" in events_csv and "Alice Smith; Bob Jones" in events_csv
    out = store.export_json(tmp_path / "out.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = data["documents"]
    assert [d["id"] for d in docs] == ["oslo", "oslo-2"]
    [event] = docs[0]["events"]
    assert event["location"] == "Tromsø" and event["plover"] == {"type": None, "mode": None}
    assert event["evidence"][0]["text"] == text[event["evidence"][0]["start"]:event["evidence"][0]["end"]]
    assert docs[1]["people"][0]["name"] == "Łucja Nowak"
    assert docs[0]["library_ids"]["event"] == [event_id]
    assert data["unsourced"][0]["text"] == "Remember the fisheries file"


def test_an_export_holds_each_source_once_with_the_items_it_gave(store, tmp_path):
    texts = {"one.txt": "Alice Smith met Bob Jones on 2021-06-21.", "two.txt": "Bob Jones met Alice Smith on 2021-06-21."}
    for n, (path, text) in enumerate(texts.items()):
        add(store, text, path, f"2021-06-2{n + 2}")
    smith = labelled(store, "Alice Smith")[0]
    data = json.loads(store.export_json(tmp_path / "x.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == ["one", "two"]
    for doc in data["documents"]:
        assert doc["library_ids"]["person"].count(smith) == 1 and len(doc["events"]) == 1
        for person in doc["people"]:  # each document quotes its own text only
            assert all(texts[doc["path"]][e["start"]:e["end"]] == e["text"] for e in person["evidence"])
