"""The pipeline as a whole: lazy model, configured components, evidence spans, formats, languages, rule files."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing.extract import extract, extract_many
from briefing.extract.rules import RuleFileError, load_rules, validate_all
from tests.core._extract_helpers import run, source, spans_ok

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "sources"
SHARED = REPO.parent / "shared"

RELEASE = (
    "Foreign Minister Lina Haddad of Jordan met Foreign Minister Pedro Alves of Brazil in Amman on Monday. "
    "The two ministers signed a memorandum of understanding on water management and agreed to hold annual "
    "consultations. Trade between the two countries rose 12% to $1.4 billion last year."
)


def test_importing_extract_does_not_load_spacy():
    code = "import sys, briefing.extract, briefing.model; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_components_run_in_the_configured_order():
    from briefing.extract.nlp import get_nlp
    from briefing.extract.pipeline import COMPONENTS

    names = get_nlp().pipe_names
    ours = [n for n in names if n.startswith("bb_")]
    assert ours == [n for n, _ in COMPONENTS]
    assert names.index("bb_layout") < names.index("parser") < names.index("ner") < names.index("bb_countries")
    assert names.index("bb_countries") == names.index("ner") + 1, "country entities are set before anything reads them"


def test_countries_the_model_missed_become_entities_and_its_own_stand():
    """One phrase matcher finds country mentions and tags what the model's NER did not (GPE for names and
    capitals, NORP for demonyms); an entity the model found is not overwritten."""
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("Officials from The Gambia said the Lao talks went well, as did Kingdom of Bahrain.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("The Gambia", "GPE") in ents and ("Lao", "NORP") in ents  # the model tags neither here
    assert ("Kingdom", "GPE") in ents and ("Bahrain", "GPE") in ents  # the model's "Kingdom" is left as it was


def test_every_evidence_span_points_into_the_stored_text():
    src = source(RELEASE, "2024-02-14")
    x = extract(src)
    assert x.events and x.agreements and x.figures and x.people
    spans_ok(src, x)


def test_not_english_is_not_analysed_and_order_is_kept():
    srcs = [source(RELEASE, "2024-02-14"), source("Le ministre a rencontré son homologue.", language="fr"),
            source(RELEASE.replace("Monday", "Tuesday"), "2024-02-14")]
    out = list(extract_many(srcs, batch_size=2))
    assert [x.analysed for x in out] == [True, False, True]
    assert out[1].note == "not analysed (language: fr)" and out[1].items() == []
    assert out[0].events[0].date == "2024-02-12" and out[2].events[0].date == "2024-02-13"


def test_main_countries_are_the_parties_not_every_country_named():
    x = run("Foreign Minister Lina Haddad of Jordan met Foreign Minister Pedro Alves of Brazil in Amman on Monday. "
            "They discussed the war in Ukraine, the situation in Sudan and trade with China. The two ministers agreed "
            "to open a Jordanian trade office in Brasília.", date="2024-02-14")
    assert sorted(x.countries) == ["BR", "JO"]


@pytest.mark.parametrize("name", sorted(p.name for p in GOLD.iterdir()) if GOLD.exists() else [])
def test_own_gold_sources_load_and_keep_spans(name):
    from briefing.loaders import load

    src = load(GOLD / name)
    x = extract(src)
    spans_ok(src, x)
    if name.startswith("g05"):
        assert x.items() == []
    else:
        assert x.events and x.people


def test_email_and_word_sources(tmp_path):
    from briefing.loaders import load

    msg = EmailMessage()
    msg["From"] = "desk@example.org"
    msg["To"] = "team@example.org"
    msg["Subject"] = "Fwd: release"
    msg["Date"] = "Tue, 13 Feb 2024 10:00:00 +0000"
    msg.set_content("FYI below.\n\nKarim\n\n" + RELEASE + "\n\n--\nKarim Saleh\nGulf Desk\n")
    eml = tmp_path / "release.eml"
    eml.write_bytes(bytes(msg))
    src = load(eml)
    x = extract(src)
    spans_ok(src, x)
    assert "Karim Saleh" not in {p.name for p in x.people}
    assert {"Lina Haddad", "Pedro Alves"} <= {p.name for p in x.people}

    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Jordan and Brazil sign water memorandum", 0)
    d.add_paragraph("February 14, 2024")
    d.add_paragraph(RELEASE)
    path = tmp_path / "release.docx"
    d.save(path)
    src = load(path)
    x = extract(src)
    spans_ok(src, x)
    assert any(a.kind == "mou" for a in x.agreements)


def test_pdf_source_when_the_shared_samples_are_there():
    pdf = SHARED / "eval" / "dev" / "sources" / "d10_australia_timor-leste.pdf"
    if not pdf.exists():
        pytest.skip("shared samples not beside the repository")
    from briefing.loaders import load

    src = load(pdf)
    x = extract(src)
    spans_ok(src, x)
    assert {"Anthony Albanese", "José Ramos-Horta"} <= {p.name for p in x.people}
    assert any(e.type == "visit" and e.status == "planned" for e in x.events)


def test_rule_files_are_valid_and_a_bad_one_is_named(tmp_path):
    validate_all()
    bad = tmp_path / "event_triggers.json"
    data = json.loads((REPO / "briefing" / "extract" / "data" / "event_triggers.json").read_text(encoding="utf-8"))
    data["verbs"]["meet"] = "gathering"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"event_triggers\.json.*verbs\.meet"):
        load_rules("event_triggers.json", bad)
    broken = tmp_path / "countries.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"countries\.json: not valid JSON"):
        load_rules("countries.json", broken)


def test_every_rule_file_has_a_schema_and_the_vocabularies_are_the_programs(tmp_path):
    data = json.loads((REPO / "briefing" / "extract" / "data" / "agreement_triggers.json").read_text("utf-8"))
    data["documents"]["compact"] = "accord"  # not an agreement kind of briefing.model
    (tmp_path / "agreement_triggers.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"agreement_triggers\.json: bad entry 'documents\.compact'"):
        validate_all(tmp_path)
    (tmp_path / "agreement_triggers.json").unlink()
    (tmp_path / "greetings.json").write_text(json.dumps({"hello": ["hi"]}), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"greetings\.json: no schema"):
        validate_all(tmp_path)


@pytest.mark.parametrize("text", ["", "  \n\n ", "Meeting", "They signed:\n\n-\n-;\n", "H.E. , Minister of , met .",
                                  "THE PRESIDENT MET THE PRIME MINISTER IN PARIS ON MONDAY."])
def test_odd_texts_give_an_empty_extraction_not_an_error(text):
    x = run(text)
    assert x.analysed and x.items() == []


STEPS = [("events", "find_events", "events"), ("agreements", "find_agreements", "agreements"),
         ("figures", "extract_figures", "figures"), ("topics", "extract_topics", "topics"),
         ("people", "find_people", "people")]


@pytest.mark.parametrize(("module", "function", "kind"), STEPS)
def test_a_rule_failing_on_one_document_loses_only_its_own_items_there(monkeypatch, module, function, kind):
    import importlib

    rules_module = importlib.import_module(f"briefing.extract.{module}")
    original = getattr(rules_module, function)

    def broken_on_amman(doc, *args, **kwargs):
        if "Amman" in doc.text:
            raise RuntimeError("rule bug")
        return original(doc, *args, **kwargs)

    monkeypatch.setattr(rules_module, function, broken_on_amman)
    other = RELEASE.replace("Amman", "Brasilia")
    odd, fine = extract_many([source(RELEASE, "2024-02-14"), source(other, "2024-02-14")], batch_size=2)
    assert getattr(odd, kind) == [] and getattr(fine, kind)
    # the other steps kept theirs (events are read from the people found, so they go with them)
    for name in {"events", "agreements", "figures", "topics"} - {kind} - ({"events"} if kind == "people" else set()):
        assert getattr(odd, name), name


@pytest.mark.slow
def test_worker_processes_give_the_same_extraction():
    srcs = [source(RELEASE, "2024-02-14"), source(RELEASE.replace("Monday", "Tuesday"), "2024-02-14")]
    one = list(extract_many(srcs, n_process=1))
    two = list(extract_many(srcs, batch_size=1, n_process=2))
    assert one == two


def test_a_parsed_doc_keeps_only_its_result_of_what_the_components_cached():
    """What a worker would serialise: the extraction, not the sentence, token and headline caches."""
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("Foreign Minister Alice Moreau met Kenyan Foreign Minister Musa Otieno in Nairobi on Monday. "
                    "They signed a Memorandum of Understanding on Tourism.")
    ours = sorted(k for k in doc.user_data if isinstance(k, str) and k.startswith("bb_"))
    assert ours == ["bb_extraction"]
    assert doc.user_data["bb_extraction"]["events"]
