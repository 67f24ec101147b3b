"""An item's search row whose text grew at its end is written by appending the new words' tsvector to the row's
(briefing/library/pg/batch.py, PipelinedDialect._grow): the row holds exactly what to_tsvector of the whole
text gives, whatever the text, and whatever the store remembers of it."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.library.pg.batch import PipelinedDialect, same_positions
from briefing.library.pg.search import tokens
from tests.pg.test_import_batched import FIRST, SECOND, _import, _rename_smith


def _rows_as_whole_text_gives(store: Any) -> bool:
    rows = store._conn.execute("SELECT rowid, body FROM items_fts").fetchall()
    assert rows
    same = store._conn.execute(
        "SELECT bool_and(f.tsv = to_tsvector('bb_simple', u.w)) FROM unnest(%s::bigint[], %s::text[]) AS u (r, w) "
        "JOIN items_fts f ON f.rowid = u.r", ([r for r, _ in rows], [" ".join(tokens(b)) for _, b in rows])).fetchone()
    return bool(same and same[0])


def test_an_imports_search_rows_are_what_the_whole_text_gives(open_store, tmp_path, monkeypatch):
    grown: list[int] = []
    flush = PipelinedDialect.flush

    def counted(self: PipelinedDialect) -> None:
        before = self.grown
        flush(self)
        grown.append(self.grown - before)

    monkeypatch.setattr(PipelinedDialect, "flush", counted)
    team = open_store("alice", "OFFICIAL")
    _import(team, tmp_path / "first", FIRST)
    _rename_smith(team)
    _import(team, tmp_path / "second", SECOND)
    assert sum(grown) > 0  # items joined again gained quotes: their rows were appended to
    assert _rows_as_whole_text_gives(team)


def _rewrite(store: Any, item_id: int, body: str, remembered: str) -> int:
    """Write the item's search row as a source's ingest does (deleted, then inserted), the store remembering
    ``remembered`` as the text it last wrote; how many rows were appended to."""
    store._search_bodies.wrote(item_id, remembered, " ".join(tokens(remembered)), len(tokens(remembered)))
    with store._conn.transaction(), store._conn.pipeline() as pipeline:
        db = PipelinedDialect(store._conn, pipeline, bodies=store._search_bodies)
        db.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
        db.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))
        db.flush()
    return db.grown


@pytest.mark.parametrize(("more", "appended"), [
    ("talks on trade and fisheries in 2021 talks", 1),
    (" ".join(["trade"] * 300), 0),  # a word 256 times or more: to_tsvector keeps 255 of its positions, || 256
    (" ".join(f"w{n}" for n in range(17_000)), 1),  # past position 16383: capped alike
    ("négociations à Genève ½ ٣", 0),  # not ASCII: the server's parser may split words otherwise
])
def test_a_grown_search_row_is_what_the_whole_text_gives(open_store, more, appended):
    alice = open_store("alice", "OFFICIAL")
    note = alice.add_note("Minister Alice Smith met Bob Jones in Oslo", "Oslo meeting")
    [(body,)] = alice._conn.execute("SELECT body FROM items_fts WHERE rowid = %s", (note,)).fetchall()
    words = tokens(f"{body} {more}")
    assert same_positions(" ".join(words), len(words)) == bool(appended)
    assert _rewrite(alice, note, f"{body} {more}", body) == appended
    assert _rows_as_whole_text_gives(alice)
    assert alice.search("oslo") == [note]


def test_a_search_row_another_store_rewrote_is_written_whole(open_store):
    """The store remembers a text the row no longer holds (a colleague rewrote it, or the transaction that
    wrote it was rolled back): the server writes the whole text's tsvector, not the appended one."""
    alice = open_store("alice", "OFFICIAL")
    note = alice.add_note("Minister Alice Smith met Bob Jones in Oslo", "Oslo meeting")
    [(body,)] = alice._conn.execute("SELECT body FROM items_fts WHERE rowid = %s", (note,)).fetchall()
    held = body.replace("oslo", "lima")  # same length: only the text itself tells them apart
    assert len(held) == len(body) and held != body
    assert _rewrite(alice, note, f"{held} and more talks", held) == 1  # appended, as far as the store knew
    assert _rows_as_whole_text_gives(alice)
    assert alice.search("lima") == [note] and alice.search("oslo") == []
    assert _rewrite(alice, note, f"{held} and more talks and then some", f"{held} and more talks") == 1
    assert _rows_as_whole_text_gives(alice)


def test_the_server_appends_to_the_rows_tsvector_without_parsing_the_old_words_again(open_store):
    """A lexeme no text holds, put in the row's tsvector beforehand, is still there after the row grew (and
    gone after a rewrite of the whole text): the old words were not parsed again."""
    alice = open_store("alice", "OFFICIAL")
    note = alice.add_note("Minister Alice Smith met Bob Jones in Oslo", "Oslo meeting")
    [(body,)] = alice._conn.execute("SELECT body FROM items_fts WHERE rowid = %s", (note,)).fetchall()

    def marked() -> bool:
        row = alice._conn.execute("SELECT tsv @@ 'zzmarker'::tsquery FROM items_fts WHERE rowid = %s", (note,)).fetchone()
        return bool(row and row[0])

    alice._conn.execute("UPDATE items_fts SET tsv = tsv || 'zzmarker'::tsvector WHERE rowid = %s", (note,))
    assert marked()
    assert _rewrite(alice, note, f"{body} more talks", body) == 1
    assert marked()
    assert _rewrite(alice, note, f"talks {body}", f"{body} more talks") == 0
    assert not marked()


def test_ascii_text_is_split_into_the_words_the_tokenizer_finds():
    """``tokens`` splits ASCII text by a byte table (the import's search rows, most of them ASCII): the words are
    those of the unicode61-like pattern it uses for other text, on every ASCII character in every position."""
    import random
    import re

    pattern = re.compile(r"[^\W_]+")
    rng = random.Random(13)
    alphabet = [chr(i) for i in range(128)]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(5_000)]
    texts += ["gov.sg 3.5% e-mail a_b\tc\x00d\x7fe", "", "   ", "__", "Zürich café", "naïve_x ÿ"]
    for text in texts:
        assert tokens(text) == pattern.findall(text), repr(text)
