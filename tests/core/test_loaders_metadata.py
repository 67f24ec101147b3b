"""What each format tells about where a document comes from: publisher, author and address, read from its
metadata (HTML meta and og: tags, front matter, labelled lines, Word and PDF properties, mail headers),
with the text left exactly as it was."""

from __future__ import annotations

import io
from email.message import EmailMessage

from briefing.loaders import load
from tests.core.test_loaders import PAGE, write
from tests.fixtures.loaders.builders import lines_at, make_docx, make_pdf

BODY = ("The foreign ministers of Austria and Slovenia agreed on Tuesday to build a new rail link between "
        "Graz and Maribor, a project both governments will share over ten years of construction.")


def test_html_address_and_byline_come_from_og_url_and_the_author_meta(tmp_path):
    page = PAGE.replace('<meta property="og:site_name"',
                        '<meta property="og:url" content="https://ledger.example/world/rail-link">\n'
                        '<meta name="author" content="Mara Kovač">\n<meta property="og:site_name"')
    source = load(write(tmp_path, "page.html", page))
    assert (source.publisher, source.author) == ("The Daily Ledger", "Mara Kovač")
    assert source.url == "https://ledger.example/world/rail-link"
    assert source.text == load(write(tmp_path, "plain.html", PAGE)).text  # metadata never reaches the text


def test_html_canonical_link_gives_the_address(tmp_path):
    page = PAGE.replace("<title>", '<link rel="canonical" href="https://ledger.example/rail"><title>')
    assert load(write(tmp_path, "page.html", page)).url == "https://ledger.example/rail"


def test_markdown_front_matter_names_outlet_author_and_url(tmp_path):
    text = ("---\ntitle: Rail link agreed\nsource: The Daily Ledger\nauthor: Mara Kovač\n"
            "url: https://ledger.example/rail\n---\n\n" + BODY + "\n")
    source = load(write(tmp_path, "a.md", text))
    assert (source.publisher, source.author, source.url) == ("The Daily Ledger", "Mara Kovač",
                                                             "https://ledger.example/rail")


def test_text_labelled_lines_give_metadata_and_stay_in_the_text(tmp_path):
    text = f"Rail link agreed\nBy Mara Kovač\n\n{BODY}\n\nSource: The Daily Ledger\nhttps://ledger.example/rail\n"
    source = load(write(tmp_path, "a.txt", text))
    assert (source.publisher, source.author, source.url) == ("The Daily Ledger", "Mara Kovač",
                                                             "https://ledger.example/rail")
    assert "Source: The Daily Ledger" in source.text and "By Mara Kovač" in source.text


def test_text_without_labels_invents_nothing(tmp_path):
    source = load(write(tmp_path, "a.txt", f"By 2030 both countries want trains.\n\n{BODY}\n"))
    assert (source.author, source.url) == (None, None)
    source = load(write(tmp_path, "b.txt", f"{BODY}\n\nSource: this sentence is a long one that explains "
                                            "where the numbers in the table came from and why.\n"))
    assert source.publisher is None


def test_docx_company_and_identifier_give_publisher_and_url(tmp_path):
    import docx

    path = make_docx(tmp_path / "a.docx", title="Rail link agreed", paragraphs=[BODY])
    document = docx.Document(str(path))
    document.core_properties.author = "Mara Kovač"
    document.core_properties.identifier = "https://ledger.example/rail"
    document.save(str(path))
    source = load(path)
    assert (source.author, source.url) == ("Mara Kovač", "https://ledger.example/rail")


def test_pdf_info_dictionary_gives_author_publisher_and_url(tmp_path):
    from pypdf import PdfReader, PdfWriter

    data = make_pdf([lines_at(760, [BODY[:80], BODY[80:]])])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Author": "Mara Kovač", "/Company": "The Daily Ledger",
                         "/URL": "https://ledger.example/rail"})
    out = io.BytesIO()
    writer.write(out)
    source = load(write(tmp_path, "a.pdf", out.getvalue()))
    assert (source.publisher, source.author, source.url) == ("The Daily Ledger", "Mara Kovač",
                                                             "https://ledger.example/rail")


def test_eml_sender_is_author_and_organisation_is_publisher(tmp_path):
    message = EmailMessage()
    message["From"] = "Mara Kovač <mara@ledger.example>"
    message["Organization"] = "The Daily Ledger"
    message["Subject"] = "Rail link agreed"
    message["Date"] = "Tue, 07 May 2024 23:30:00 -0400"
    message.set_content(BODY)
    source = load(write(tmp_path, "a.eml", bytes(message)))
    assert (source.publisher, source.author, source.url) == ("The Daily Ledger", "Mara Kovač", None)


def test_a_photo_caption_above_the_story_is_not_its_title(tmp_path):
    text = f"At the talks between the two foreign ministers (Photo: Nordic Wire)\n\n{BODY}\n"
    source = load(write(tmp_path, "a.txt", text))
    assert source.title.startswith("The foreign ministers of Austria and Slovenia agreed")
    assert source.text.startswith("At the talks between")  # the caption stays in the text
