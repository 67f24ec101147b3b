"""The library as a user meets it: what goes in comes out, sources are joined, edits stay, undo works."""

from __future__ import annotations

import json

import pytest

from briefing.library import Library, LibraryError, NotFound, Query
from briefing.model import Event, Evidence, Extraction, Person
from tests.core.test_library_fakes import extract_one, fake_extract, source, write


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite3", seed=False)
    yield library
    library.close()


def add(lib, text, path="s.txt", date=None, extraction=None):
    src = source(text, path=path, date=date)
    return lib.add_source(src, extraction or extract_one(src))


def ids_of(lib, kind):
    return lib.query(Query(kind=kind))


def test_round_trip_keeps_source_items_and_evidence(tmp_path):
    path = tmp_path / "lib.sqlite3"
    text = ("Minister Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement. "
            "Trade grew 12 percent last year. Talks were about fisheries.")
    with Library.open(path, seed=False) as lib:
        source_id, new = add(lib, text, path="oslo.txt", date="2021-06-22")
        assert new
    with Library.open(path, seed=False) as lib:
        record = lib.source(source_id)
        assert record.text == text and record.date == "2021-06-22" and record.item_count == 6
        [event] = lib.items(ids_of(lib, "event"))
        assert event.fields["type"] == "meeting" and event.fields["date"] == "2021-06-21"
        assert event.fields["participants"] == ["Alice Smith", "Bob Jones"]
        assert event.source_ids == [source_id]
        [agreement] = lib.items(ids_of(lib, "agreement"))
        assert agreement.fields["title"] == "Fisheries Agreement"
        [figure] = lib.items(ids_of(lib, "figure"))
        assert figure.fields["value"] == 12 and figure.fields["unit"] == "percent"
        people = {p.fields["name"]: p for p in lib.items(ids_of(lib, "person"))}
        assert people["Alice Smith"].fields["title"] == "Minister"
        for item in lib.items(lib.query()):
            assert item.evidence, item
            for ev in item.evidence:
                assert record.text[ev.start:ev.end] == ev.text


def test_misplaced_evidence_is_found_again_and_missing_dropped(lib):
    text = "Alice Smith visited Norway on 2021-06-22."
    extraction = Extraction(people=[Person("Alice Smith", evidence=[Evidence(5, 16, "Alice Smith"),
                                                                    Evidence(0, 3, "not in the text")])])
    add(lib, text, extraction=extraction)
    [person] = lib.items(lib.query())
    assert [(e.start, e.end, e.text) for e in person.evidence] == [(0, 11, "Alice Smith")]


def test_same_bytes_under_another_name_are_already_present(lib, tmp_path):
    a = write(tmp_path / "in", "a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    b = write(tmp_path / "in", "copy of a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    report = lib.import_paths([a], extract=fake_extract)
    assert report.imported == [str(a)]
    report = lib.import_paths([b, tmp_path / "missing.txt"], extract=fake_extract)
    assert report.imported == [] and report.present == [str(b)]
    assert [f.path for f in report.failed] == [str(tmp_path / "missing.txt")]
    assert "not found" in report.failed[0].reason
    assert len(lib.sources()) == 1 and len(ids_of(lib, "event")) == 1


def test_duplicates_are_skipped_before_extracting(lib, tmp_path):
    a = write(tmp_path, "a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    lib.import_paths([a], extract=fake_extract)
    extracted = []

    def spy(sources):
        extracted.extend(s.path for s in sources)
        return fake_extract(sources)

    b = write(tmp_path, "b.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    c = write(tmp_path, "c.txt", "Carol King met Dan Brown on 2021-06-21.")
    report = lib.import_paths([b, c], extract=spy)
    assert extracted == [str(c)] and report.present == [str(b)]


def test_two_wordings_of_one_meeting_give_one_item_with_evidence_from_each(lib):
    s1, _ = add(lib, "Minister Alice Smith met Bob Jones in Oslo on 2021-06-21.", "one.txt", "2021-06-22")
    s2, _ = add(lib, "Bob Jones received Smith on 2021-06-21.", "two.txt", "2021-06-23")
    [event] = lib.items(ids_of(lib, "event"))
    assert sorted(event.source_ids) == [s1, s2]
    assert {e.source_id for e in event.evidence} == {s1, s2}
    # The people were recognised as the same two: "Smith" joined "Alice Smith" as an alias.
    people = lib.items(ids_of(lib, "person"))
    assert sorted(p.fields["name"] for p in people) == ["Alice Smith", "Bob Jones"]
    alice = next(p for p in people if p.fields["name"] == "Alice Smith")
    assert "Smith" in alice.fields["aliases"]


def test_two_different_meetings_on_the_same_day_stay_two(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(lib, "Alice Smith met Carol King on 2021-06-21.", "two.txt")
    events = lib.items(ids_of(lib, "event"))
    assert sorted(sorted(e.fields["participants"]) for e in events) == [
        ["Alice Smith", "Bob Jones"], ["Alice Smith", "Carol King"]]


def test_same_people_on_different_days_or_kinds_are_different_events(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(lib, "Alice Smith met Bob Jones on 2021-09-02.", "two.txt")
    add(lib, "Alice Smith visited Norway on 2021-06-21.", "three.txt")
    assert len(ids_of(lib, "event")) == 3


def test_month_precision_date_joins_the_day(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(lib, "Alice Smith held talks with Bob Jones on 2021-06.", "two.txt")
    [event] = lib.items(ids_of(lib, "event"))
    assert event.fields["date"] == "2021-06-21" and len(event.source_ids) == 2


def test_an_undated_report_of_the_same_two_people_joins_the_dated_meeting_whatever_the_order(lib):
    add(lib, "Alice Smith met Bob Jones.", "undated-first.txt")
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "dated.txt")
    add(lib, "Alice Smith held talks with Bob Jones.", "undated-after.txt")
    add(lib, "Alice Smith met Bob Jones on 2022-06-21.", "next-year.txt")  # a year on: another meeting
    events = lib.items(ids_of(lib, "event"))
    assert sorted(len(e.source_ids) for e in events) == [1, 3]


def test_a_minister_with_many_meetings_gets_each_new_report_joined_to_the_right_one(lib):
    for day in range(1, 21):
        add(lib, f"Alice Smith met Bob Jones on 2021-03-{day:02d}.", f"a{day}.txt")
    add(lib, "Bob Jones received Alice Smith on 2021-03-07.", "again.txt")
    events = lib.items(ids_of(lib, "event"))
    assert len(events) == 20
    [joined] = [e for e in events if len(e.source_ids) == 2]
    assert joined.fields["date"] == "2021-03-07"


def test_one_source_never_merges_its_own_items(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21. Alice Smith met Bob Jones on 2021-06-21.")
    assert len(ids_of(lib, "event")) == 2


def test_a_person_keeps_every_title_with_its_date(lib):
    e1 = Extraction(people=[Person("Alice Smith", title="Deputy Minister", country="NO",
                                   evidence=[Evidence(0, 11, "Alice Smith")])])
    e2 = Extraction(people=[Person("Alice Smith", title="Foreign Minister", country="NO", aliases=["Ms Smith"],
                                   evidence=[Evidence(0, 11, "Alice Smith")])])
    add(lib, "Alice Smith spoke.", "a.txt", "2019-01-05", e1)
    add(lib, "Alice Smith spoke again.", "b.txt", "2023-03-01", e2)
    add(lib, "Alice Smith spoke once more.", "c.txt", "2024-01-09", e2)
    [person] = lib.items(ids_of(lib, "person"))
    assert person.fields["title"] == "Foreign Minister" and person.fields["country"] == "NO"
    assert person.fields["aliases"] == ["Ms Smith"]
    assert [(t["title"], t["date"], t.get("last")) for t in person.machine["titles"]] == [
        ("Deputy Minister", "2019-01-05", None), ("Foreign Minister", "2023-03-01", "2024-01-09")]


def test_a_lone_surname_of_another_country_is_someone_else(lib):
    add(lib, "x", "a.txt", extraction=Extraction(people=[Person("Lee Hsien Loong", country="SG")]))
    add(lib, "y", "b.txt", extraction=Extraction(people=[Person("Lee", country="KR")]))
    add(lib, "z", "c.txt", extraction=Extraction(people=[Person("Lee Kuan Yew", country="SG")]))
    assert len(ids_of(lib, "person")) == 3


def test_the_same_agreement_from_two_sources_is_one(lib):
    add(lib, "Both sides signed the Fisheries Cooperation Agreement.", "a.txt")
    add(lib, "Ministers signed the Fisheries Cooperation Agreement.", "b.txt")
    add(lib, "They signed the Education Memorandum.", "c.txt")
    agreements = lib.items(ids_of(lib, "agreement"))
    assert sorted(len(a.source_ids) for a in agreements) == [1, 2]


def test_user_merge_and_split_of_a_wrong_merge(lib):
    s1, _ = add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    s2, _ = add(lib, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    [event] = lib.items(ids_of(lib, "event"))
    moved = [e.id for e in event.evidence if e.source_id == s2]
    new_id = lib.split(event.id, moved)
    assert lib.undo_name() == "Split event"
    old, new = lib.item(event.id), lib.item(new_id)
    assert old.source_ids == [s1] and new.source_ids == [s2]
    assert [e.id for e in new.evidence] == moved
    assert new.fields["participants"]
    with pytest.raises(ValueError, match="at least one"):
        lib.split(event.id, [e.id for e in old.evidence])
    kept = lib.merge([event.id, new_id])
    assert kept == event.id and lib.undo_name() == "Merge 2 events"
    merged = lib.item(event.id)
    assert sorted(merged.source_ids) == [s1, s2] and len(merged.evidence) == 2
    with pytest.raises(NotFound):
        lib.item(new_id)
    assert lib.undo() == "Merge 2 events"
    assert lib.item(new_id).source_ids == [s2]
    assert lib.undo() == "Split event"
    assert sorted(lib.item(event.id).source_ids) == [s1, s2]


def test_merging_people_gathers_aliases_and_updates_events(lib):
    add(lib, "x", "a.txt", extraction=Extraction(people=[Person("Vivian Balakrishnan", country="SG")]))
    add(lib, "y", "b.txt", extraction=Extraction(people=[Person("Dr Vivian", country="SG", aliases=["Dr V"])]))
    first, second = sorted(ids_of(lib, "person"))
    lib.merge([first, second])
    person = lib.item(first)
    assert person.fields["name"] == "Vivian Balakrishnan"
    assert set(person.fields["aliases"]) >= {"Dr Vivian", "Dr V"}
    assert len(person.source_ids) == 2


def test_merge_refuses_items_of_different_kinds(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    with pytest.raises(ValueError, match="same kind"):
        lib.merge([ids_of(lib, "event")[0], ids_of(lib, "person")[0]])


def test_a_user_edit_survives_reextraction(lib):
    text = "Alice Smith met Bob Jones in Oslo on 2021-06-21."
    source_id, _ = add(lib, text)
    [event_id] = ids_of(lib, "event")
    lib.edit(event_id, "location", "Bergen")
    lib.edit(event_id, "summary", "First meeting since 2019")
    assert lib.item(event_id).edits == {"location": "Bergen", "summary": "First meeting since 2019"}
    lib.reextract(source_id, extract_one(source(text)))
    [again] = lib.items(ids_of(lib, "event"))
    assert again.id == event_id
    assert again.fields["location"] == "Bergen" and again.machine["location"] == "Oslo"
    assert lib.rows([event_id])[0].edited
    for ev in again.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_reextraction_that_loses_an_edited_item_keeps_it(lib):
    text = "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement."
    source_id, _ = add(lib, text)
    [agreement_id] = ids_of(lib, "agreement")
    [event_id] = ids_of(lib, "event")
    lib.edit(agreement_id, "status", "renewed")
    lib.reextract(source_id, Extraction())  # the new extraction finds nothing
    assert lib.item(agreement_id).fields["status"] == "renewed"
    with pytest.raises(NotFound):
        lib.item(event_id)
    assert lib.undo() == "Re-extract s.txt"
    assert lib.item(event_id).source_ids == [source_id]


def test_reextraction_keeps_a_split_apart(lib):
    s1, _ = add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    text2 = "Bob Jones met Alice Smith on 2021-06-21."
    s2, _ = add(lib, text2, "two.txt")
    [event] = lib.items(ids_of(lib, "event"))
    new_id = lib.split(event.id, [e.id for e in event.evidence if e.source_id == s2])
    lib.reextract(s2, extract_one(source(text2, "two.txt")))
    assert lib.item(new_id).source_ids == [s2] and lib.item(event.id).source_ids == [s1]


def test_edits_are_checked(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21. Trade grew 12 percent last year.")
    event_id = ids_of(lib, "event")[0]
    with pytest.raises(ValueError, match="no field 'colour'"):
        lib.edit(event_id, "colour", "red")
    with pytest.raises(ValueError, match="one of visit"):
        lib.edit(event_id, "type", "party")
    with pytest.raises(ValueError, match="ISO date"):
        lib.edit(event_id, "date", "21 June")
    with pytest.raises(ValueError, match="number"):
        lib.edit(ids_of(lib, "figure")[0], "value", "twelve")
    with pytest.raises(NotFound):
        lib.edit(9999, "type", "visit")
    lib.edit(event_id, "participants", "Alice Smith, Carol King")
    assert lib.item(event_id).fields["participants"] == ["Alice Smith", "Carol King"]
    lib.edit(event_id, "type", "meeting")  # the machine's own value: not an edit
    assert "type" not in lib.item(event_id).edits


def test_undo_redo_and_a_new_step_clears_redo(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(lib, "event")[0]
    lib.edit(event_id, "location", "Oslo")
    lib.edit(event_id, "status", "planned")
    assert lib.undo_name() == "Edit status"
    assert lib.undo() == "Edit status"
    assert lib.item(event_id).fields["status"] == "held"
    assert lib.redo_name() == "Edit status"
    assert lib.redo() == "Edit status"
    assert lib.item(event_id).fields["status"] == "planned"
    assert lib.undo() == "Edit status" and lib.undo() == "Edit location"
    assert lib.item(event_id).fields["location"] is None
    lib.add_note("Call the embassy", title="To do")
    assert lib.redo_name() is None and lib.redo() is None


def test_undo_history_lives_in_the_file(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
        event_id = ids_of(lib, "event")[0]
        lib.edit(event_id, "location", "Oslo")
    with Library.open(path, seed=False) as lib:
        assert lib.undo() == "Edit location"
        assert lib.item(event_id).fields["location"] is None
    with Library.open(path, seed=False) as lib:
        assert lib.redo() == "Edit location"
        assert lib.item(event_id).fields["location"] == "Oslo"


def test_an_import_is_one_undoable_step_and_undo_restores_merged_items(lib, tmp_path):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.", "first.txt")
    [event_id] = ids_of(lib, "event")
    files = [write(tmp_path, "a.txt", "Bob Jones met Alice Smith on 2021-06-21."),
             write(tmp_path, "b.txt", "Carol King visited Norway on 2021-06-25.")]
    lib.import_paths(files, extract=fake_extract)
    assert lib.undo_name() == "Import 2 sources"
    assert len(lib.item(event_id).source_ids) == 2
    assert lib.undo() == "Import 2 sources"
    assert len(lib.sources()) == 1 and len(lib.item(event_id).source_ids) == 1
    assert lib.search("carol") == [] and len(ids_of(lib, "event")) == 1
    assert lib.redo() == "Import 2 sources"
    assert len(lib.sources()) == 3 and len(lib.item(event_id).source_ids) == 2
    assert lib.search("carol")


def test_deleting_items_and_undoing_brings_back_evidence_and_picks(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(lib, "event")[0]
    brief = lib.create_brief("Visit")
    lib.set_picked(brief, [event_id], True)
    before = lib.item(event_id)
    lib.delete_items([event_id])
    assert lib.picked_ids(brief) == []
    lib.undo()
    assert lib.item(event_id) == before and lib.picked_ids(brief) == [event_id]


def test_cancelled_import_keeps_whole_sources_only(lib, tmp_path):
    files = [write(tmp_path, f"{n:02}.txt", f"Person{n} Smith met Bob Jones on 2021-06-{n + 1:02}.") for n in range(6)]
    seen = []
    report = lib.import_paths(files, extract=fake_extract, cancel=lambda: len(seen) >= 2,
                              progress=lambda done, total, path: seen.append(path))
    assert report.cancelled and len(report.imported) == 2
    assert len(lib.sources()) == 2
    for src in lib.sources():
        assert src.item_count == 3  # two people and their meeting


def test_not_a_library_and_newer_library_are_refused(tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list\n" * 100)
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        Library.open(junk)
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        Library.open(other)
    path = tmp_path / "lib.sqlite3"
    Library.open(path, seed=False).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)


def test_subscribers_hear_of_each_committed_step(lib):
    heard = []
    unsubscribe = lib.subscribe(heard.append)
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(lib, "event")[0]
    assert [c.what for c in heard] == ["sources-added", "items-added"] and len(heard[1].ids) == 3
    heard.clear()
    add(lib, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    assert [c.what for c in heard] == ["sources-added", "items-changed"] and event_id in heard[1].ids
    assert heard[0].step == heard[1].step == "Import two.txt"
    lib.edit(event_id, "location", "Oslo")
    assert ("items-changed", (event_id,)) in [(c.what, c.ids) for c in heard]
    lib.undo()
    assert heard[-1].what == "reset" and heard[-1].step == "Edit location"
    unsubscribe()
    lib.redo()
    assert heard[-1].what == "reset" and len([c for c in heard if c.what == "reset"]) == 1


def test_briefs_and_the_current_brief(lib):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.")
    event_id, agreement_id = ids_of(lib, "event")[0], ids_of(lib, "agreement")[0]
    brief = lib.create_brief("Oslo visit")
    lib.set_picked(brief, [event_id, agreement_id], True)
    lib.move_line(brief, agreement_id, 0)
    assert lib.picked_ids(brief) == [agreement_id, event_id]
    lib.update_brief(brief, title="Visit of the Minister", marking="RESTRICTED")
    lib.set_line_wording(brief, event_id, "The ministers met in Oslo.")
    copy = lib.duplicate_brief(brief, "Copy")
    got = lib.brief(copy)
    assert got.title == "Visit of the Minister" and got.marking == "RESTRICTED"
    assert [(line.item_id, line.wording) for line in got.lines] == [(agreement_id, None),
                                                                      (event_id, "The ministers met in Oslo.")]
    lib.set_current_brief(copy)
    assert lib.current_brief_id() == copy
    lib.delete_brief(copy)
    assert lib.current_brief_id() is None
    assert lib.undo() == "Delete brief Copy" and lib.current_brief_id() == copy
    with pytest.raises(ValueError, match="marking"):
        lib.update_brief(brief, marking="PINK")


def test_queries_groups_and_rows(lib):
    e = Extraction(countries=["NO", "PL"], people=[Person("Alice Smith", country="NO", evidence=[Evidence(0, 11, "Alice Smith")]),
                                                   Person("Bob Jones", country="PL", evidence=[Evidence(16, 25, "Bob Jones")])],
                   events=[Event("meeting", date="2021-06-21", participants=["Alice Smith", "Bob Jones"],
                                 evidence=[Evidence(0, 25, "Alice Smith met Bob Jones")])])
    add(lib, "Alice Smith met Bob Jones.", "a.txt", "2021-06-22", e)
    add(lib, "Carol King visited Norway on 2019-03-04.", "b.txt", "2019-03-05")
    assert lib.count(Query(kind="event")) == 2
    [row] = lib.rows(lib.query(Query(kind="event", country="pl")))
    assert row.countries == ("NO", "PL") and row.type == "meeting" and row.status == "held"
    assert len(lib.query(Query(kind="event", since="2021-01-01"))) == 1
    assert len(lib.query(Query(kind="event", until="2020"))) == 1
    assert lib.groups("kind") == [("event", "Events", 2), ("person", "People", 3)]
    assert ("2021", "2021", 3) in lib.groups("date")
    assert ("2021-06", "June 2021", 3) in lib.groups("month", Query(since="2021", until="2021"))
    assert ("PL", "PL", 2) in lib.groups("country")
    assert ("NO", "NO", 2) not in lib.groups("country", Query(own_country="NO"))
    by_source = lib.groups("source")
    assert [label for _, label, _ in by_source] == ["a.txt", "b.txt"]
    assert set(lib.group_ids("source", by_source[1][0])) == set(lib.query(Query(source_id=by_source[1][0])))
    assert lib.query() == sorted(lib.query(), key=lambda i: -int(lib.rows([i])[0].date.replace("-", "")))


def test_export_csv_and_json(lib, tmp_path):
    text = "Minister Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement."
    add(lib, text, "notes/oslo.txt", "2021-06-22")
    add(lib, "Łucja Nowak visited Poland on 2021-07-01.", "other/oslo.txt", "2021-07-02")
    event_id = lib.query(Query(kind="event", country=None, text="bob"))[0]
    lib.edit(event_id, "location", "Tromsø")
    lib.add_note("Remember the fisheries file", title="Note")
    written = lib.export_csv(tmp_path / "csv")
    assert {p.name for p in written} == {"events.csv", "people.csv", "agreements.csv", "notes.csv"}
    events_csv = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8-sig")
    assert "Tromsø" in events_csv and "yes" in events_csv and "Alice Smith; Bob Jones" in events_csv
    out = lib.export_json(tmp_path / "out.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = data["documents"]
    assert [d["id"] for d in docs] == ["oslo", "oslo-2"]
    [event] = docs[0]["events"]
    assert event["location"] == "Tromsø" and event["plover"] == {"type": None, "mode": None}
    assert event["evidence"][0]["text"] == text[event["evidence"][0]["start"]:event["evidence"][0]["end"]]
    assert docs[1]["people"][0]["name"] == "Łucja Nowak"
    assert data["unsourced"][0]["text"] == "Remember the fisheries file"


def test_changes_made_by_another_connection_are_noticed(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, seed=False) as window, Library.open(path, seed=False) as command_line:
        add(command_line, "Alice Smith met Bob Jones on 2021-06-21.")
        heard = []
        window.subscribe(heard.append)
        assert window.check_external_changes() and heard[-1].what == "reset"
        assert not window.check_external_changes()
        event_id = ids_of(window, "event")[0]
        window.edit(event_id, "location", "Oslo")
        assert not window.check_external_changes()  # its own writes are announced as they happen
        assert command_line.undo() == "Edit location"
        assert window.check_external_changes() and window.item(event_id).fields["location"] is None


def test_an_import_still_running_cannot_be_undone_half_way(tmp_path):
    path = tmp_path / "lib.sqlite3"
    files = [write(tmp_path, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.") for n in range(3)]
    with Library.open(path, seed=False) as worker, Library.open(path, seed=False) as window:
        running = worker.import_iter(files, extract=fake_extract)
        next(running)
        with pytest.raises(LibraryError, match="still running"):
            window.undo()
        event_id = window.query(Query(kind="event"))[0]
        window.edit(event_id, "location", "Oslo")  # the user may go on working meanwhile
        assert window.undo() == "Edit location"
        list(running)
        assert window.undo() == "Import 3 sources"
        assert window.sources() == []


def test_extraction_in_worker_processes_leaves_nothing_running(lib, tmp_path):
    import multiprocessing

    from briefing.library.importer import ProcessExtractor

    calls = []
    files = [write(tmp_path, f"{n}.txt", f"Die Außenminister beider Länder trafen sich am Montag in Berlin und sprachen über die wirtschaftliche Zusammenarbeit. Nummer {n}.") for n in range(3)]
    with ProcessExtractor(2, warm_up=False) as pool:
        report = lib.import_paths(files, extract=pool, progress=lambda *a: calls.append(a))
    assert len(report.imported) == 3 and report.failed == []
    assert all(not s.analysed for s in lib.sources())  # not English: passed over with a note, in the workers
    assert multiprocessing.active_children() == []
    assert [c[0] for c in calls] == [1, 2, 3]


def test_a_figure_is_dated_by_an_iso_period_else_by_its_source(lib):
    from briefing.model import Figure

    figures = [Figure(8e9, "USD", "credit lines", period="since 2010"), Figure(12, "percent", "growth", period="2023")]
    add(lib, "x", "a.txt", "2024-05-01", Extraction(figures=figures))
    rows = {r.label: r.date for r in lib.rows(lib.query(Query(kind="figure")))}
    assert rows == {"8 billion USD: credit lines": "2024-05-01", "12%: growth": "2023"}


def test_list_columns_are_rebuilt_when_the_program_computes_them_differently(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
        event_id = ids_of(lib, "event")[0]
        lib.conn.execute("UPDATE items SET label = 'stale' WHERE id = ?", (event_id,))
        lib.conn.execute("DELETE FROM items_fts")
    with Library.open(path, seed=False) as lib:  # same version: left alone
        assert lib.rows([event_id])[0].label == "stale"
    from briefing.library import kinds

    monkeypatch.setattr(kinds, "DERIVED_VERSION", kinds.DERIVED_VERSION + 1)
    with Library.open(path, seed=False) as lib:
        assert lib.rows([event_id])[0].label == "Meeting: Alice Smith, Bob Jones"
        assert lib.search("alice") and lib.undo_name() == "Import s.txt"  # not an undoable step itself


def test_a_deleted_item_stays_deleted_when_its_source_is_extracted_again(lib):
    text = "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement."
    source_id, _ = add(lib, text)
    [agreement] = ids_of(lib, "agreement")
    [event] = ids_of(lib, "event")
    lib.delete_items([agreement])
    lib.reextract(source_id, extract_one(source(text)))
    assert ids_of(lib, "agreement") == [] and ids_of(lib, "event") == [event]
    lib.undo()  # the re-extraction
    assert lib.undo() == "Delete 1 item"
    lib.reextract(source_id, extract_one(source(text)))
    assert len(ids_of(lib, "agreement")) == 1  # undone: no longer dismissed


def test_old_steps_are_forgotten_but_not_a_running_import(lib, tmp_path, monkeypatch):
    from briefing.library import undo

    monkeypatch.setattr(undo, "MAX_STEPS", 3)
    files = [write(tmp_path, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.") for n in range(2)]
    running = lib.import_iter(files, extract=fake_extract)
    next(running)
    note = lib.add_note("first")
    for n in range(5):
        lib.edit(note, "text", f"version {n}")
    list(running)
    names = []
    while (name := lib.undo()) is not None:
        names.append(name)
    assert names == ["Edit text"] * 3 + ["Import 2 sources"]  # the running import outlived older steps


def test_the_file_is_in_wal_mode_and_backs_up_whole(lib, tmp_path):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    lib.backup(tmp_path / "copy" / "backup.sqlite3")
    with Library.open(tmp_path / "copy" / "backup.sqlite3", seed=False) as copy:
        assert copy.rows(copy.query()) == lib.rows(lib.query())
        assert copy.undo_name() == lib.undo_name() and copy.search("alice")


def test_a_first_start_stopped_during_the_samples_finishes_them_next_time(tmp_path, monkeypatch):
    from briefing import paths

    seeds = tmp_path / "seeds"
    for n in range(3):
        write(seeds, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.")
    monkeypatch.setattr(paths, "SEEDS_DIR", seeds)
    monkeypatch.setattr("briefing.extract.extract_many", lambda sources, **kw: fake_extract(sources))
    original = Library._add_source_in_step
    written = []

    def stop_after_two(self, *args):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(args[0].path)
        return original(self, *args)

    monkeypatch.setattr(Library, "_add_source_in_step", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        Library.open(tmp_path / "lib.sqlite3")
    monkeypatch.setattr(Library, "_add_source_in_step", original)
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        assert len(lib.sources()) == 3 and lib.undo_name() is None


def test_agreements_need_more_than_a_shared_generic_title(lib):
    from briefing.model import Agreement

    def agreement(title, parties=(), date=None, status="signed"):
        return Extraction(agreements=[Agreement(title, status=status, date=date, parties=list(parties))])

    add(lib, "a", "a.txt", extraction=agreement("Memorandum of Understanding", ["SG", "VN"]))
    add(lib, "b", "b.txt", extraction=agreement("Memorandum of Understanding", ["SG", "VN"]))
    add(lib, "c", "c.txt", extraction=agreement("Trade Facilitation Agreement", ["SG", "VN"], "2019-05-02"))
    add(lib, "d", "d.txt", extraction=agreement("Trade Facilitation Agreement", ["SG", "VN"], "2024-01-10"))
    add(lib, "e", "e.txt", extraction=agreement("Trade Facilitation Agreement", ["PH", "KR"], "2019-05-02"))
    add(lib, "f", "f.txt", extraction=agreement("trade facilitation agreements", ["VN"], "2019-05", "in-force"))
    groups = sorted(len(a.source_ids) for a in lib.items(ids_of(lib, "agreement")))
    assert groups == [1, 1, 1, 1, 2]  # only c and f are one agreement


def test_figures_join_only_the_same_number_about_the_same_thing(lib):
    from briefing.model import Figure

    def figure(value, what, countries=("SG", "VN"), period=None):
        return Extraction(countries=list(countries), figures=[Figure(value, "USD", what, period=period)])

    add(lib, "a", "a.txt", extraction=figure(3.6e9, "bilateral trade"))
    add(lib, "b", "b.txt", extraction=figure(3.61e9, "bilateral trade volume"))  # within 1 %
    add(lib, "c", "c.txt", extraction=figure(3.6e9, "bilateral trade", ("PH", "KR")))
    add(lib, "d", "d.txt", extraction=figure(3.6e9, "investment pledges"))
    add(lib, "e", "e.txt", extraction=figure(3.6e9, ""))
    groups = sorted(len(f.source_ids) for f in lib.items(ids_of(lib, "figure")))
    assert groups == [1, 1, 1, 2]


def test_a_renamed_person_is_still_found_under_the_name_the_sources_use(lib):
    add(lib, "x", "a.txt", extraction=Extraction(people=[Person("Balakrishnan Vivian", country="SG")]))
    [person] = ids_of(lib, "person")
    lib.edit(person, "name", "Vivian Balakrishnan")
    add(lib, "y", "b.txt", extraction=Extraction(people=[Person("Balakrishnan Vivian", country="SG")]))
    add(lib, "z", "c.txt", extraction=Extraction(people=[Person("Vivian Balakrishnan", country="SG")]))
    assert ids_of(lib, "person") == [person]
    assert len(lib.item(person).source_ids) == 3


def test_removing_a_source_takes_only_what_it_alone_supported(lib):
    s1, _ = add(lib, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.", "one.txt")
    s2, _ = add(lib, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    [event] = ids_of(lib, "event")
    [agreement] = ids_of(lib, "agreement")
    lib.delete_sources([s1])
    assert lib.item(event).source_ids == [s2] and ids_of(lib, "agreement") == []
    assert lib.search("fisheries") == [] and lib.search_sources("fisheries") == []
    assert lib.undo() == "Remove 1 source"
    assert lib.item(agreement).source_ids == [s1] and sorted(lib.item(event).source_ids) == [s1, s2]
    assert lib.search("fisheries") == [agreement]
