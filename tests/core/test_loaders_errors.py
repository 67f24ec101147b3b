"""Loaders on bad input (one clear line naming the file and the reason) and folder imports."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from briefing.loaders import DEFAULT_MAX_BYTES, LoadError, iter_source_files, load
from briefing.loaders import common as loader_common
from tests.fixtures.loaders.builders import encrypt_pdf, lines_at, make_docx, make_pdf, rewrite_zip_part


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, **kwargs) -> str:
    with pytest.raises(LoadError) as caught:
        load(path, **kwargs)
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    assert "\n" not in str(error) and "Traceback" not in str(error)
    return error.reason


def test_load_error_survives_pickling():
    import pickle

    error = pickle.loads(pickle.dumps(LoadError("a/b.pdf", "no text layer (scanned?)")))
    assert (error.path, error.reason, str(error)) == ("a/b.pdf", "no text layer (scanned?)", "a/b.pdf: no text layer (scanned?)")


def test_empty_file(tmp_path):
    for name in ("e.txt", "e.docx", "e.pdf", "e.eml", "e.html", "e.md"):
        assert reason(write(tmp_path, name, b"")) == "empty file"


def test_whitespace_only_file(tmp_path):
    assert "empty file" in reason(write(tmp_path, "w.txt", "  \n\n \n"))


@pytest.mark.parametrize("name", ["blob.txt", "blob.md", "blob.html", "blob.eml"])
def test_binary_file_posing_as_text(tmp_path, name):
    data = bytes(range(256)) * 40 + b"\x00\x01\x02" * 100
    assert reason(write(tmp_path, name, data)) == "binary file, not a text document"


def test_unknown_type_names_the_suffix_and_what_is_supported(tmp_path):
    message = reason(write(tmp_path, "notes.xyz", "text"))
    assert message.startswith("unsupported file type '.xyz' (supported: ")
    assert ".docx" in message and ".pdf" in message
    assert "save it as .docx" in reason(write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0"))


def test_missing_file_and_folder(tmp_path):
    assert reason(tmp_path / "gone.txt") == "file not found"
    assert reason(tmp_path).startswith("is a folder")


def test_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 2000)
    assert reason(path, max_bytes=1000) == "file is 2 KB, larger than the 1000 bytes limit"
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the size check"))
    assert "larger than the" in reason(path, max_bytes=1000)
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    big = write(tmp_path, "big2.txt", b"a" * 10)
    os.truncate(big, DEFAULT_MAX_BYTES + 1)  # sparse: no 50 MB written to disk
    assert reason(big).endswith("larger than the 50 MB limit")


# ---------------------------------------------------------------- docx

def test_corrupt_docx(tmp_path):
    assert reason(write(tmp_path, "c.docx", b"PK\x03\x04 this is not really a zip")) == \
        "not a valid Word document (corrupt or not a .docx)"
    renamed = write(tmp_path, "renamed.docx", "plain text renamed to .docx")
    assert reason(renamed) == "not a valid Word document (corrupt or not a .docx)"
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert reason(other_zip) == "not a valid Word document (corrupt or not a .docx)"


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", title="T", paragraphs=["The ministers met in Lima."])
    data = good.read_bytes()
    assert "not a valid Word document" in reason(write(tmp_path, "cut.docx", data[: len(data) // 2]))


def test_zip_bomb_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", title="T", paragraphs=["The ministers met in Lima."])
    bomb = rewrite_zip_part(good, tmp_path / "bomb.docx", "word/document.xml", b"<a/>" + b" " * (20 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    assert reason(bomb).startswith("zip bomb: ")


def test_zip_bomb_total_size_is_stated(tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.loaders.word_doc.MAX_UNZIPPED_BYTES", 1024)
    good = make_docx(tmp_path / "good.docx", title="T", paragraphs=["The ministers met in Lima."])
    assert reason(good) == "zip bomb: expands to more than 1 KB"
    assert loader_common.MAX_UNZIPPED_BYTES == 200 * 1024 * 1024


def test_entity_expansion_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", title="T", paragraphs=["The ministers met in Lima."])
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              b"<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    hostile = rewrite_zip_part(good, tmp_path / "lol.docx", "word/document.xml", laughs)
    assert reason(hostile) == "XML entity declarations are not allowed (possible entity-expansion attack)"


def test_docx_with_no_text(tmp_path):
    empty = make_docx(tmp_path / "blank.docx", title=None, paragraphs=[])
    assert reason(empty) == "no text in this Word document"


# ---------------------------------------------------------------- pdf

def _pdf() -> bytes:
    return make_pdf([lines_at(760, ["The ministers met in Lima on 3 March 2025 to talk."])])


def test_corrupt_pdf(tmp_path):
    assert reason(write(tmp_path, "c.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF")) == "not a valid PDF (corrupt or not a PDF)"
    assert reason(write(tmp_path, "t.pdf", "just text")) == "not a valid PDF (corrupt or not a PDF)"
    data = _pdf()
    assert "not a valid PDF" in reason(write(tmp_path, "half.pdf", data[:200]))


def test_encrypted_pdf(tmp_path):
    locked = write(tmp_path, "locked.pdf", encrypt_pdf(_pdf(), user_password="s3cret"))
    assert reason(locked) == "encrypted PDF (password protected); remove the password and import again"


def test_pdf_without_text_layer(tmp_path):
    scanned = write(tmp_path, "scan.pdf", make_pdf([[], []]))
    assert reason(scanned) == "no text layer (scanned?)"


# ---------------------------------------------------------------- eml

def test_not_an_email(tmp_path):
    assert reason(write(tmp_path, "x.eml", "just some words without any headers at all\n")) == \
        "not a valid e-mail message"


def test_mail_without_body(tmp_path):
    mail = "From: a@b.example\nSubject: hello\nDate: Mon, 9 Sep 2024 10:00:00 +0000\n\n"
    assert reason(write(tmp_path, "n.eml", mail)) == "no text in this e-mail"


def test_mail_with_only_an_attachment_says_so(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "a@b.example"
    message["Subject"] = "report"
    message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="readout.pdf")
    assert reason(write(tmp_path, "a.eml", bytes(message))) == \
        "no text in this e-mail (only attachments: readout.pdf; save them and import those)"


# ---------------------------------------------------------------- an import goes on

def test_one_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "a.txt", "The ministers met in Lima.")
    write(tmp_path, "b.pdf", b"%PDF-1.4 broken")
    write(tmp_path, "c.txt", b"")
    write(tmp_path, "d.md", "# Title\n\nThe two sides agreed.")
    loaded, errors = [], []
    for path in iter_source_files([tmp_path]):
        try:
            loaded.append(load(path).stem)
        except LoadError as exc:
            errors.append(str(exc))
    assert loaded == ["a", "d"]
    assert errors == [f"{tmp_path / 'b.pdf'}: not a valid PDF (corrupt or not a PDF)", f"{tmp_path / 'c.txt'}: empty file"]


# ---------------------------------------------------------------- folders

def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unsupported(tmp_path):
    for name in ("b.txt", "A.md", "notes.xyz", ".hidden.txt", "~$lock.docx", "sub/c.pdf", "sub/deeper/d.eml",
                 ".git/config.txt", "sub/e.HTML"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path])]
    assert found == ["A.md", "b.txt", "sub/c.pdf", "sub/e.HTML", "sub/deeper/d.eml"]
    assert found == [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path])]


def test_named_files_are_yielded_as_given_even_if_unsupported(tmp_path):
    odd = write(tmp_path, "notes.xyz", "x")
    missing = tmp_path / "missing.txt"
    assert list(iter_source_files([odd, missing, str(odd)])) == [odd, missing]


def test_symlink_loop_ends(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path / "a" / "b", "x.txt", "x")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    os.symlink(tmp_path / "a" / "b" / "x.txt", tmp_path / "a" / "same.txt")
    found = list(iter_source_files([tmp_path]))
    assert len(found) == 1 and found[0].resolve() == (tmp_path / "a" / "b" / "x.txt").resolve()


def test_very_deep_tree(tmp_path):
    folder = tmp_path
    for _ in range(200):
        folder = folder / "d"
    folder.mkdir(parents=True)
    write(folder, "deep.txt", "x")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(150)  # a recursive walk would fail here
    try:
        found = list(iter_source_files([tmp_path]))
    finally:
        sys.setrecursionlimit(limit)
    assert [p.name for p in found] == ["deep.txt"]


def test_unreadable_folder_is_reported_and_skipped(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    write(tmp_path, "ok.txt", "x")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("briefing.loaders.files.os.scandir", scandir)
    problems = []
    found = list(iter_source_files([tmp_path], on_error=lambda p, r: problems.append((p.name, r))))
    assert [p.name for p in found] == ["ok.txt"]
    assert problems == [("locked", "cannot read folder: Permission denied")]


def test_html_entity_declarations_are_not_expanded(tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
              "<html><body><p>&lol3;</p><p>The ministers of Austria and Slovenia agreed on Tuesday to build a "
              "new rail link between Graz and Maribor, worth 2 billion euros over ten years.</p></body></html>")
    source = load(write(tmp_path, "lol.html", laughs))
    assert "lollol" not in source.text
    assert "rail link between Graz and Maribor" in source.text
