"""Briefing PDF: rendered once from the seed, read back with real PDF tools (text, fonts, outline)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from tests.conftest import SEED

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")), reason="poppler-utils missing"
)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    res = CliRunner().invoke(cli, ["brief", str(SEED), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "rendering PDF" in res.output  # progress for the slow step
    return out


@pytest.fixture(scope="module")
def seed_text(seed_pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(seed_pdf) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_pdf_text_holds_bilingual_headings_and_key_figures(seed_text: str):
    flat = re.sub(r"\s+", "", seed_text)
    for zh in ("精彩·2023", "奋进·2024", "优化空间布局", "主要数据", "回顾与计划", "编辑附录"):
        assert zh in flat, zh
    for en in ("Key figures at a glance", "Review vs plan", "Appendix for editors", "Highlights"):
        assert en.replace(" ", "") in flat, en
    for figure in ("4.1万亩", "5.2万亩", "3630个", "41,000mu", "52,000mu", "+26.8%"):
        assert figure in flat, figure
    assert re.search(r"Page1of(\d+)", flat)
    # The chart's labels are text (svg.fonttype none), not paths: the change is in the table
    # once and beside the chart's bar once.
    assert flat.count("+26.8%") == 2


@needs_poppler
def test_pdf_contents_have_page_numbers(seed_pdf: Path):
    toc = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(seed_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Contents" in toc
    numbers = [int(m) for m in re.findall(r"\s(\d+)\s*$", toc, flags=re.M)]
    assert len(numbers) >= 5 and all(n >= 3 for n in numbers) and numbers == sorted(numbers)


@needs_poppler
def test_pdf_embeds_a_subset_cjk_font(seed_pdf: Path):
    out = subprocess.run(["pdffonts", str(seed_pdf)], capture_output=True, text=True, check=True)
    rows = [ln.split() for ln in out.stdout.splitlines()[2:] if ln.strip()]
    cjk = [r for r in rows if "CJK-SC" in r[0]]
    assert cjk, out.stdout
    for r in rows:
        assert re.match(r"^[A-Z]{6}\+", r[0]), r  # subset prefix
        emb, sub, uni = r[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), r
    assert not any("CJK-JP" in r[0] for r in rows)  # lang="zh-CN" picks the SC face


def _embedded_fonts(path: Path) -> list[object]:
    from fontTools.ttLib import TTFont
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1

    fonts = []
    with open(path, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        for xref in doc.xrefs:
            for oid in xref.get_objids():
                try:
                    obj = resolve1(doc.getobj(oid))
                except Exception:
                    continue
                if isinstance(obj, dict) and str(obj.get("Type")) == "/'FontDescriptor'":
                    for key in ("FontFile", "FontFile2", "FontFile3"):
                        stream = resolve1(obj.get(key))
                        if isinstance(stream, PDFStream):
                            fonts.append(TTFont(io.BytesIO(stream.get_data())))
    return fonts


def test_every_character_is_covered_by_an_embedded_font(seed_pdf: Path, seed_text: str):
    """A missing glyph still extracts as text, so check the font programs themselves."""
    fonts = _embedded_fonts(seed_pdf)
    assert fonts
    covered: set[int] = set()
    for font in fonts:
        for table in font["cmap"].tables:
            covered.update(cp for cp, glyph in table.cmap.items() if glyph != ".notdef")
    chars = {ch for ch in seed_text if not ch.isspace()}
    assert len(chars) > 500
    missing = sorted(ch for ch in chars if ord(ch) not in covered)
    assert not missing, missing


def test_pdf_bookmarks_and_metadata(seed_pdf: Path):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(seed_pdf))
    try:
        titles = [re.sub(r"\s+", " ", b.get_title()) for b in pdf.get_toc()]
        title = pdf.get_metadata_dict().get("Title", "")
    finally:
        pdf.close()
    assert any("精彩·2023" in t for t in titles) and any("奋进·2024" in t for t in titles)
    assert any("Key figures" in t for t in titles) and any("Appendix" in t for t in titles)
    assert "Contents" not in " ".join(titles)  # the contents page is no bookmark of its own
    assert "湟中" in title
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with open(seed_pdf, "rb") as f:
        lang = resolve1(PDFDocument(PDFParser(f)).catalog.get("Lang"))
    assert lang in (b"zh-CN", "zh-CN")


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 30, 30)).save(path)
    return path


def _image_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Image", pdf))


def test_pdf_fetches_only_from_the_template_folders(tmp_path: Path):
    """Markup in a (user's) template can name any URL; WeasyPrint may read files inside the
    template folders and nothing else: no other local file, no network."""
    import gc

    from reportgen.writers.pdf import html_to_pdf

    templates = tmp_path / "templates"
    templates.mkdir()
    inside = _png(templates / "logo.png")
    outside = _png(tmp_path / "secret.png")
    page = '<html><body><p>x</p><img src="{}"></body></html>'
    assert _image_count(html_to_pdf(page.format(inside.as_uri()), user_dir=templates)) == 1
    assert _image_count(html_to_pdf(page.format(outside.as_uri()), user_dir=templates)) == 0
    # An unroutable address: a fetch attempt would hang for the timeout, the sandbox refuses at once.
    assert _image_count(html_to_pdf(page.format("http://10.255.255.1/x.png"))) == 0
    # The cycle collector paused for the render is running again.
    assert gc.isenabled()


def test_a_fresh_process_draws_the_chart_while_importing_weasyprint() -> None:
    """In a fresh process the chart comes from a forked worker (this process never imports
    matplotlib) and is the same SVG as drawn in-process."""
    import subprocess
    import sys

    code = """
import sys
from reportgen.brief import build_briefing
from reportgen.facts import extract_facts
from reportgen.readers import read_path
from reportgen.writers.brief_pdf import chart_while_loading
from reportgen.writers.chart import briefing_chart_options, comparison_chart_svg
doc = read_path(sys.argv[1])
b = build_briefing(doc, facts=extract_facts(doc))
svg = chart_while_loading(b)
assert "weasyprint" in sys.modules and "matplotlib" not in sys.modules
assert svg.startswith("<svg") and svg == comparison_chart_svg(b.comparisons, **briefing_chart_options(b))
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
