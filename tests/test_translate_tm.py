"""Translation memory: import via the CLI, exact and fuzzy reuse of official English on 2019."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen import store
from reportgen.cli import cli
from reportgen.errors import InputError
from reportgen.readers import aligned
from reportgen.translate import Englisher, Termbase, TMError, TranslationMemory, build_englisher
from reportgen.translate.tm import TM_STORE, read_pairs, tm_key
from tests.conftest import CORPUS, corpus_file

OTHER_YEARS = [*range(2008, 2019), 2022]  # 2024's alignment is automatic and partly shifted


def _other_year_files() -> list[Path]:
    files = [CORPUS / f"state-council_{y}_zh-en.txt" for y in OTHER_YEARS]
    if not all(f.exists() for f in files):
        pytest.skip("shared corpus not available")
    return files


@pytest.fixture(scope="module")
def tm_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A TM of every State Council year except 2019, built with ``reportgen tm import``."""
    db = tmp_path_factory.mktemp("tm") / "tm.db"
    files = _other_year_files()
    res = CliRunner().invoke(cli, ["tm", "import", "--db", str(db), *map(str, files)])
    assert res.exit_code == 0, res.output
    assert f"{files[0]}: 811 pairs" in res.output
    assert "new units" in res.output
    return db


@pytest.fixture(scope="module")
def official() -> dict[str, set[str]]:
    """Key → every official English the other years give for it."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in _other_year_files():
        for zh, en in read_pairs(f):
            out[tm_key(zh)].add(en.strip())
    return out


def test_2019_recurring_sentences_get_official_english(
    tm_db: Path, official: dict[str, set[str]]
) -> None:
    pairs = read_pairs(CORPUS / "state-council_2019_zh-en.txt")
    assert len(pairs) > 700
    with TranslationMemory.open(tm_db) as tm:
        hits = [(zh, tm.best(zh, min_score=90)) for zh, _ in pairs]
    good = [(zh, m) for zh, m in hits if m is not None]
    exact = [(zh, m) for zh, m in good if m.score == 100]
    # Recurring formulations (targets, policy lines, the closing) come back from other years.
    assert len(good) / len(pairs) >= 0.08
    assert len(exact) >= 40
    for _zh, m in good:
        assert m.score >= 90
        # The English is exactly another year's official English for the matched sentence.
        assert m.en in official[tm_key(m.zh)]
    for zh, m in exact:
        assert tm_key(zh) == tm_key(m.zh)


def test_paragraph_assembled_from_tm_sentences(tm_db: Path, official: dict[str, set[str]]) -> None:
    pairs = read_pairs(CORPUS / "state-council_2019_zh-en.txt")
    with TranslationMemory.open(tm_db) as tm:
        exact = [zh for zh, _ in pairs if tm.exact(zh) is not None and zh.endswith("。")]
        para = "".join(exact[:3])
        tr = Englisher(termbase=Termbase.load(), tm=tm).paragraph(para)
    assert tr.status == "tm" and tr.score == 100 and tr.label == "TM 100 %"
    assert tr.text is not None
    for zh in exact[:3]:
        assert any(en.lstrip("- ") in tr.text for en in official[tm_key(zh)])


def test_fuzzy_match_label_and_figures_guard(tm_db: Path) -> None:
    with TranslationMemory.open(tm_db) as tm:
        base = "城镇新增就业1100万人以上，城镇调查失业率5.5%以内，城镇登记失业率4.5%以内；"
        assert tm.exact(base) is not None
        # One word changed: a fuzzy match with its score.
        near = base.replace("城镇新增就业", "城镇新增的就业")
        m = tm.best(near)
        assert m is not None and 90 <= m.score < 100
        tr = Englisher(termbase=Termbase.load(), tm=tm).paragraph(near)
        assert tr.status == "tm" and tr.label == f"TM {int(m.score)} %"
        # A different figure or qualifier must never reuse the English of the old figure.
        assert tm.best(base.replace("5.5%", "5.8%")) is None
        assert tm.best(base.replace("5.5%以内", "5.5%左右")) is None
        assert tm.lookup("完全无关的一句话，说的是别的事情。") is None


def test_clause_units_cover_a_sentence(tm_db: Path) -> None:
    # The TM holds the clauses of this sentence as separate units; the sentence is assembled.
    with TranslationMemory.open(tm_db) as tm:
        pairs = read_pairs(CORPUS / "state-council_2018_zh-en.txt")
        clause_units = [zh for zh, _ in pairs if zh.endswith("，")]
        sentence = clause_units[0][:-1] + "，" + clause_units[1][:-1] + "。"
        assert tm.best(sentence) is None  # no unit holds the whole sentence
        tr = Englisher(termbase=Termbase.load(), tm=tm).paragraph(sentence)
    assert tr.status == "tm", sentence
    assert tr.text and tr.score is not None


def test_import_line_aligned_pair_and_lookup_cli(tmp_path: Path) -> None:
    zh = CORPUS / "state-council_2019_zh.txt"
    if not zh.exists():
        pytest.skip("shared corpus not available")
    db = tmp_path / "pair.db"
    runner = CliRunner()
    res = runner.invoke(cli, ["tm", "import", "--db", str(db), str(zh)])
    assert res.exit_code == 0, res.output
    assert "750 pairs" in res.output
    again = runner.invoke(cli, ["tm", "import", "--db", str(db), str(zh)])
    assert "0 new units" in again.output  # importing twice adds nothing
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(db), "农业再获丰收。"])
    assert res.exit_code == 0
    assert res.output.startswith("TM 100 %\tHarvests were again good.")
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(db), "一句不在记忆里的话。"])
    assert res.exit_code == 1 and "no match" in res.output


def test_default_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env" / "tm.db"
    monkeypatch.setenv("REPORTGEN_TM", str(db))
    tsv = tmp_path / "pairs.txt"
    tsv.write_text("# comment\n各位代表：\tFellow Deputies,\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["tm", "import", str(tsv)])
    assert res.exit_code == 0, res.output
    assert db.is_file() and str(db) in res.output
    res = CliRunner().invoke(cli, ["tm", "lookup", "各位代表"])
    assert "Fellow Deputies," in res.output


def test_import_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "x.db"
    res = runner.invoke(cli, ["tm", "import", "--db", str(db), str(tmp_path / "none.txt")])
    assert res.exit_code == 2 and "no such file" in res.output and "Traceback" not in res.output
    prose = tmp_path / "notes_zh.txt"
    prose.write_text("只有中文。\n", encoding="utf-8")
    res = runner.invoke(cli, ["tm", "import", "--db", str(db), str(prose)])
    assert res.exit_code == 2 and "notes_en.txt" in res.output
    # A good file before a bad one is not imported half-way: no database appears at all.
    good = tmp_path / "pairs.txt"
    good.write_text("各位代表：\tFellow Deputies,\n", encoding="utf-8")
    res = runner.invoke(cli, ["tm", "import", "--db", str(db), str(good), str(tmp_path)])
    assert res.exit_code == 2 and "is a directory" in res.output
    assert not db.exists()
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(tmp_path / "nope.db"), "各位代表"])
    assert res.exit_code == 2 and "tm import" in res.output
    assert not (tmp_path / "nope.db").exists()


def test_tmx_import(tmp_path: Path) -> None:
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zh-CN"/>'
        '<body><tu><tuv xml:lang="zh-CN"><seg>各位代表：</seg></tuv>'
        '<tuv xml:lang="en-US"><seg>Fellow Deputies,</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with TranslationMemory.open(tmp_path / "t.db") as tm:
        assert tm.import_file(tmx) == 1
        assert tm.lookup("各位代表") == ("Fellow Deputies,", 100.0)


def test_not_a_tm_file_and_help(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an sqlite database, just some bytes " * 40)
    pairs = tmp_path / "p.txt"
    pairs.write_text("各位代表：\tFellow Deputies,\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["tm", "import", "--db", str(junk), str(pairs)])
    assert res.exit_code == 2 and "not a reportgen translation memory" in res.output
    res = CliRunner().invoke(cli, ["tm", "import", "--help"])
    assert res.exit_code == 0 and "REPORTGEN_TM" in res.output and "tm.db" in res.output


# --- reading import files and opening the memory file ------------------------------------------


def test_import_files_in_the_encodings_editors_save(tmp_path: Path) -> None:
    """Chinese editors on Windows save as GB18030/GBK or UTF-16; the pairs are the same as from
    the UTF-8 originals (one decoder for every reader)."""
    zh = corpus_file("state-council_2019_zh.txt")
    en = corpus_file("state-council_2019_en.txt")
    tsv = corpus_file("state-council_2018_zh-en.txt")
    (tmp_path / "gr2019_zh.txt").write_bytes(zh.read_text(encoding="utf-8").encode("gb18030"))
    (tmp_path / "gr2019_en.txt").write_bytes(en.read_text(encoding="utf-8").encode("utf-16"))
    (tmp_path / "gr2018.tsv").write_bytes(tsv.read_text(encoding="utf-8").encode("utf-16-le"))
    assert read_pairs(tmp_path / "gr2019_zh.txt") == read_pairs(zh)
    assert read_pairs(tmp_path / "gr2018.tsv") == read_pairs(tsv)
    db = tmp_path / "tm.db"
    files = [tmp_path / "gr2019_zh.txt", tmp_path / "gr2018.tsv"]
    res = CliRunner().invoke(cli, ["tm", "import", "--db", str(db), *map(str, files)])
    assert res.exit_code == 0, res.output
    assert f"{files[0]}: 750 pairs" in res.output


def test_import_formats_parse_from_text(tmp_path: Path) -> None:
    """The parsers take text, so what a file holds and how it is read are tested apart."""
    tsv = corpus_file("state-council_2018_zh-en.txt")
    zh = corpus_file("state-council_2019_zh.txt")
    en = corpus_file("state-council_2019_en.txt")
    assert aligned.tab_pairs(tsv.read_text(encoding="utf-8")) == read_pairs(tsv)
    zh_text, en_text = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    assert aligned.tab_pairs(zh_text) is None  # one segment a line, no tabs
    pairs = aligned.line_pairs(zh_text, en_text, source=str(zh), other=en.name)
    assert pairs == read_pairs(zh) and len(pairs) == 750
    # A translation one line short is refused with both counts, not silently shifted.
    short = en_text.rstrip("\n").rsplit("\n", 1)[0]
    with pytest.raises(InputError, match=r"750 lines but state-council_2019_en.txt has 749"):
        aligned.line_pairs(zh_text, short, source=str(zh), other=en.name)
    with pytest.raises(InputError, match="not a readable TMX file"):
        aligned.tmx_pairs(b"<tmx><body><tu>", source="broken.tmx")


def test_an_archive_is_not_taken_for_a_memory(tmp_path: Path) -> None:
    """`--tm archive.db` and `--db archive.db` are easy slips: refused, and the archive untouched."""
    archive = tmp_path / "archive.db"
    report = corpus_file("hailar-district_2014_zh.txt")
    runner = CliRunner()
    assert runner.invoke(cli, ["index", "add", str(report), "--db", str(archive)]).exit_code == 0
    before = archive.read_bytes()
    pairs = tmp_path / "p.txt"
    pairs.write_text("各位代表：\tFellow Deputies,\n", encoding="utf-8")
    res = runner.invoke(cli, ["tm", "import", "--db", str(archive), str(pairs)])
    assert res.exit_code == 2
    assert res.stderr == (
        f"reportgen: error: {archive}: not a reportgen translation memory (no such table: units)\n"
    )
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(archive), "各位代表"])
    assert res.exit_code == 2 and "not a reportgen translation memory" in res.stderr
    with pytest.raises(TMError, match="not a reportgen translation memory"):
        build_englisher(tm_path=archive)
    assert archive.read_bytes() == before
    stats = runner.invoke(cli, ["index", "stats", "--db", str(archive), "--json"])
    assert stats.exit_code == 0 and '"documents": 1' in stats.output


def test_default_memory_is_used_only_when_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "share" / "tm.db"
    monkeypatch.setenv("REPORTGEN_TM", str(default))
    assert build_englisher().tm is None
    assert not default.parent.exists()  # looking for the default memory creates nothing
    with TranslationMemory.open(default) as tm:  # the folder is made on creation
        tm.import_file(corpus_file("state-council_2019_zh-en.txt"))
    eng = build_englisher()
    assert eng.tm is not None and eng.tm.lookup("农业再获丰收。") == (
        "Harvests were again good.",
        100.0,
    )
    eng.tm.close()


def test_a_memory_another_program_writes_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "tm.db"
    with TranslationMemory.open(db) as tm:
        tm.import_file(corpus_file("state-council_2019_zh-en.txt"))
    other = sqlite3.connect(db)  # another program, mid-way through its own import
    try:
        other.execute("BEGIN IMMEDIATE")
        # Reading still works while the other program has not committed …
        with TranslationMemory(store.connect(db, TM_STORE, create=False, timeout=0.1)) as tm:
            assert tm.lookup("农业再获丰收。") == ("Harvests were again good.", 100.0)
            # … writing waits, then gives up with one line, not a traceback.
            with pytest.raises(TMError) as err:
                tm.add_pairs([("测试用的新句子。", "A sentence for the test.")])
        assert str(err.value) == (
            f"{db}: cannot write the translation memory while another program writes to it"
            " (database is locked)"
        )
        other.rollback()
        other.execute("BEGIN EXCLUSIVE")  # the other program commits: now reading waits too
        with pytest.raises(TMError, match=r"cannot read the translation memory while another"):
            store.connect(db, TM_STORE, create=False, timeout=0.1)
    finally:
        other.rollback()
        other.close()
    with TranslationMemory.open(db, create=False) as tm:
        assert (
            tm.add_pairs([("测试用的新句子。", "A sentence for the test.")]) == 1
        )  # the refused write stored nothing


def test_memory_schema_is_recorded_and_checked(tmp_path: Path) -> None:
    import sqlite3

    pairs = tmp_path / "p.txt"
    pairs.write_text(
        "各位代表：\tFellow Deputies,\n农业再获丰收。\tHarvests were again good.\n", "utf-8"
    )
    runner = CliRunner()
    db = tmp_path / "tm.db"
    assert runner.invoke(cli, ["tm", "import", "--db", str(db), str(pairs)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("1",)
    # A memory made before the schema was recorded (no meta table) still answers, and its next
    # import records the schema.
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.executescript(
            "CREATE TABLE units (id INTEGER PRIMARY KEY, key TEXT NOT NULL, zh TEXT NOT NULL,"
            " en TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', UNIQUE (key, en));"
        )
    conn.close()
    assert runner.invoke(cli, ["tm", "import", "--db", str(old), str(pairs)]).exit_code == 0
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(old), "农业再获丰收。"])
    assert res.exit_code == 0 and "Harvests were again good." in res.output
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("1",)
    conn.close()
    # A memory from a newer reportgen is refused in one line, not misread.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema'")
    conn.close()
    res = runner.invoke(cli, ["tm", "lookup", "--db", str(db), "农业再获丰收。"])
    assert res.exit_code == 2
    assert res.stderr == f"reportgen: error: {db}: not a reportgen translation memory (schema 9)\n"
