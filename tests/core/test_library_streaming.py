"""A large import runs worker processes (forked with the model where safe) and gives what an in-process import gives."""

from __future__ import annotations

import multiprocessing

from briefing.library import Library, Query

TEXTS = {
    "a.txt": " date 2024-03-14 Foreign Minister Alice Moreau of France met her Kenyan counterpart "
             "Musa Otieno in Nairobi on Tuesday. They signed a Memorandum of Understanding on Tourism.",
    "b.txt": " date 2024-05-02 Japanese Prime Minister Kenji Sato held talks with Indonesian President "
             "Budi Santoso in Jakarta on Monday on maritime security.",
    "c.txt": " date 2024-05-02 Le ministre des Affaires étrangères a rencontré son homologue à Paris "
             "lundi pour discuter de la coopération économique entre les deux pays.",
    "d.txt": "",  # empty: a failure with its reason, the others go on
}


def _write(folder):
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _summary(lib: Library):
    rows = sorted((s.path.rsplit("/", 1)[-1], s.analysed, s.item_count) for s in lib.sources())
    kinds = sorted(lib.rows(lib.query(Query())), key=lambda r: (r.kind, r.label))
    return rows, [(r.kind, r.label) for r in kinds]


def test_two_workers_import_the_same_items_as_one_process(tmp_path, monkeypatch):
    from briefing.library import importer

    pools = []
    real = importer.ProcessExtractor
    monkeypatch.setattr(importer, "ProcessExtractor", lambda *a, **k: pools.append(real(*a, **k)) or pools[-1])
    folder = _write(tmp_path / "in")
    with Library.open(tmp_path / "one.sqlite3", seed=False) as lib:
        one = lib.import_paths([folder])
        expected = _summary(lib)
    with Library.open(tmp_path / "two.sqlite3", seed=False) as lib:
        two = lib.import_paths([folder], workers=2)
        got = _summary(lib)
        assert lib.undo_name() == "Import 3 sources"
    assert [f.reason for f in two.failed] == [f.reason for f in one.failed] == ["empty file"]
    assert sorted(two.imported) == sorted(one.imported) and len(two.imported) == 3
    assert got == expected
    assert [(p.workers, p.fork) for p in pools] == [(2, True)]  # forked workers, not the in-process path
    assert any(kind == "event" for kind, _ in got[1])
    assert [analysed for _, analysed, _ in got[0]] == [True, True, False]  # the French source: not analysed
    assert multiprocessing.active_children() == []


def test_a_cancelled_streaming_import_keeps_whole_sources_and_stops_its_workers(tmp_path):
    folder = _write(tmp_path / "in")
    with Library.open(tmp_path / "lib.sqlite3", seed=False) as lib:
        seen = []
        for result in lib.import_iter([folder], workers=2):
            seen.append(result)
            if result.status == "imported":
                break
        assert [s.item_count > 0 for s in lib.sources()] == [True]
    assert multiprocessing.active_children() == []
