"""Duplicate finding: the seed's doubled sentences, planted copies in real reports, recycled
passages across years, the archive, and the JSON/DOCX/PDF outputs read back."""

from __future__ import annotations

import html as htmlmod
import importlib.util
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.dupes import find_duplicates, index_add, index_stats
from reportgen.dupes.units import content_length, normalise, numbers, sentence_spans
from reportgen.errors import ReportgenError
from reportgen.readers import read_path
from tests.conftest import corpus_file

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["dupes", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "reportgen.dupes/1"
    return data


def groups_with(data: dict, needle: str) -> list[dict]:
    return [g for g in data["groups"] if any(needle in m["text"] for m in g["members"])]


# --- the seed -------------------------------------------------------------------------------


@pytest.mark.skipif(
    importlib.util.find_spec("reportgen.readers.pdftext") is None,
    reason="the PDF-text reader (seed repair) has not landed yet",
)
def test_seed_reports_exactly_its_two_doubled_sentences(seed_path: Path) -> None:
    data = run_json(str(seed_path))
    assert [g["kind"] for g in data["groups"]] == ["exact", "exact"]
    first, second = data["groups"]
    assert all("三管三必须" in m["text"] for m in first["members"])
    assert all(
        "推动各类生产设备" in m["text"] and "以旧换新" in m["text"] for m in second["members"]
    )
    for g in data["groups"]:
        a, b = g["members"]
        # Doubled in place: the same paragraph, the second copy right after the first.
        assert a["paragraph_id"] == b["paragraph_id"]
        assert a["end"] <= b["start"] and b["start"] - a["end"] <= 1
        assert a["text"] == b["text"]
        assert all(content_length(m["text"]) >= 12 for m in g["members"])
    # Lines point into the wrapped newspaper text, where each copy starts.
    raw = seed_path.read_text(encoding="utf-8").split("\n")
    for g, head in ((first, "制定“三管三必须”"), (second, "推动")):
        lines = [m["line"] for m in g["members"]]
        assert lines[0] < lines[1]
        for line in lines:
            assert head in raw[line - 1] or raw[line - 1].endswith(head[:2])


# --- planted copies in a real report ---------------------------------------------------------


def _plant(text: str) -> tuple[str, dict[str, str]]:
    """Plant four kinds of copies in a real report; returns the new text and what was planted."""
    lines = text.split("\n")
    body = [
        i
        for i, ln in enumerate(lines)
        if not ln.startswith("#") and len(sentence_spans(ln.strip())) >= 3 and len(ln) > 120
    ]
    plain = [
        (i, ln[s:e])
        for i in body
        for ln in [lines[i]]
        for s, e in sentence_spans(ln)
        if 30 <= e - s <= 80 and not re.search(r"\d", ln[s:e])
    ]
    with_digits = [
        (i, ln[s:e])
        for i in body
        for ln in [lines[i]]
        for s, e in sentence_spans(ln)
        if 25 <= e - s <= 90 and re.search(r"\d{2,}", ln[s:e])
    ]
    doubled_line = body[2]
    doubled = lines[doubled_line].strip()
    s, e = sentence_spans(doubled)[1]
    in_place = doubled[s:e]
    far_line = body[4]
    far = lines[far_line].strip()
    near_src = next(sent for i, sent in plain if i not in (doubled_line, far_line))
    near_copy = near_src[:6] + "某某" + near_src[8:20] + "有关" + near_src[22:]
    num_src = next(sent for i, sent in with_digits if i not in (doubled_line, far_line))
    num_copy = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), num_src)
    lines[doubled_line] = lines[doubled_line].replace(in_place, in_place + in_place, 1)
    lines.insert(len(lines) - 3, "　　" + far)
    lines.insert(len(lines) - 6, "　　" + near_copy)
    lines.insert(len(lines) // 2, "　　" + num_copy)
    planted = {
        "in_place": in_place,
        "far": far,
        "near": near_copy,
        "numbers": num_copy,
        "near_src": near_src,
        "numbers_src": num_src,
    }
    return "\n".join(lines), planted


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict]:
    src = corpus_file("hailar-district_2013_zh.txt")
    text, planted = _plant(src.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("planted") / "hailar-2013-planted.txt"
    path.write_text(text, encoding="utf-8")
    return path, planted, run_json(str(path))


def test_sentence_doubled_in_place_is_exact(planted: tuple[Path, dict[str, str], dict]) -> None:
    _, p, data = planted
    (g,) = [g for g in groups_with(data, p["in_place"]) if g["kind"] == "exact"]
    a, b = g["members"]
    assert a["paragraph_id"] == b["paragraph_id"] and a["end"] == b["start"]
    assert normalise(a["text"]) == normalise(p["in_place"])


def test_paragraph_repeated_far_away_is_one_exact_paragraph_group(
    planted: tuple[Path, dict[str, str], dict],
) -> None:
    _, p, data = planted
    groups = groups_with(data, p["far"][:40])
    # The whole paragraph is reported once, not again sentence by sentence.
    assert len(groups) == 1
    (g,) = groups
    assert g["kind"] == "exact"
    assert [m["unit"] for m in g["members"]] == ["paragraph", "paragraph"]
    a, b = g["members"]
    assert int(b["paragraph_id"][1:]) - int(a["paragraph_id"][1:]) > 10


def test_near_copy_is_near_with_differences(planted: tuple[Path, dict[str, str], dict]) -> None:
    _, p, data = planted
    (g,) = groups_with(data, p["near"])
    assert g["kind"] == "near" and 0.8 <= g["similarity"] < 1
    copy = next(m for m in g["members"] if m["text"] == p["near"])
    marked = "".join(copy["text"][s - copy["start"] : e - copy["start"]] for s, e in copy["diff"])
    assert "某某" in marked and "有关" in marked


def test_numbers_only_copy_shows_old_and_new_figures(
    planted: tuple[Path, dict[str, str], dict],
) -> None:
    _, p, data = planted
    (g,) = groups_with(data, p["numbers"])
    assert g["kind"] == "numbers"
    pairs = {(c["old"], c["new"]) for c in g["changes"]}
    expected = set(zip(numbers(p["numbers_src"]), numbers(p["numbers"]), strict=True))
    assert len(expected) == len(numbers(p["numbers_src"])) >= 2
    # Either copy can come first in reading order.
    assert pairs == expected or pairs == {(n, o) for o, n in expected}


def test_min_chars_and_allow_list(
    planted: tuple[Path, dict[str, str], dict], tmp_path: Path
) -> None:
    path, p, data = planted
    assert all(content_length(m["text"]) >= 12 for g in data["groups"] for m in g["members"])
    allow = tmp_path / "allow.txt"
    allow.write_text(f"# phrases that may repeat\n{p['in_place']}\n", encoding="utf-8")
    allowed = run_json(str(path), "--allow", str(allow))
    assert not groups_with(allowed, p["in_place"]) or all(
        g["kind"] != "exact" or len(g["members"][0]["text"]) > len(p["in_place"])
        for g in groups_with(allowed, p["in_place"])
    )
    long_only = run_json(str(path), "--min-chars", "200")
    assert all(content_length(m["text"]) >= 200 for g in long_only["groups"] for m in g["members"])
    only_numbers = run_json(str(path), "--kind", "numbers")
    assert {g["kind"] for g in only_numbers["groups"]} == {"numbers"}


# --- across reports and against the archive --------------------------------------------------


def test_recycled_passages_across_hailar_2014_and_2015() -> None:
    y14, y15 = (
        corpus_file("hailar-district_2014_zh.txt"),
        corpus_file("hailar-district_2015_zh.txt"),
    )
    result = find_duplicates([read_path(y14), read_path(y15)])
    across = [g for g in result.groups if len({m.doc for m in g.members}) == 2]
    assert len(across) >= 5
    thanks = [g for g in across if any("我代表区政府向人大代表" in m.text for m in g.members)]
    assert thanks and thanks[0].kind == "exact"
    tourism = [g for g in across if any("旅游接待人数突破" in m.text for m in g.members)]
    assert tourism and tourism[0].kind == "near"
    assert {m.year for m in tourism[0].members} == {2014, 2015}
    assert 0 < result.share < 0.5


def test_archive_finds_reuse_with_source_and_year(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    old = [str(corpus_file(f"hailar-district_{y}_zh.txt")) for y in (2012, 2013, 2014)]
    runner = CliRunner()
    r = runner.invoke(cli, ["index", "add", *old, "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "3 reports added" in r.output
    again = runner.invoke(cli, ["index", "add", old[0], "--db", str(db)])
    assert "0 reports added, 1 already there" in again.output
    stats = json.loads(runner.invoke(cli, ["index", "stats", "--db", str(db), "--json"]).output)
    assert stats["documents"] == 3 and stats["years"] == [2012, 2013, 2014]

    new = str(corpus_file("hailar-district_2015_zh.txt"))
    data = run_json(new, "--against", str(db))
    archived = {s["label"]: s["year"] for s in data["sources"] if s["archived"]}
    assert set(archived.values()) <= {2012, 2013, 2014} and 2014 in archived.values()
    for g in data["groups"]:
        # Every group touches the new report; old-with-old repeats are not reported.
        assert any(m["doc"] == new for m in g["members"])
    thanks = [g for g in groups_with(data, "我代表区政府向人大代表") if g["kind"] == "exact"]
    assert any(m["year"] == 2014 and m["doc"] != new for m in thanks[0]["members"])

    missing = runner.invoke(cli, ["dupes", new, "--against", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
    assert missing.output.count("\n") == 1 and "no such archive" in missing.output


def _group_keys(groups: list[dict]) -> list[tuple]:
    return [
        (g["kind"], tuple((m["paragraph_id"], m["start"], m["end"]) for m in g["members"]))
        for g in groups
    ]


@pytest.mark.parametrize("name", ["seed", "hailar-district_2015_zh.txt"])
def test_report_checked_against_an_archive_holding_itself(
    name: str, seed_path: Path, tmp_path: Path
) -> None:
    """Editors re-run a report after indexing it: its archived copy is the report itself, not
    reuse. The result is the one without the archive, and the notes say why."""
    report = str(seed_path if name == "seed" else corpus_file(name))
    db = tmp_path / "archive.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["index", "add", report, "--db", str(db)]).exit_code == 0
    alone = run_json(report)
    against = run_json(report, "--against", str(db))
    assert _group_keys(against["groups"]) == _group_keys(alone["groups"])
    assert against["share"] == alone["share"] < 0.5
    assert not any(s["archived"] for s in against["sources"])
    assert alone["notes"] == []
    (note,) = against["notes"]
    assert report in note and "already in the archive" in note and "left out" in note
    # The editor's views say it too: HTML (and the PDF printed from it) and the Word copy.
    html, docx_file = tmp_path / "d.html", tmp_path / "d.docx"
    for out in (html, docx_file):
        res = runner.invoke(cli, ["dupes", report, "--against", str(db), "-o", str(out)])
        assert res.exit_code == 0, res.output
    assert htmlmod.escape(note, quote=False) in html.read_text(encoding="utf-8")
    import docx

    assert any(note in p.text for p in docx.Document(str(docx_file)).paragraphs)


def test_same_report_left_out_logs_a_warning_and_other_years_still_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    y14, y15 = (corpus_file(f"hailar-district_{y}_zh.txt") for y in (2014, 2015))
    db = tmp_path / "archive.db"
    stats = index_add([read_path(y14), read_path(y15)], db=db)
    assert stats.added == 2
    new = read_path(y15)
    with caplog.at_level("WARNING", logger="reportgen.dupes"):
        result = find_duplicates([new], against=db)
    assert [r.getMessage() for r in caplog.records] == list(result.notes)
    assert len(result.notes) == 1 and str(y15) in result.notes[0]
    # 2014 is still searched: its recycled passages are reported, and nothing comes from the
    # archived 2015 copy.
    archived = [m for g in result.groups for m in g.members if m.doc != new.source]
    assert archived and {m.year for m in archived} == {2014}
    thanks = [
        g for g in result.groups if any("我代表区政府向人大代表" in m.text for m in g.members)
    ]
    assert thanks and thanks[0].kind == "exact"


def _revise(text: str) -> tuple[str, str, str]:
    """A revision of a report as an editor makes one: the figures of one paragraph updated, a
    sentence added to another, a new paragraph. Returns the text, the updated paragraph's first
    figure before and after."""
    lines = text.split("\n")
    body = [i for i, ln in enumerate(lines) if not ln.startswith("#") and len(ln) > 120]
    figures = next(i for i in body if re.search(r"\d{3,}", lines[i]))
    old = re.search(r"\d{3,}", lines[figures]).group()
    lines[figures] = re.sub(r"\d{3,}", lambda m: str(int(m.group()) + 11), lines[figures])
    added_to = next(i for i in body if i != figures)
    lines[added_to] = lines[added_to].rstrip() + "各项工作均按计划推进，群众满意度进一步提升。"
    lines.insert(len(lines) - 2, "　　今年还将开展营商环境专项评估，评估结果向社会公开。")
    return "\n".join(lines), old, str(int(old) + 11)


def test_revised_report_is_still_compared_with_its_archived_version(tmp_path: Path) -> None:
    src = corpus_file("hailar-district_2015_zh.txt")
    db = tmp_path / "archive.db"
    index_add([read_path(src)], db=db)
    text, old, new = _revise(src.read_text(encoding="utf-8"))
    revised = tmp_path / "hailar-2015-revised.txt"
    revised.write_text(text, encoding="utf-8")
    data = run_json(str(revised), "--against", str(db))
    assert data["notes"] == []
    assert [s["label"] for s in data["sources"] if s["archived"]] == [str(src)]
    across = [
        g for g in data["groups"] if {m["doc"] for m in g["members"]} == {str(revised), str(src)}
    ]
    # Most of the revision is the archived version unchanged …
    assert sum(g["kind"] == "exact" for g in across) >= 20
    assert data["share"] > 0.8
    # … and the updated figures show as such.
    changes = {(c["old"], c["new"]) for g in across if g["kind"] == "numbers" for c in g["changes"]}
    assert (old, new) in changes or (new, old) in changes


def test_index_add_stores_a_report_once(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    report = str(corpus_file("hailar-district_2013_zh.txt"))
    runner = CliRunner()
    r = runner.invoke(cli, ["index", "add", report, report, "--db", str(db)])
    assert r.exit_code == 0 and "1 reports added, 1 already there" in r.output
    first = index_stats(db)
    again = runner.invoke(cli, ["index", "add", report, "--db", str(db)])
    assert "0 reports added, 1 already there" in again.output
    assert index_stats(db) == first and first.documents == 1 and first.passages > 100
    # The same text under another name is the same report.
    copy = tmp_path / "copy-of-2013.txt"
    copy.write_text(Path(report).read_text(encoding="utf-8"), encoding="utf-8")
    assert index_add([read_path(copy)], db=db).skipped == 1
    assert index_stats(db).passages == first.passages


# --- DOCX and PDF ----------------------------------------------------------------------------


def _commented_text(docx_bytes: bytes) -> list[tuple[str, str]]:
    """(comment text, the document text its range covers) pairs, read back with python-docx."""
    import docx

    d = docx.Document(io.BytesIO(docx_bytes))
    texts = {str(c.comment_id): c.text for c in d.comments}
    covered: dict[str, list[str]] = {k: [] for k in texts}
    open_ids: set[str] = set()
    for el in d.element.body.iter():
        if el.tag == W_NS + "commentRangeStart":
            open_ids.add(el.get(W_NS + "id"))
        elif el.tag == W_NS + "commentRangeEnd":
            open_ids.discard(el.get(W_NS + "id"))
        elif el.tag == W_NS + "t":
            for i in open_ids:
                covered[i].append(el.text or "")
    return [(texts[k], "".join(v)) for k, v in covered.items()]


def test_docx_comments_on_every_repeated_passage(
    planted: tuple[Path, dict[str, str], dict], tmp_path: Path
) -> None:
    path, p, data = planted
    out = tmp_path / "dupes.docx"
    r = CliRunner().invoke(cli, ["dupes", str(path), "-o", str(out)])
    assert r.exit_code == 0, r.output
    comments = _commented_text(out.read_bytes())
    members = [m for g in data["groups"] for m in g["members"]]
    assert len(comments) == len(members)
    assert sorted(t for _, t in comments) == sorted(m["text"] for m in members)
    in_place = sorted(c for c, t in comments if t == p["in_place"])
    assert len(in_place) == 2
    assert "Same as the next sentence in this paragraph" in in_place[0]
    assert "Same as the previous sentence in this paragraph" in in_place[1]
    num = next(c for c, t in comments if t == p["numbers"])
    old, new = numbers(p["numbers_src"])[0], numbers(p["numbers"])[0]
    assert f"{old} → {new}" in num


def test_pdf_report_prints(tmp_path: Path) -> None:
    import pypdfium2

    y14, y15 = (
        corpus_file("hailar-district_2014_zh.txt"),
        corpus_file("hailar-district_2015_zh.txt"),
    )
    out = tmp_path / "dupes.pdf"
    r = CliRunner().invoke(cli, ["dupes", str(y15), str(y14), "-o", str(out)])
    assert r.exit_code == 0, r.output
    pdf = pypdfium2.PdfDocument(out.read_bytes())
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Exact copy" in text and "Near copy" in text
    assert "旅游接待人数突破" in text.replace("\r", "").replace("\n", "")


# --- the archive file ------------------------------------------------------------------------


def test_archive_refuses_other_files_with_one_line(tmp_path: Path) -> None:
    report = str(corpus_file("hailar-district_2015_zh.txt"))
    runner = CliRunner()

    def error(*args: str) -> str:
        res = runner.invoke(cli, list(args))
        assert res.exit_code == 2 and res.stderr.count("\n") == 1, res.output
        return res.stderr

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not an archive, just bytes " * 100)
    assert error("index", "add", report, "--db", str(junk)) == (
        f"reportgen: error: {junk}: not a reportgen archive (file is not a database)\n"
    )
    assert "not a reportgen archive" in error("dupes", report, "--against", str(junk))
    # A translation memory passed as the archive: refused, and the memory left as it was.
    tm = tmp_path / "tm.db"
    assert runner.invoke(cli, ["tm", "import", "--db", str(tm), str(
        corpus_file("state-council_2019_zh-en.txt"))]).exit_code == 0  # fmt: skip
    before = tm.read_bytes()
    assert "not a reportgen archive (no such table: passages)" in error(
        "index", "add", report, "--db", str(tm)
    )
    assert "not a reportgen archive" in error("dupes", report, "--against", str(tm))
    assert "not a reportgen archive" in error("index", "stats", "--db", str(tm))
    assert tm.read_bytes() == before
    with pytest.raises(ReportgenError, match="is a directory, not an archive database"):
        find_duplicates([read_path(report)], against=tmp_path)  # the CLI refuses it before


def test_archive_another_program_writes_is_a_one_line_error(tmp_path: Path) -> None:
    from reportgen import store
    from reportgen.dupes import archive

    db = tmp_path / "archive.db"
    old = read_path(corpus_file("hailar-district_2014_zh.txt"))
    new = read_path(corpus_file("hailar-district_2015_zh.txt"))
    archive.add([old], db=db, min_chars=12, allow=())
    other = sqlite3.connect(db)  # another `index add`, mid-way
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM grams")
        # The archive keeps a write-ahead log: checking a report against it does not wait …
        result = find_duplicates([new], against=db)
        assert any(s.archived and s.year == 2014 for s in result.sources)
        # … but a second writer (what `index add` opens) does, and then says so in one line.
        with pytest.raises(archive.ArchiveError) as err:
            store.connect(db, archive.ARCHIVE_STORE, create=True, timeout=0.1)
        assert str(err.value) == (
            f"{db}: cannot write the archive while another program writes to it"
            " (database is locked)"
        )
    finally:
        other.rollback()
        other.close()
    assert archive.stats(db).documents == 1
