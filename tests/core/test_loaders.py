"""Loaders: each format on inputs written for the purpose, then the dev sources."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.loaders import SUPPORTED_SUFFIXES, detect_language, load
from tests.conftest import SHARED
from tests.fixtures.loaders.builders import encrypt_pdf, lines_at, make_docx, make_pdf

DEV = Path(SHARED) / "eval" / "dev"
SOURCES = DEV / "sources"
SEEDS = Path(SHARED) / "seeds"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------- plain text

def test_txt_header_becomes_the_date_and_leaves_the_text(tmp_path):
    path = write(tmp_path, "a.txt", " date 2021-06-23 Singapore and Vietnam agreed to cooperate.\n\nSecond paragraph.\n")
    source = load(path)
    assert source.date == "2021-06-23"
    assert source.text == "Singapore and Vietnam agreed to cooperate.\n\nSecond paragraph."
    assert source.title == "Singapore and Vietnam agreed to cooperate"
    assert source.format == "txt" and source.path == str(path)
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_txt_without_header_keeps_every_line_and_has_no_invented_date(tmp_path):
    body = "The ministers met in Hanoi on Monday.\nThey spoke about trade.\n"
    source = load(write(tmp_path, "b.txt", body))
    assert source.date is None
    assert source.text == body.strip()


def test_a_header_alone_on_its_line_leaves_no_blank_start(tmp_path):
    source = load(write(tmp_path, "c.txt", " date 2024-01-02 \nHeadline of the day\n\nBody text here."))
    assert source.date == "2024-01-02"
    assert source.text.startswith("Headline of the day")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Madrid, 14/03/2024", "2024-03-14"),
        ("Washington, 03/14/2024", "2024-03-14"),  # the day cannot be the month: read month first
        ("Tuesday 15 March 2022", "2022-03-15"),
        ("WASHINGTON, June 13, 2016 (Reuters) - The two leaders met at the White House on Monday to discuss "
         "trade, security and the climate agenda for the coming months of their talks.", "2016-06-13"),
        ("News release – October 16, 2024 – Ottawa, Ontario", "2024-10-16"),
        ("Published 3 March 2025", "2025-03-03"),
        ("Published on March 3, 2025 at 10:00", "2025-03-03"),
    ],
)
def test_a_dateline_near_the_top_gives_the_date(tmp_path, top, expected):
    text = f"Ministry of Foreign Affairs\n\n{top}\n\nThe minister will travel on 20 April 2026 to Rome.\n"
    assert load(write(tmp_path, "d.txt", text)).date == expected


@pytest.mark.parametrize("top", ["Ministers to meet in Rome on 20 April 2026", "Talks planned from 3 to 5 May 2026"])
def test_an_event_date_in_a_headline_is_not_the_publication_date(tmp_path, top):
    assert load(write(tmp_path, "h.txt", f"{top}\n\nThe two ministers will meet next month.\n")).date is None


def test_a_date_deep_in_the_body_is_not_the_publication_date(tmp_path):
    body = "\n\n".join(["A paragraph about trade and cooperation between the two countries, which is long enough "
                        "to count as body text rather than a dateline of any kind at all."] * 8)
    body += "\n\nThe treaty was signed on 12 December 1996."
    assert load(write(tmp_path, "e.txt", body)).date is None


BODY = "\n\n".join(["The two ministers co-chaired on Thursday the second session of their joint commission, and "
                    "agreed to meet again next year in the other capital."] * 8)


def test_an_agency_sign_off_at_the_end_gives_the_date_when_the_top_has_none(tmp_path):
    assert load(write(tmp_path, "s.txt", f"Two ministers meet\n\n{BODY}\n\nMAP 30 January 2025\n")).date == "2025-01-30"


def test_dated_related_stories_at_the_end_give_no_date(tmp_path):
    tail = "Related:\nMinister visits port - 12 March 2024\nTrade fair opens - 3 April 2024\n"
    assert load(write(tmp_path, "r.txt", f"Two ministers meet\n\n{BODY}\n\n{tail}")).date is None


ARTICLE = ("Ministers from both countries met in the capital to discuss trade. “We agreed – finally – on the "
           "café and piñata rules,” said José Álvarez. The fund is worth €5 million.\nSecond line here.\n")


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: s.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "windows-1252-crlf"],
)
def test_text_encodings_decode_exactly(tmp_path, encode):
    source = load(write(tmp_path, "enc.txt", encode(ARTICLE)))
    assert source.text == ARTICLE.strip()


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le ministre a rencontré son homologue à Paris ; coopération, sécurité, œuvre, Noël.", "cp1252"),
        ("Radosław Sikorski spotkał się z ministrem w Warszawie. Współpraca, żółć, łódź, źródło.", "cp1250"),
        ("Рабочая встреча министров иностранных дел состоялась в Москве в понедельник.", "cp1251"),
    ],
)
def test_legacy_single_byte_encodings_are_detected(tmp_path, text, encoding):
    assert load(write(tmp_path, "legacy.txt", text.encode(encoding))).text == text


def test_windows_1252_sample_with_crlf_decodes_right():
    source = load(SOURCES / "d04_morocco_spain.txt")
    assert "\r" not in source.text
    for word in ("Albares’s", "“new stage”", "José Manuel Albares", "Sánchez", "€"):
        assert word in source.text
    assert source.date == "2024-03-14"


def test_sentences_glued_by_a_scraper_get_their_space_back(tmp_path):
    text = "Relations grew over the past time.Vietnam is a partner, the PM affirmed.Host and guest agreed. See www.mfa.Gov.sg"
    source = load(write(tmp_path, "g.txt", text))
    assert source.text == ("Relations grew over the past time. Vietnam is a partner, the PM affirmed. Host and guest agreed. "
                           "See www.mfa.Gov.sg")


def test_wire_credit_becomes_the_publisher(tmp_path):
    text = " date 2025-01-11 BOGOR, Indonesia, Jan 11 (Meridian Wire) - The leaders agreed on Saturday to talk."
    source = load(write(tmp_path, "w.txt", text))
    assert source.publisher == "Meridian Wire"
    assert source.title == "The leaders agreed on Saturday to talk"


# ---------------------------------------------------------------- markdown

def test_markdown_loses_its_syntax_but_not_its_words(tmp_path):
    md = (
        "# Joint Statement on Energy\n\n*Oslo, 5 March 2025*\n\n"
        "The **Minister** met _Radosław Sikorski_ and read the [full text](https://example.org/x) "
        "![logo](logo.png) of the `statement`.\nThis line continues the paragraph.\n\n"
        "## Deliverables\n\n- a working group;\n- a research call.\n\n---\n\n[ref]: https://example.org\n"
    )
    source = load(write(tmp_path, "s.md", md))
    assert source.format == "md"
    assert source.title == "Joint Statement on Energy"
    assert source.date == "2025-03-05"
    assert "The Minister met Radosław Sikorski and read the full text of the statement. This line continues" in source.text
    for junk in ("#", "**", "](", "https://", "logo", "`", "---"):
        assert junk not in source.text
    assert "- a working group;\n- a research call." in source.text


def test_markdown_front_matter_gives_title_and_date(tmp_path):
    md = "---\ntitle: Talks in Rome\ndate: 2024-05-02\n---\nThe two ministers met.\n"
    source = load(write(tmp_path, "f.md", md))
    assert (source.title, source.date, source.text) == ("Talks in Rome", "2024-05-02", "The two ministers met.")


# ---------------------------------------------------------------- html

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ministers agree on rail link – The Daily Ledger</title>
<meta property="og:title" content="Ministers agree on rail link">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2023-05-04T09:00:00+02:00">
<script>var tracking = "SCRIPTTEXT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<div class="ticker">Trending: Minister resigns over ticker scandal</div>
<article><h1>Ministers agree on rail link</h1>
<p>The foreign ministers of Austria and Slovenia agreed on Tuesday to build a new rail link between Graz and
Maribor, a project worth 2 billion euros that both governments will share over ten years of construction.</p>
<p>The agreement, signed in Vienna, also covers a joint working group on freight and a study of night trains
between the two capitals, to be presented to both cabinets before the end of the year.</p>
<p>Officials said the first works would start in the spring, once the environmental review is complete and
the financing plan has been approved by the parliaments of both countries.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Prime minister visits Japan for summit</a></li>
<li><a href="/b">Border talks stall again</a></li></ul></aside>
<footer><p>© 2023 The Daily Ledger. All rights reserved.</p>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div></footer></body></html>"""


def test_html_keeps_the_article_only(tmp_path):
    source = load(write(tmp_path, "page.html", PAGE))
    assert source.format == "html"
    assert source.title == "Ministers agree on rail link"
    assert source.date == "2023-05-04"
    assert source.publisher == "The Daily Ledger"
    assert "rail link between Graz and Maribor" in source.text
    assert "\n\n" in source.text  # paragraphs stay apart
    for junk in ("Home", "World news menu", "ticker scandal", "SCRIPTTEXT", "color:red", "Related stories",
                 "visits Japan", "Border talks", "cookies", "All rights reserved"):
        assert junk not in source.text


def test_htm_in_windows_1252_declared_in_meta(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Graz", "Graz – Café")
    source = load(write(tmp_path, "page.htm", page.encode("cp1252")))
    assert "Graz – Café" in source.text


# ---------------------------------------------------------------- docx

def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    path = make_docx(
        tmp_path / "r.docx",
        title="Canada and Chile renew ties",
        paragraphs=["News release – March 4, 2024 – Santiago", "The ministers met in Santiago today."],
        table=[["Working group", "Priority"], ["Mining", "First meeting in Lima in May 2024"]],
        after_table=["Contacts: media office."],
    )
    source = load(path)
    assert source.format == "docx"
    assert source.title == "Canada and Chile renew ties"
    assert source.date == "2024-03-04"
    text = source.text
    assert "Mining | First meeting in Lima in May 2024" in text
    assert text.index("The ministers met") < text.index("Mining |") < text.index("Contacts: media office.")


def test_docx_without_a_visible_date_uses_the_core_properties(tmp_path):
    path = make_docx(tmp_path / "p.docx", title=None, paragraphs=["The ministers met in Santiago today to talk."],
                     created=dt.datetime(2022, 7, 9, 10, 0))
    source = load(path)
    assert source.date == "2022-07-09"
    assert source.title == "The ministers met in Santiago today to talk"


def test_docx_template_defaults_are_not_taken_for_the_date_or_author(tmp_path):
    source = load(make_docx(tmp_path / "plain.docx", title=None, paragraphs=["The ministers met in Lima to talk."]))
    assert source.date is None and source.author is None


# ---------------------------------------------------------------- pdf

def _release_pdf(pages: int = 1) -> bytes:
    body = [
        "@big State Visit by the President",
        "",
        "3 March 2025",
        "",
        "Prime Minister Anthony Albanese announced that the Governor-General, Her Excellency Ms Sam",
        "Mostyn AC, will host the President on Monday 17 March. The talks will cover the develop-",
        "ment of the Timor-",
        "Leste gas fields.",
        "",
        "A second paragraph follows here.",
    ]
    page_list = []
    for number in range(1, pages + 1):
        lines = [(72.0, 800.0, "Media release – Prime Minister")]
        lines += lines_at(760, body if number == 1 else [f"Page body text {number} continues the release."])
        lines.append((72.0, 40.0, f"Page {number} of {pages}"))
        page_list.append(lines)
    return make_pdf(page_list)


def test_pdf_lines_rejoin_into_paragraphs(tmp_path):
    source = load(write(tmp_path, "r.pdf", _release_pdf()))
    assert source.format == "pdf"
    assert source.title == "State Visit by the President"
    assert source.date == "2025-03-03"
    assert "Her Excellency Ms Sam Mostyn AC, will host" in source.text  # a wrapped name comes out whole
    assert "the development of the Timor-Leste gas fields." in source.text  # hyphenation mended
    assert "gas fields.\n\nA second paragraph" in source.text


@pytest.mark.parametrize("pages", [2, 4])
def test_pdf_running_header_and_footer_are_dropped(tmp_path, pages):
    source = load(write(tmp_path, "r3.pdf", _release_pdf(pages=pages)))
    assert "Media release – Prime Minister" not in source.text
    assert f"Page 2 of {pages}" not in source.text
    assert "Page body text 2 continues" in source.text
    assert source.title == "State Visit by the President"


def test_a_one_page_pdf_keeps_its_first_and_last_lines(tmp_path):
    text = load(write(tmp_path, "one.pdf", _release_pdf(pages=1))).text
    assert text.startswith("Media release – Prime Minister") and text.endswith("Page 1 of 1")


def test_pdf_paragraph_cut_by_a_page_break_is_whole(tmp_path):
    pages = [
        lines_at(760, ["The first paragraph ends here.", "", "The ministers agreed that the joint commission"]),
        lines_at(760, ["would meet again in Lima in May.", "", "A new paragraph."]),
    ]
    text = load(write(tmp_path, "two.pdf", make_pdf(pages))).text
    assert "the joint commission would meet again in Lima in May.\n\nA new paragraph." in text
    assert text.startswith("The first paragraph ends here.\n\nThe ministers")


def test_pdf_with_an_empty_user_password_is_read(tmp_path):
    source = load(write(tmp_path, "open.pdf", encrypt_pdf(_release_pdf(), user_password="")))
    assert "Mostyn AC" in source.text


# ---------------------------------------------------------------- eml

def _mail(*, plain: str | None, html: str | None, subject: str = "Talks in Rome – readout") -> bytes:
    message = EmailMessage()
    message["From"] = "Press Office <press@mfa.example>"
    message["To"] = "desk@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 07 May 2024 23:30:00 -0400"
    if plain is not None:
        message.set_content(plain, cte="quoted-printable")
        if html is not None:
            message.add_alternative(html, subtype="html", cte="quoted-printable")
    else:
        message.set_content(html, subtype="html", cte="quoted-printable")
    return bytes(message)


def test_eml_multipart_alternative_is_read_once(tmp_path):
    plain = "The ministers met in Rome today and agreed on a joint plan for the café sector.\n"
    html = "<html><body><p>The ministers met in Rome today and agreed on a joint plan for the café sector.</p></body></html>"
    source = load(write(tmp_path, "m.eml", _mail(plain=plain, html=html)))
    assert source.format == "eml"
    assert source.text.count("The ministers met in Rome") == 1
    assert "café" in source.text
    assert source.title == "Talks in Rome – readout"  # RFC 2047 encoded on the wire
    assert source.date == "2024-05-07"  # as written by the sender, not moved to UTC
    assert source.publisher == "Press Office"


def test_eml_8bit_windows_1252_and_flowed_text(tmp_path):
    mail = (b"From: =?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jp@exteriores.example>\r\nSubject: Reuni\xf3n\r\n"
            b"Date: Thu, 14 Mar 2024 18:00:00 +0100\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=windows-1252; format=flowed\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n"
            b"The ministers met in Madrid and agreed on a \x93new stage\x94 \x96 with \x80 2 million \r\n"
            b"for the caf\xe9 sector.\r\n")
    source = load(write(tmp_path, "w.eml", mail))
    assert source.text == "The ministers met in Madrid and agreed on a “new stage” – with € 2 million for the café sector."
    assert source.author == "José Pérez"
    assert source.date == "2024-03-14"


def test_eml_html_only_goes_through_the_page_cleaning(tmp_path):
    html = ("<html><head><style>p{color:red}</style></head><body><p>The delegations held talks in Oslo on energy.</p>"
            "<p>They will meet again in <b>June</b>.</p></body></html>")
    source = load(write(tmp_path, "h.eml", _mail(plain=None, html=html)))
    assert "The delegations held talks in Oslo on energy." in source.text
    assert "They will meet again in June." in source.text
    assert "<" not in source.text and "color" not in source.text


def test_eml_forwarded_release_keeps_its_content_and_metadata(tmp_path):
    plain = (
        "FYI below.\n\n---------- Forwarded message ---------\nFrom: Spokesperson <spox@mfa.example>\n"
        "Date: Mon, 9 Sep 2024 at 16:05\nSubject: Minister receives counterpart\nTo: <list@mfa.example>\n\n"
        "> PRESS RELEASE\n>\n> The Minister received his counterpart today.\n\n--\nKarim\nDesk officer\n"
    )
    source = load(write(tmp_path, "f.eml", _mail(plain=plain, html=None, subject="Fwd: Minister receives counterpart")))
    assert source.title == "Minister receives counterpart"
    assert source.date == "2024-09-09"
    assert "PRESS RELEASE\n\nThe Minister received his counterpart today." in source.text
    assert "Desk officer" not in source.text  # the forwarder's signature
    assert "FYI below" not in source.text  # ... and covering note
    assert source.text.startswith("PRESS RELEASE")
    assert "spox@mfa.example" not in source.text


# ---------------------------------------------------------------- language and marking

@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris pour discuter de la "
         "coopération énergétique et de la sécurité en Europe.", "fr"),
        ("El ministro de Asuntos Exteriores se reunió con su homólogo marroquí en Madrid para hablar de la "
         "cooperación económica y de la migración.", "es"),
        ("Der Außenminister traf sich am Montag in Berlin mit seinem polnischen Amtskollegen, um über die "
         "Zusammenarbeit bei der Energie zu sprechen.", "de"),
        ("Foreign Minister Vivian Balakrishnan met his Vietnamese counterpart Bui Thanh Son in Hanoi on Monday "
         "to discuss the digital economy.", "en"),
        ("Ishiba, Prabowo.", "en"),  # too short to tell
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_a_french_source_is_imported_with_its_language(tmp_path):
    text = ("Paris, le 14 mars 2024\n\nLe ministre des Affaires étrangères a reçu aujourd'hui son homologue "
            "marocain pour des entretiens sur la coopération économique et la sécurité régionale.\n")
    source = load(write(tmp_path, "fr.txt", text))
    assert source.language == "fr"
    assert source.date == "2024-03-14"
    assert "homologue marocain" in source.text


def test_marking_defaults_and_can_be_set(tmp_path):
    path = write(tmp_path, "m.txt", "The ministers met.")
    assert load(path).marking == "UNCLASSIFIED"
    assert load(path, marking="restricted").marking == "RESTRICTED"
    with pytest.raises(ValueError, match="unknown security marking"):
        load(path, marking="SEKRIT")


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".eml"} <= SUPPORTED_SUFFIXES


# ---------------------------------------------------------------- the dev sources

DEV_FILES = sorted(SOURCES.iterdir()) + sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", DEV_FILES, ids=lambda p: p.name)
def test_dev_source_publication_date_matches_gold(path):
    gold = json.loads((DEV / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    source = load(path)
    assert source.date == gold["date"]
    assert source.language == "en"
    assert source.title and len(source.title) <= 121
    assert "\r" not in source.text and "\n\n\n" not in source.text


@pytest.mark.parametrize("name", ["d06_india_bangladesh.html", "d07_philippines_korea.html"])
def test_saved_pages_leave_out_the_page_furniture(name):
    text = load(SOURCES / name).text
    for junk in ("Trending", "BREAKING", "Related stories", "More in Opinion", "cookies", "Subscribe",
                 "Privacy", "@context", "dataLayer", "cookie-banner", "E-paper", "Advertisement",
                 "Bhutan and Bangladesh", "sign 8 agreements", "Marcos to make official visit"):
        assert junk not in text, junk
    assert "Ganges" in text or "Vientiane" in text


def test_d06_and_d07_metadata():
    d06 = load(SOURCES / "d06_india_bangladesh.html")
    assert d06.publisher == "The Bay Review"
    assert d06.title.startswith("Rivers before rhetoric")
    d07 = load(SOURCES / "d07_philippines_korea.html")
    assert d07.publisher == "Manila Courier"
    assert "Kay Rala Xanana Gusmão" in d07.text


def test_d08_mail_content_once_and_forward_headers_out():
    source = load(SOURCES / "d08_egypt_uae.eml")
    assert source.text.count("received His Highness Sheikh Abdullah bin Zayed Al Nahyan") == 1
    assert "Egypt’s north-west Mediterranean coast" in source.text  # quoted-printable UTF-8
    assert source.title == "Foreign Minister Abdelatty receives UAE Foreign Minister in Cairo"
    assert "Regional Monitoring Unit" not in source.text  # signature
    assert "FYI" not in source.text and "Karim" not in source.text  # the forwarder's note
    assert "Arab Republic of Egypt" in source.text  # the release's own sign-off is content


def test_d09_table_cells_are_text():
    source = load(SOURCES / "d09_canada_mexico.docx")
    assert "First meeting in Toronto in March 2025" in source.text
    assert "More than 25,000 Mexican workers" in source.text
    assert source.title == "Canada and Mexico renew their partnership as it turns 20"


def test_d10_pdf_date_is_the_visible_one_and_names_are_whole():
    source = load(SOURCES / "d10_australia_timor-leste.pdf")
    assert source.date == "2025-03-03"
    assert "Her Excellency the Honourable Ms Sam Mostyn AC" in source.text
    assert "His Excellency José Ramos-Horta" in source.text
    assert "the Hon Lia Finocchiaro MLA" in source.text
    assert source.title == "State Visit to Australia by the President of Timor-Leste"


def test_plain_english_is_recognised_without_the_language_model_and_other_languages_still_are(monkeypatch):
    from briefing.loaders import language

    english = ("Foreign Minister Vivian Balakrishnan met his Vietnamese counterpart in Hanoi on Monday. "
               "The two ministers discussed the digital economy, trade and the security of the region, and "
               "they agreed to hold the next round of talks in Singapore later in the year. ") * 3
    french = ("Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris lundi. Les deux "
              "ministres ont discuté de la coopération énergétique, du commerce et de la sécurité en Europe, et "
              "ils sont convenus de tenir la prochaine réunion à Berlin à la fin de l'année. ") * 3
    assert detect_language(french) == "fr"

    def no_model():
        raise AssertionError("langid consulted")

    monkeypatch.setattr(language, "_model", no_model)
    assert detect_language(english) == "en"
