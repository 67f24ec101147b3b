"""A runaway user template is stopped at its limits, says which, and writes nothing (real templates, real
child processes; the limits are set low so the test is quick)."""

from __future__ import annotations

import time

import pytest
from docx import Document

from briefing.brief import limits
from briefing.brief.build import render_brief
from briefing.brief.errors import TemplateError
from briefing.brief.limits import Limits, RenderLimitError
from tests.core.test_brief_fixtures import make_library

TIGHT = Limits(cpu_seconds=2, memory_bytes=1024**3, output_bytes=1024**2, wall_seconds=20)


def _user_template(folder, name: str, body: str):
    document = Document()
    document.add_paragraph("Brief: {{ meta.title }}")
    document.add_paragraph(body)
    path = folder / f"{name}.docx"
    document.save(str(path))
    return path


@pytest.fixture
def lib(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "DEFAULT", TIGHT)
    library, brief_id, _ = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id
    library.close()


@pytest.mark.parametrize("body, says", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "processor-time limit"),
    ("{{ 'A' * 10**9 }}", "limit"),
    ("{% for i in range(100000) %}{{ (i * 2654435761) % 4294967296 }} {% endfor %}" * 3, "output"),
])
def test_a_runaway_template_stops_at_its_limit_and_writes_nothing(lib, tmp_path, body, says):
    library, brief_id = lib
    template = _user_template(tmp_path, "runaway", body)
    out = tmp_path / "out.docx"
    started = time.monotonic()
    with pytest.raises(RenderLimitError, match=says) as caught:
        render_brief(library, brief_id, template, out, own_country="SG")
    assert time.monotonic() - started < TIGHT.wall_seconds + 5
    assert "runaway" in str(caught.value) and "nothing was written" in str(caught.value)
    assert not out.exists()
    assert not list(tmp_path.glob(".out.*"))  # no half-written temporary file either


def test_a_broken_tag_is_still_named_from_the_child(lib, tmp_path):
    library, brief_id = lib
    template = _user_template(tmp_path, "broken", "{{ meta.title ")
    with pytest.raises(TemplateError, match="broken"):
        render_brief(library, brief_id, template, tmp_path / "x.docx", own_country="SG")


def test_a_normal_brief_renders_under_the_limits(lib, tmp_path):
    library, brief_id = lib
    out = render_brief(library, brief_id, "bilateral_brief", tmp_path / "b.docx", own_country="SG")
    assert Document(str(out)).paragraphs
