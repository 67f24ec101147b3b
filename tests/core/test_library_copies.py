"""Near-identical copies of one wire story become one story with several sources, not N copies of each item."""

from __future__ import annotations

import pytest

from briefing.library import Library
from briefing.library.copies import containment, signature

# Our own wire story (invented wording about a plausible meeting), told once and dressed five ways.
BODY = """Pretoria – South Africa's Minister of International Relations and Cooperation, Ronald Lamola, on \
Monday held talks with Mozambique's Minister of Foreign Affairs and Cooperation, Maria Manuela Lucas, in \
Pretoria, where the two sides reviewed the planned gas pipeline and security in Cabo Delgado province.

The two ministers signed a Memorandum of Understanding on Cooperation in Disaster Management and agreed to \
convene the Joint Permanent Commission for Cooperation in Maputo later this year.

Lamola said trade between the two countries grew by 12 percent last year, and that both governments \
wanted every major border post to open around the clock by the end of next year.

Lucas thanked South Africa for its support to the regional mission in Cabo Delgado and invited Lamola to \
visit Maputo in the coming months, an invitation he accepted."""

FURNITURE = [
    ("", "\n\nShare on Facebook | Share on X | Copy link"),
    ("By Staff Reporter\n\n", "\n\nAdvertisement\n\nREAD MORE: Rand firms as fuel prices ease"),
    ("Photo: the two ministers before their talks.\n\n", "\n\n[Source: a state news agency]"),
    ("HOME | NEWS | AFRICA\n\n", "\n\nRelated: Weather warning for the coast\nSubscribe to our newsletter"),
    ("", ""),
]


def _copies(folder, body: str = BODY) -> list:
    paths = []
    for n, (head, tail) in enumerate(FURNITURE):
        path = folder / f"copy{n}.txt"
        path.write_text(f" date 2024-05-15 {head}{body}{tail}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_copy_under_other_furniture_is_mostly_inside_the_story_and_another_story_is_not():
    story = signature(BODY + "\n\nShare on Facebook | Copy link")
    cut = signature("By Staff Reporter\n\n" + BODY[: len(BODY) // 2])
    other = signature(BODY.replace("Lamola", "Pandor").split("\n\n")[0] + " " + " ".join(
        f"paragraph {n} about the wheat harvest and rainfall in the western provinces" for n in range(20)))
    assert containment(story, cut) > 0.8
    assert containment(story, other) < 0.6


@pytest.mark.slow
def test_five_copies_of_one_story_give_one_set_of_items_citing_five_sources(tmp_path):
    from briefing.library import Query

    folder = tmp_path / "in"
    folder.mkdir()
    paths = _copies(folder)
    single = Library.open(tmp_path / "single.sqlite", seed=False)
    single.import_paths(paths[-1:])
    expected = len(single.query(Query()))
    single.close()

    lib = Library.open(tmp_path / "five.sqlite", seed=False)
    report = lib.import_paths(paths)
    assert len(report.imported) == 5  # five files, five citable sources
    ids = lib.query(Query())
    assert expected > 0 and len(ids) == expected  # ... and one set of items
    sources = lib.sources()
    assert len(sources) == 5
    first = min(s.id for s in sources)
    assert sorted(lib.copies_of(first)) == sorted(s.id for s in sources if s.id != first)
    for item in lib.items(ids):
        if item.kind in {"event", "agreement"}:
            cited = set(item.source_ids)
            assert len(cited) == 5, (item.kind, item.label, cited)
    lib.close()


@pytest.mark.slow
def test_two_different_stories_about_one_pair_are_not_linked(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(" date 2024-05-15 " + BODY, encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text(
        " date 2024-06-02 Maputo – Mozambique's President Daniel Chapo on Sunday received South Africa's "
        "Deputy President Paul Mashatile, who is in the country for the opening of a new rail link between "
        "the port of Maputo and the coal fields of Mpumalanga. The two leaders discussed the railway's "
        "financing, electricity supply from the Cahora Bassa dam, and the return of displaced families to "
        "their homes in the north. Mashatile said the rail link would carry ten million tonnes of freight "
        "a year once complete, and announced a grant for the repair of border roads.\n", encoding="utf-8")
    lib = Library.open(tmp_path / "lib.sqlite", seed=False)
    lib.import_paths([one, two])
    assert all(not lib.copies_of(s.id) for s in lib.sources())
    lib.close()
