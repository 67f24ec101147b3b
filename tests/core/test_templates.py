"""Templates: the built-in ones match the documented context; user templates list, render, and fail clearly."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.shared import RGBColor
from docxtpl import DocxTemplate
from jinja2 import nodes

from briefing.brief.build import render_brief
from briefing.brief.context import CONTEXT_KEYS, build_context
from briefing.brief.docx import render_docx
from briefing.brief.environment import make_environment
from briefing.brief.errors import TemplateError
from briefing.brief.summary import render_summary_html
from briefing.brief.templates import find_template, list_templates
from briefing.paths import BUILTIN_TEMPLATES_DIR, user_templates_dir
from tests.core.test_brief_fixtures import all_text, docx_sections, make_library

BUILTIN = ["bilateral_brief", "visit_brief", "agreements_register"]
README = (BUILTIN_TEMPLATES_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id
    library.close()


def _template_ast(name: str):
    tpl = DocxTemplate(str(BUILTIN_TEMPLATES_DIR / f"{name}.docx"))
    doc = tpl.get_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")):
            xml += tpl.patch_xml(tpl.xml_to_string(rel.target_part.element))
    return tpl, make_environment().parse(xml)


@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_template_uses_only_documented_context(name, lib):
    tpl, ast = _template_ast(name)
    assert tpl.get_undeclared_template_variables(make_environment()) <= set(CONTEXT_KEYS)
    used = {n.attr for n in ast.find_all(nodes.Getattr)
            if not (isinstance(n.node, nodes.Name) and n.node.name == "loop")}  # Jinja's own loop.last etc.
    undocumented = {a for a in used if f"`{a}`" not in README}
    assert not undocumented, f"{name} uses fields templates/README.md does not document: {undocumented}"
    library, brief_id = lib
    ctx = build_context(library, brief_id, own_country="SG")
    known = set(ctx["meta"]) | set(ctx["sources"][0]) | {k for ln in ctx["lines"] for k in ln}
    assert used <= known


def test_readme_documents_every_context_key():
    for key in CONTEXT_KEYS:
        assert f"| `{key}` |" in README


def test_builtin_templates_are_listed_first_with_descriptions():
    templates = list_templates()
    assert [t.name for t in templates[:3]] == BUILTIN
    assert templates[0].label == "Bilateral relations brief"
    assert all(t.description and t.builtin for t in templates[:3])
    assert find_template(None).name == "bilateral_brief"
    assert find_template("Visit brief").name == "visit_brief"
    with pytest.raises(Exception, match="No template named 'nope'; available: bilateral_brief"):
        find_template("nope")


def _user_template(name: str, *paragraphs, label: str = "", description: str = "") -> None:
    """A user template: each paragraph is a string or a list of (text, bold) runs."""
    doc = Document()
    doc.core_properties.subject = label
    doc.core_properties.comments = description
    doc.sections[0].header.paragraphs[0].add_run("{{ meta.marking }}")
    for para in paragraphs:
        p = doc.add_paragraph()
        for text, bold in ([(para, False)] if isinstance(para, str) else para):
            run = p.add_run(text)
            run.bold = bold
    doc.save(str(user_templates_dir() / f"{name}.docx"))


def test_user_template_is_listed_and_renders(lib, tmp_path):
    _user_template("cabinet_note", "{{ meta.title }} for {{ meta.recipient }}",
                   "{%p for l in lines %}", "{{ l.text }} {{ l.cite }}", "{%p endfor %}",
                   label="Cabinet note", description="Two pages for Cabinet.")
    (user_templates_dir() / "bilateral_brief.docx").write_bytes((BUILTIN_TEMPLATES_DIR / "visit_brief.docx").read_bytes())
    by_name = {t.name: t for t in list_templates()}
    assert by_name["cabinet_note"].display == "Cabinet note (your template)"
    assert by_name["cabinet_note"].description == "Two pages for Cabinet."
    assert "user:bilateral_brief" in by_name and by_name["bilateral_brief"].builtin
    library, brief_id = lib
    out = tmp_path / "note.docx"
    render_brief(library, brief_id, "cabinet_note", out, own_country="SG")
    text = all_text(out)
    assert "Visit of the Vietnamese Foreign Minister for The Minister" in text
    assert "Two-way trade stood at US$6.2 billion in 2020 [1]" in text
    assert "CONFIDENTIAL" in text


@pytest.mark.parametrize(("paragraphs", "tag", "why"), [
    (["{{ meta.titel }}"], "{{ meta.titel }}", "unknown name"),
    (["Dear {{ addressee }},"], "{{ addressee }}", "unknown name"),
    (["{{ meta.title }"], "{{ meta.title }", "not closed"),
    (["{%p for l in lines %}", "{{ l.text }}"], "{%p for l in lines %}", "broken tag"),
    (["{% if meta.toc %}Contents"], "{% if meta.toc %}", "broken tag"),
    (["{{ meta.title | }}"], "{{ meta.title | }}", "broken tag"),
    (["{% for in lines %}", "{% endfor %}"], "{% for in lines %}", "broken tag"),
    ([[("{{ meta.", False), ("title }}", True)]], "{{ meta.title }}", "split across"),
    (["{{ ''.__class__.__mro__[1].__subclasses__() }}"], "{{ ''.__class__.__mro__[1].__subclasses__() }}", "sandbox"),
    (["{{ lipsum.__globals__['os'] }}"], "{{ lipsum.__globals__['os'] }}", "sandbox"),
])
def test_broken_user_template_names_template_and_tag_and_writes_nothing(lib, tmp_path, paragraphs, tag, why):
    _user_template("broken", "Title: {{ meta.title }}", *paragraphs)
    library, brief_id = lib
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "out.docx"
    out.write_bytes(b"the officer's earlier brief")
    with pytest.raises(TemplateError) as caught:
        render_brief(library, brief_id, "broken", out, own_country="SG")
    message = str(caught.value)
    assert message.startswith("Template 'broken' at tag ")
    assert caught.value.tag == tag and tag in message
    assert why in message
    assert out.read_bytes() == b"the officer's earlier brief"
    assert [p.name for p in folder.iterdir()] == ["out.docx"]


def test_tag_in_runs_that_look_the_same_is_joined_and_renders(lib, tmp_path):
    _user_template("word_split", [("{{ meta.", False), ("title }}", False)])
    library, brief_id = lib
    out = tmp_path / "out.docx"
    render_brief(library, brief_id, "word_split", out, own_country="SG")
    assert "Visit of the Vietnamese Foreign Minister" in all_text(out)


def test_unreadable_user_template_is_listed_and_refused_clearly(lib, tmp_path):
    (user_templates_dir() / "garbage.docx").write_bytes(b"not a zip file")
    listed = {t.name: t for t in list_templates()}
    assert "Cannot be read" in listed["garbage"].description
    library, brief_id = lib
    with pytest.raises(TemplateError, match="Template 'garbage': cannot be opened as a Word document"):
        render_brief(library, brief_id, "garbage", tmp_path / "out.docx", own_country="SG")
    assert not list(tmp_path.glob("*.docx"))


def test_values_are_never_evaluated_as_template_code(lib, tmp_path):
    library, brief_id = lib
    ctx = build_context(library, brief_id, own_country="SG")
    ctx["purpose"] = "{{ meta.marking }} {% raw %}"
    out = tmp_path / "b.docx"
    render_docx("bilateral_brief", ctx, out)
    purpose = docx_sections(out)["Purpose"]
    assert purpose.replace("\u200b", "") == "{{ meta.marking }} {% raw %}"


def test_summary_html_holds_the_lines_and_a_broken_user_summary_is_named(lib):
    library, brief_id = lib
    ctx = build_context(library, brief_id, own_country="SG")
    html = render_summary_html(ctx)
    assert '<meta name="marking" content="CONFIDENTIAL">' in html
    plain = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")
    for line in ctx["lines"]:
        assert line["text"] in plain
    (user_templates_dir() / "summary.html.j2").write_text("<p>{{ meta.title }</p>", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"Template 'summary.html.j2' at tag <p>\{\{ meta.title \}</p>"):
        render_summary_html(ctx)


def test_header_and_footer_of_builtin_templates_hold_the_marking_tag():
    for name in BUILTIN:
        doc = Document(str(BUILTIN_TEMPLATES_DIR / f"{name}.docx"))
        section = doc.sections[0]
        assert "{{ meta.marking }}" in section.header.paragraphs[0].text
        assert "{{ meta.marking }}" in section.footer.paragraphs[0].text
        assert section.header.paragraphs[0].runs[0].font.color.rgb in (None, RGBColor(0xA0, 0x10, 0x10))


def test_summary_template_uses_only_documented_context_and_is_sandboxed(lib):
    from jinja2 import meta

    env = make_environment()
    source = (BUILTIN_TEMPLATES_DIR / "summary.html.j2").read_text(encoding="utf-8")
    assert meta.find_undeclared_variables(env.parse(source)) <= set(CONTEXT_KEYS)
    library, brief_id = lib
    ctx = build_context(library, brief_id, own_country="SG")
    (user_templates_dir() / "summary.html.j2").write_text(
        "{{ meta.__class__.__init__.__globals__ }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="summary.html.j2"):
        render_summary_html(ctx)
