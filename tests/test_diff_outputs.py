"""Diff outputs read back with real tools: HTML text, WeasyPrint PDF text, DOCX tracked changes
through python-docx and LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from tests.test_diff_align import NEW_PARA, _edited

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> None:
    res = CliRunner().invoke(cli, ["diff", *args, "--no-facts"])
    assert res.exit_code == 0, res.output


def test_html_escapes_report_text_and_is_self_contained(tmp_path: Path) -> None:
    common = ["各位代表：", "二、2024年工作安排", "坚持稳中求进工作总基调，推动高质量发展。"]
    old = _write(tmp_path / "a.txt", [*common, "今年<script>alert(1)</script>目标是增长5%左右。"])
    new = _write(tmp_path / "b.txt", [*common, "今年<script>alert(1)</script>目标是增长5.5%左右。"])
    out = tmp_path / "d.html"
    _run(str(old), str(new), "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<del>5%左右</del>" in page and "<ins>5.5%左右</ins>" in page
    assert 'id="pane-old"' in page and 'id="pane-new"' in page and 'id="redline"' in page
    assert "<link" not in page and 'src="http' not in page  # CSS and JS are inline
    assert page.count("<details") >= 2 and "(unchanged)" in page  # unchanged section collapsed


def test_html_links_moved_paragraph_to_old_place(tmp_path: Path) -> None:
    old, new, marks = _edited(tmp_path)
    out = tmp_path / "d.html"
    _run(str(old), str(new), "-o", str(out))
    page = out.read_text(encoding="utf-8")
    redline = page.split('id="redline"', 1)[1]
    assert "moved from here" in redline and "↑ old place" in redline
    assert redline.count('class="row st-moved"') == 1
    assert redline.count('class="row st-moved-from"') == 1


def test_pdf_prints_the_redline(tmp_path: Path) -> None:
    import pypdfium2

    old, new, marks = _edited(tmp_path)
    out = tmp_path / "d.pdf"
    _run(str(old), str(new), "-o", str(out))
    pdf = pypdfium2.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    compact = "".join(text.split())
    assert "Redline" in text and "Side by side" not in text  # scrolling panes dropped in print
    assert "".join(NEW_PARA.split()) in compact
    assert "".join(marks["deleted"].split()) in compact  # collapsed/removed text is printed too


def test_docx_has_tracked_changes_and_opens_in_libreoffice(tmp_path: Path) -> None:
    import docx

    old, new, marks = _edited(tmp_path)
    out = tmp_path / "d.docx"
    _run(str(old), str(new), "-o", str(out))
    body = docx.Document(str(out)).element.body
    ins, dels = body.findall(f".//{W}ins"), body.findall(f".//{W}del")
    assert ins and dels
    assert all(e.get(f"{W}author") == "reportgen" and e.get(f"{W}date") for e in ins + dels)
    # Deleted text sits in w:delText inside w:del, never in w:t.
    assert all(r.find(f"{W}t") is None for d in dels for r in d.findall(f"{W}r"))
    deleted = "".join(t.text for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text for e in ins for t in e.iter(f"{W}t"))
    assert marks["deleted"] in deleted and marks["moved"] in deleted  # removed; moved: old place
    assert NEW_PARA.strip() in inserted and marks["moved"] in inserted  # added; moved: new place
    assert marks["number_from"] in deleted and marks["number_to"] in inserted
    # Split = an inserted paragraph mark; merge = a deleted one.
    marks_ins = body.findall(f".//{W}pPr/{W}rPr/{W}ins")
    marks_del = body.findall(f".//{W}pPr/{W}rPr/{W}del")
    paras = body.findall(f"{W}p")
    split_p = next(
        p
        for p in paras
        if "".join(t.text or "" for t in p.iter(f"{W}t")).strip().startswith(marks["split"])
    )
    assert split_p.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    merged_p = next(
        p
        for p in paras
        if "".join(t.text or "" for t in p.iter(f"{W}t")).strip().startswith(marks["merged"])
    )
    assert merged_p.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert len(marks_ins) >= 2 and len(marks_del) >= 2
    ids = [e.get(f"{W}id") for e in body.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed (make system-test)")
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: parallel runs do not collide
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "lo" / "d.pdf").stat().st_size > 10_000


def test_docx_single_report_table(tmp_path: Path) -> None:
    import docx

    from tests.conftest import corpus_file

    out = tmp_path / "one.docx"
    res = CliRunner().invoke(
        cli, ["diff", str(corpus_file("hailar-district_2015_zh.txt")), "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    table = docx.Document(str(out)).tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Indicator", "Result", "Target", "Change"]
    # 2014 result: 地区生产总值 +9.1%; 2015 target: +8%.
    assert ["地区生产总值", "9.1%", "8%", "down"] in rows


def test_html_changes_in_points_and_per_cent(tmp_path: Path) -> None:
    """Hailar 2014 → 2015: 规模以上工业总产值 grew 56.6 % in the one review and 16.2 % in the
    next: a change of -40.4 percentage points (it read "-40 pp"), -71.4 % relative."""
    from tests.conftest import corpus_file

    out = tmp_path / "pair.html"
    files = [str(corpus_file(f"hailar-district_{y}_zh.txt")) for y in (2014, 2015)]
    res = CliRunner().invoke(cli, ["diff", *files, "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    results = page.split('id="changed-results"', 1)[1].split("</section>", 1)[0]
    row = next(r for r in results.split("<tr")[1:] if "规模以上工业总产值" in r and "56.6%" in r)
    assert '<td class="num">-40.4 pp</td>' in row and '<td class="num">-71.4 %</td>' in row
    assert "e+" not in results  # no scientific notation anywhere in the table


def test_html_shows_the_target_tables_for_two_reports_and_for_one(tmp_path: Path) -> None:
    """Two reports: the changed-targets table; one report: its results against its targets. Both
    were once inside the many-years section and so never shown for one or two reports."""
    from tests.conftest import SEED, corpus_file

    pair, single = tmp_path / "pair.html", tmp_path / "single.html"
    files = [str(corpus_file(f"hailar-district_{y}_zh.txt")) for y in (2014, 2015)]
    assert CliRunner().invoke(cli, ["diff", *files, "-o", str(pair)]).exit_code == 0
    assert CliRunner().invoke(cli, ["diff", str(SEED), "-o", str(single)]).exit_code == 0
    page = pair.read_text(encoding="utf-8")
    assert '<section id="changed-targets">' in page and '<section id="series">' not in page
    targets = page.split('<section id="changed-targets">', 1)[1].split("</section>", 1)[0]
    assert targets.count("<tr") > 5
    one = single.read_text(encoding="utf-8")
    table = one.split('<section id="results-vs-targets">', 1)[1].split("</section>", 1)[0]
    row = next(r for r in table.split("<tr")[1:] if "3630个" in r)
    assert "3760个" in row  # 新增学位 3630 → 学位 3760: one row, not removed + added
