"""Sources and the items they give: what goes in comes out, and each source's statements join the right items."""

from __future__ import annotations

import pytest

from briefing.library import NotFound, Query
from briefing.model import Agreement, Evidence, Extraction, Figure, Person
from tests.core.test_library_fakes import fake_extract, source, write
from tests.pg.store_suite.conftest import add, ids_of


def test_a_source_its_items_and_their_evidence_come_back_on_another_connection(backend):
    text = ("Minister Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement. "
            "Trade grew 12 percent last year. Talks were about fisheries.")
    source_id, new = add(backend.open(), text, path="oslo.txt", date="2021-06-22")
    assert new
    store = backend.open()
    record = store.source(source_id)
    assert record.text == text and record.date == "2021-06-22" and record.item_count == 6
    [event] = store.items(ids_of(store, "event"))
    assert event.fields["type"] == "meeting" and event.fields["date"] == "2021-06-21"
    assert event.fields["participants"] == ["Alice Smith", "Bob Jones"]
    assert event.source_ids == [source_id]
    [agreement] = store.items(ids_of(store, "agreement"))
    assert agreement.fields["title"] == "Fisheries Agreement"
    [figure] = store.items(ids_of(store, "figure"))
    assert figure.fields["value"] == 12 and figure.fields["unit"] == "percent"
    people = {p.fields["name"]: p for p in store.items(ids_of(store, "person"))}
    assert people["Alice Smith"].fields["title"] == "Minister"
    for item in store.items(store.query()):
        assert item.evidence, item
        for ev in item.evidence:
            assert record.text[ev.start:ev.end] == ev.text
    with pytest.raises(NotFound):
        store.source(source_id + 1000)


def test_a_source_is_added_once_and_listed_newest_first(store):
    first, new = add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    assert new and add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt") == (first, False)
    add(store, "Alice Smith visited Norway on 2021-06-22.", "visit.txt", "2021-06-22")
    assert [s.path for s in store.sources()] == ["visit.txt", "oslo.txt"]
    assert [s.item_count for s in store.sources()] == [2, 3]
    assert store.source_id_for(source("Alice Smith met Bob Jones in Oslo on 2021-06-21.").sha256) == first


def test_misplaced_evidence_is_found_again_and_missing_evidence_dropped(store):
    text = "Alice Smith visited Norway on 2021-06-22."
    extraction = Extraction(people=[Person("Alice Smith", evidence=[Evidence(5, 16, "Alice Smith"),
                                                                    Evidence(0, 3, "not in the text")])])
    add(store, text, extraction=extraction)
    [person] = store.items(store.query())
    assert [(e.start, e.end, e.text) for e in person.evidence] == [(0, 11, "Alice Smith")]


def test_the_same_bytes_under_another_name_are_already_present(store, tmp_path):
    a = write(tmp_path / "in", "a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    b = write(tmp_path / "in", "copy of a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    report = store.import_paths([a], extract=fake_extract)
    assert report.imported == [str(a)]
    report = store.import_paths([b, tmp_path / "missing.txt"], extract=fake_extract)
    assert report.imported == [] and report.present == [str(b)]
    assert [f.path for f in report.failed] == [str(tmp_path / "missing.txt")]
    assert "not found" in report.failed[0].reason
    assert len(store.sources()) == 1 and len(ids_of(store, "event")) == 1


def test_duplicates_are_skipped_before_extracting(store, tmp_path):
    a = write(tmp_path, "a.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    store.import_paths([a], extract=fake_extract)
    extracted = []

    def spy(sources):
        extracted.extend(s.path for s in sources)
        return fake_extract(sources)

    b = write(tmp_path, "b.txt", "Alice Smith met Bob Jones on 2021-06-21.")
    c = write(tmp_path, "c.txt", "Carol King met Dan Brown on 2021-06-21.")
    report = store.import_paths([b, c], extract=spy)
    assert extracted == [str(c)] and report.present == [str(b)]


def test_an_import_of_many_files_joins_their_items(store, tmp_path):
    texts = ["Alice Smith met Bob Jones in Oslo on 2021-06-21. They talked about fisheries quotas.",
             "Alice Smith visited Norway on 2021-06-22. They signed the Fisheries Agreement.",
             "Bob Jones called Alice Smith on 2021-06-23. They talked about fisheries quotas.",
             "Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement."]
    for n, text in enumerate(texts):
        write(tmp_path / "in", f"{n}.txt", text)
    report = store.import_paths([tmp_path / "in"], extract=fake_extract)
    assert len(report.imported) == 4
    found = sorted((r.kind, r.label, len(r.source_ids)) for r in store.rows(store.query()))
    assert ("person", "Alice Smith", 4) in found and ("topic", "fisheries quotas", 2) in found
    assert len([f for f in found if f[1] == "Alice Smith"]) == 1


def test_import_keeps_publisher_author_url_and_the_access_date(store):
    src = source("Anna Berg met Ola Nordmann in Oslo.", path="/in/readout.html", title="Talks in Oslo")
    src.publisher, src.author, src.url, src.date = ("Nordic Courier", "Kari Lund", "https://courier.example/oslo",
                                                    "2024-05-03")
    sid = store.add_source(src, Extraction())[0]
    record = store.source(sid)
    assert (record.publisher, record.author, record.url) == ("Nordic Courier", "Kari Lund", "https://courier.example/oslo")
    assert record.file_name == "readout.html" and record.title == "Talks in Oslo"
    assert record.accessed and len(record.accessed) == 10  # the day of import
    [row] = store.sources()
    assert (row.author, row.url, row.accessed) == (record.author, record.url, record.accessed)


# --- identity: which statements are one item ---------------------------------------------------------


def test_two_wordings_of_one_meeting_give_one_item_with_evidence_from_each(store):
    s1, _ = add(store, "Minister Alice Smith met Bob Jones in Oslo on 2021-06-21.", "one.txt", "2021-06-22")
    s2, _ = add(store, "Bob Jones received Smith on 2021-06-21.", "two.txt", "2021-06-23")
    [event] = store.items(ids_of(store, "event"))
    assert sorted(event.source_ids) == [s1, s2]
    assert {e.source_id for e in event.evidence} == {s1, s2}
    people = store.items(ids_of(store, "person"))
    assert sorted(p.fields["name"] for p in people) == ["Alice Smith", "Bob Jones"]
    alice = next(p for p in people if p.fields["name"] == "Alice Smith")
    assert "Smith" in alice.fields["aliases"]  # "Smith" joined "Alice Smith" as an alias


def test_two_different_meetings_on_the_same_day_stay_two(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(store, "Alice Smith met Carol King on 2021-06-21.", "two.txt")
    events = store.items(ids_of(store, "event"))
    assert sorted(sorted(e.fields["participants"]) for e in events) == [
        ["Alice Smith", "Bob Jones"], ["Alice Smith", "Carol King"]]


def test_the_same_people_on_different_days_or_in_different_kinds_of_event_are_different_events(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(store, "Alice Smith met Bob Jones on 2021-09-02.", "two.txt")
    add(store, "Alice Smith visited Norway on 2021-06-21.", "three.txt")
    assert len(ids_of(store, "event")) == 3


def test_a_month_precision_date_joins_the_day(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    add(store, "Alice Smith held talks with Bob Jones on 2021-06.", "two.txt")
    [event] = store.items(ids_of(store, "event"))
    assert event.fields["date"] == "2021-06-21" and len(event.source_ids) == 2


def test_an_undated_report_of_the_same_two_people_joins_the_dated_meeting_whatever_the_order(store):
    add(store, "Alice Smith met Bob Jones.", "undated-first.txt")
    add(store, "Alice Smith met Bob Jones on 2021-06-21.", "dated.txt")
    add(store, "Alice Smith held talks with Bob Jones.", "undated-after.txt")
    add(store, "Alice Smith met Bob Jones on 2022-06-21.", "next-year.txt")  # a year on: another meeting
    events = store.items(ids_of(store, "event"))
    assert sorted(len(e.source_ids) for e in events) == [1, 3]


def test_a_minister_with_many_meetings_gets_each_new_report_joined_to_the_right_one(store):
    for day in range(1, 21):
        add(store, f"Alice Smith met Bob Jones on 2021-03-{day:02d}.", f"a{day}.txt")
    add(store, "Bob Jones received Alice Smith on 2021-03-07.", "again.txt")
    events = store.items(ids_of(store, "event"))
    assert len(events) == 20
    [joined] = [e for e in events if len(e.source_ids) == 2]
    assert joined.fields["date"] == "2021-03-07"


def test_one_source_never_merges_its_own_items(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21. Alice Smith met Bob Jones on 2021-06-21.")
    assert len(ids_of(store, "event")) == 2


def test_a_person_keeps_every_title_with_its_date(store):
    e1 = Extraction(people=[Person("Alice Smith", title="Deputy Minister", country="NO",
                                   evidence=[Evidence(0, 11, "Alice Smith")])])
    e2 = Extraction(people=[Person("Alice Smith", title="Foreign Minister", country="NO", aliases=["Ms Smith"],
                                   evidence=[Evidence(0, 11, "Alice Smith")])])
    add(store, "Alice Smith spoke.", "a.txt", "2019-01-05", e1)
    add(store, "Alice Smith spoke again.", "b.txt", "2023-03-01", e2)
    add(store, "Alice Smith spoke once more.", "c.txt", "2024-01-09", e2)
    [person] = store.items(ids_of(store, "person"))
    assert person.fields["title"] == "Foreign Minister" and person.fields["country"] == "NO"
    assert person.fields["aliases"] == ["Ms Smith"]
    assert [(t["title"], t["date"], t.get("last")) for t in person.machine["titles"]] == [
        ("Deputy Minister", "2019-01-05", None), ("Foreign Minister", "2023-03-01", "2024-01-09")]


def test_a_lone_surname_of_another_country_is_someone_else(store):
    add(store, "x", "a.txt", extraction=Extraction(people=[Person("Lee Hsien Loong", country="SG")]))
    add(store, "y", "b.txt", extraction=Extraction(people=[Person("Lee", country="KR")]))
    add(store, "z", "c.txt", extraction=Extraction(people=[Person("Lee Kuan Yew", country="SG")]))
    assert len(ids_of(store, "person")) == 3


def test_the_same_agreement_from_two_sources_is_one(store):
    add(store, "Both sides signed the Fisheries Cooperation Agreement.", "a.txt")
    add(store, "Ministers signed the Fisheries Cooperation Agreement.", "b.txt")
    add(store, "They signed the Education Memorandum.", "c.txt")
    agreements = store.items(ids_of(store, "agreement"))
    assert sorted(len(a.source_ids) for a in agreements) == [1, 2]


def test_agreements_need_more_than_a_shared_generic_title(store):
    def agreement(title, parties=(), date=None, status="signed"):
        return Extraction(agreements=[Agreement(title, status=status, date=date, parties=list(parties))])

    add(store, "a", "a.txt", extraction=agreement("Memorandum of Understanding", ["SG", "VN"]))
    add(store, "b", "b.txt", extraction=agreement("Memorandum of Understanding", ["SG", "VN"]))
    add(store, "c", "c.txt", extraction=agreement("Trade Facilitation Agreement", ["SG", "VN"], "2019-05-02"))
    add(store, "d", "d.txt", extraction=agreement("Trade Facilitation Agreement", ["SG", "VN"], "2024-01-10"))
    add(store, "e", "e.txt", extraction=agreement("Trade Facilitation Agreement", ["PH", "KR"], "2019-05-02"))
    add(store, "f", "f.txt", extraction=agreement("trade facilitation agreements", ["VN"], "2019-05", "in-force"))
    groups = sorted(len(a.source_ids) for a in store.items(ids_of(store, "agreement")))
    assert groups == [1, 1, 1, 1, 2]  # only c and f are one agreement


def test_figures_join_only_the_same_number_about_the_same_thing(store):
    def figure(value, what, countries=("SG", "VN"), period=None):
        return Extraction(countries=list(countries), figures=[Figure(value, "USD", what, period=period)])

    add(store, "a", "a.txt", extraction=figure(3.6e9, "bilateral trade"))
    add(store, "b", "b.txt", extraction=figure(3.61e9, "bilateral trade volume"))  # within 1 %
    add(store, "c", "c.txt", extraction=figure(3.6e9, "bilateral trade", ("PH", "KR")))
    add(store, "d", "d.txt", extraction=figure(3.6e9, "investment pledges"))
    add(store, "e", "e.txt", extraction=figure(3.6e9, ""))
    groups = sorted(len(f.source_ids) for f in store.items(ids_of(store, "figure")))
    assert groups == [1, 1, 1, 2]


def test_a_figure_is_dated_by_an_iso_period_else_by_its_source(store):
    figures = [Figure(8e9, "USD", "credit lines", period="since 2010"), Figure(12, "percent", "growth", period="2023")]
    add(store, "x", "a.txt", "2024-05-01", Extraction(figures=figures))
    rows = {r.label: r.date for r in store.rows(store.query(Query(kind="figure")))}
    assert rows == {"8 billion USD: credit lines": "2024-05-01", "12%: growth": "2023"}


def test_a_renamed_person_is_still_found_under_the_name_the_sources_use(store):
    add(store, "x", "a.txt", extraction=Extraction(people=[Person("Balakrishnan Vivian", country="SG")]))
    [person] = ids_of(store, "person")
    store.edit(person, "name", "Vivian Balakrishnan")
    add(store, "y", "b.txt", extraction=Extraction(people=[Person("Balakrishnan Vivian", country="SG")]))
    add(store, "z", "c.txt", extraction=Extraction(people=[Person("Vivian Balakrishnan", country="SG")]))
    assert ids_of(store, "person") == [person]
    assert len(store.item(person).source_ids) == 3


def test_a_corrected_title_survives_the_import_of_more_sources(store):
    def said(title: str, country: str) -> Extraction:
        return Extraction(people=[Person("Ana Ruiz Quispe", title=title, country=country,
                                         evidence=[Evidence(0, 15, "Ana Ruiz Quispe")])])

    add(store, "Ana Ruiz Quispe spoke.", "a.txt", "2030-01-05", said("Foreign Minister", "CL"))
    [pid] = ids_of(store, "person")
    store.edit_fields(pid, {"title": "Deputy Prime Minister", "country": "PE"})
    for n, date in enumerate(["2030-02-01", "2030-03-01", "2030-04-01"]):
        add(store, f"Ana Ruiz Quispe spoke on day {n}.", f"b{n}.txt", date, said("Prime Minister", "BO"))
    [person] = store.items(ids_of(store, "person"))
    assert (person.fields["title"], person.fields["country"]) == ("Deputy Prime Minister", "PE")
    assert person.machine["title"] == "Prime Minister"  # what the sources now agree on, kept beside it


# --- removing sources ---------------------------------------------------------------------------------


def test_removing_a_source_takes_only_what_it_alone_supported_and_undo_brings_it_back(store):
    s1, _ = add(store, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.", "one.txt")
    s2, _ = add(store, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    [event] = ids_of(store, "event")
    [agreement] = ids_of(store, "agreement")
    store.delete_sources([s1])
    assert store.item(event).source_ids == [s2] and ids_of(store, "agreement") == []
    assert store.search("fisheries") == [] and store.search_sources("fisheries") == []
    assert store.undo() == "Remove 1 source"
    assert store.item(agreement).source_ids == [s1] and sorted(store.item(event).source_ids) == [s1, s2]
    assert store.search("fisheries") == [agreement]


def test_removing_a_source_keeps_an_item_an_officer_edited(store):
    s1, _ = add(store, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.", "one.txt")
    [agreement] = ids_of(store, "agreement")
    store.edit(agreement, "status", "in-force")
    store.delete_sources([s1])
    assert ids_of(store, "agreement") == [agreement] and store.item(agreement).fields["status"] == "in-force"
    assert ids_of(store, "event") == []


# --- a source's citation details -----------------------------------------------------------------------


def _readout(store, **details):
    src = source("Anna Berg met Ola Nordmann in Oslo.", path="/in/readout.html", title="Talks in Oslo")
    for name, value in details.items():
        setattr(src, name, value)
    return store.add_source(src, Extraction())[0]


def test_edits_to_a_source_are_one_undoable_step_each(store):
    sid = _readout(store, publisher="Nordic Courier")
    seen = []
    store.subscribe(seen.append)
    store.edit_source(sid, {"author": " Kari   Lund ", "url": "https://courier.example/a", "accessed": "2024-05-04"})
    store.edit_source(sid, {"publisher": "The Nordic Courier", "marking": "restricted"})
    record = store.source(sid)
    assert (record.author, record.url, record.accessed) == ("Kari Lund", "https://courier.example/a", "2024-05-04")
    assert (record.publisher, record.marking) == ("The Nordic Courier", "RESTRICTED")
    assert [c.what for c in seen] == ["sources-changed", "sources-changed"]
    assert store.undo() == "Edit source publisher, marking"
    assert (store.source(sid).publisher, store.source(sid).marking) == ("Nordic Courier", "UNCLASSIFIED")
    assert store.undo() == "Edit source author, url, accessed"
    assert store.source(sid).author is None and store.source(sid).url is None
    store.redo()
    assert store.source(sid).author == "Kari Lund"
    store.redo()
    assert store.search_sources("nordic courier") == [sid]  # the new publisher is found once set


@pytest.mark.parametrize(("name", "value"), [
    ("date", "3 May 2024"), ("accessed", "2024-02-30"), ("marking", "HUSH"), ("url", "not a url"), ("text", "x"),
])
def test_a_source_value_that_cannot_be_stored_is_refused_and_nothing_changes(store, name, value):
    sid = _readout(store, publisher="Nordic Courier")
    with pytest.raises(ValueError):
        store.edit_source(sid, {"publisher": "Changed", name: value})
    assert store.source(sid).publisher == "Nordic Courier"
    assert store.undo().startswith("Import")  # no step was recorded for the refused edit


# --- copies of one story -------------------------------------------------------------------------------

STORY = ("Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement. " + " ".join(
    f"The ministers reviewed point {n} of the fisheries plan for the northern coast and its harbours." for n in range(12)))


def test_a_copy_of_a_story_under_other_furniture_is_linked_and_joins_its_items(store):
    first, _ = add(store, STORY, "wire.txt", "2021-06-22")
    copy, _ = add(store, "HOME | NEWS | EUROPE\n\n" + STORY + "\n\nShare on Facebook | Copy link", "site.txt",
                  "2021-06-22")
    other, _ = add(store, "Carol King visited Norway on 2021-07-02. " + " ".join(
        f"Her talks covered item {n} of the energy agenda and the grid links to the continent." for n in range(12)),
        "energy.txt")
    assert store.copies_of(first) == [copy] and store.copies_of(copy) == [first] and store.copies_of(other) == []
    [event] = store.items(store.query(Query(kind="event", text="jones")))
    assert sorted(event.source_ids) == [first, copy]
    assert store.has_sha256(source(STORY).sha256) and not store.has_sha256("0" * 64)
