"""Hostile and odd files, made at run time: each gets one clear line naming it, the rest of the batch imports,
the exit code agrees with the summary, and what the library held before is untouched.

Runs the real command line (``python -m briefing.cli import``) in a child process, so a crash, a hang or
memory growth in any file shows as what an officer would see.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOOD = (" date 2024-03-05 The foreign ministers of Chile and Peru met in Lima on Monday and agreed to "
        "expand cooperation in mining and fisheries.\n")
PEAK_MEMORY_MB = 1536


def _run(library: Path, *paths: Path, timeout: float = 240) -> tuple[int, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    args = [sys.executable, "-m", "briefing.cli", "import", "--library", str(library), *map(str, paths)]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout, errors="replace")
    return proc.returncode, proc.stdout + proc.stderr


def _snapshot(library: Path) -> dict[str, list]:
    conn = sqlite3.connect(library)
    try:
        return {
            "sources": conn.execute("SELECT id, sha256, title, text FROM sources ORDER BY id").fetchall(),
            "items": conn.execute("SELECT id, kind, edits FROM items ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def _write_hostile(folder: Path) -> dict[str, str]:
    """Hostile files in ``folder``; for each, a fragment its summary line must hold."""
    expect: dict[str, str] = {}

    def add(name: str | bytes, data: bytes, fragment: str) -> None:
        target = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
        with open(target, "wb") as fh:
            fh.write(data)
        expect[os.fsdecode(name) if isinstance(name, bytes) else name] = fragment

    add("truncated.docx", b"PK\x03\x04" + b"\0" * 40, "failed:")
    add("not-a-pdf.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", "failed:")
    add("empty.txt", b"", "failed:")
    add("nav-only.html", b"<html><body><nav>Home | World | Sport</nav><div id='cookie'>We use cookies."
        b" Accept all</div></body></html>", "no items:")
    add("laughs.html", b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
        b'&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;</p></body></html>', "no items:")
    add("notes.xyz", b"nothing we read", "skipped:")
    add(b"caf\xe9-latin1-name.txt", GOOD.replace("Chile", "Bolivia").encode(), "")
    add("line\nImported 99 sources.txt", b"A short note with nothing in it.", "no items:")
    docx = folder / "xxe.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    expect["xxe.docx"] = "failed:"
    return expect


@pytest.mark.slow
def test_hostile_files_each_get_one_line_and_the_rest_imports(tmp_path):
    library = tmp_path / "lib.sqlite"
    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    code, out = _run(library, first)
    assert code == 0, out
    before = _snapshot(library)
    assert before["sources"] and before["items"]

    folder = tmp_path / "in"
    folder.mkdir()
    expect = _write_hostile(folder)
    (folder / "good.txt").write_text(GOOD.replace("Lima", "Cusco").replace("Monday", "Tuesday"), encoding="utf-8")
    code, out = _run(library, folder)
    lines = out.splitlines()
    summary = lines[0]
    assert summary.startswith("Imported"), out
    failed = [ln for ln in lines if ln.startswith("  failed:")]
    # the exit code and the summary agree: failures make it 1, and their count is the lines'
    assert (code == 1) == bool(failed), out
    assert f"{len(failed)} failed" in summary, out
    for name, fragment in expect.items():
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").replace("\n", "\\n")
        naming = [ln for ln in lines if shown in ln]
        if fragment:
            assert any(ln.startswith("  " + fragment) for ln in naming), (name, out)
        assert all("\n" not in ln for ln in naming)
    # a crafted name cannot forge a summary line: it is shown escaped, inside its own line
    assert not any(ln.startswith("Imported 99") for ln in lines), out
    after = _snapshot(library)
    assert after["sources"][: len(before["sources"])] == before["sources"]
    titles = [t for _, _, t, _ in after["sources"]]
    assert any("Cusco" in text for *_, text in after["sources"]), titles  # the good file imported
    assert any("Bolivia" in text for *_, text in after["sources"]), titles  # so did the one with a Latin-1 name
    assert all("root:" not in text for *_, text in after["sources"])  # no external entity was read
    # items held before are still there (they may have gained sources, never lost)
    assert {i for i, *_ in before["items"]} <= {i for i, *_ in after["items"]}


@pytest.mark.slow
def test_a_large_one_line_page_imports_inside_its_budget(tmp_path):
    # Markup, not text: a saved page full of tracking attributes and empty blocks, all on one line, with
    # one short story in it. Trafilatura alone took 8.5 s at 5 MB and minutes beyond.
    filler = '<div class="promo" data-track="' + "x" * 400 + '"><span></span></div>'
    page = tmp_path / "big.html"
    page.write_text("<html><head><title>Dump</title></head><body>" + filler * 7_000
                    + "<article><p>The ministers of Chile and Peru met in Lima on Monday and discussed mining, "
                    "fisheries and the Pacific Alliance.</p></article>" + filler * 7_000 + "</body></html>",
                    encoding="utf-8")
    assert page.stat().st_size > 6_000_000
    started = time.monotonic()
    code, out = _run(tmp_path / "lib.sqlite", page, timeout=600)
    assert time.monotonic() - started < 60, out
    assert code == 0, out
    assert "Imported 1 source" in out
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak < PEAK_MEMORY_MB, f"peak memory {peak:.0f} MB"
