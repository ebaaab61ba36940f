"""Facts step, numbers: the in-house Chinese-numeral parser, checked against cn2an (the library it
replaced) on every numeral the shared corpus gives the extractor, and on the written-standard forms
reports use.

cn2an is kept as a development dependency for this comparison only; the package does not import
it (one test checks that in a fresh interpreter).
"""

from __future__ import annotations

import glob
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.facts.extract import NUMBER_RE, SPECIAL_RE
from reportgen.facts.numbers import parse_chinese
from tests.conftest import CORPUS, ROOT, SEED

ARABIC_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十五", 15), ("一十五", 15), ("二十", 20), ("一百零五", 105), ("三千零五", 3005),
        ("一千零五十", 1050), ("一千零十", 1010), ("两千", 2000), ("二千", 2000),
        ("一千二百万", 12_000_000), ("十万", 100_000), ("一万零一", 10_001),
        ("一亿零三百万", 103_000_000), ("一亿三千万", 130_000_000), ("一亿二千万零三", 120_000_003),
        ("一万亿", 1e12), ("三十万亿", 3e13), ("五百万亿", 5e14), ("一千一百一十一亿", 1.111e11),
        # 一亿十万 is 100,100,000; cn2an 0.5.24 reads 100,000,000 (drops the 十万)
        ("一亿十万", 100_100_000), ("一亿一百万", 101_000_000),
        ("三点五", 3.5), ("一点零五", 1.05), ("零点五", 0.5), ("三十五点五", 35.5), ("零", 0),
        ("三点零", 3.0),  # cn2an refuses a decimal ending in 零, which it writes itself for 3.0
        # Arabic digits before the place words (SC 2018: 2万5千公里, 1亿3千多万, 1万6千多户)
        ("2万5千", 25_000), ("1万6千", 16_000), ("1亿3千万", 130_000_000),
        ("1亿2000万", 120_000_000), ("3万2000", 32_000), ("5千3百", 5300),
    ],
)  # fmt: skip
def test_parse_chinese(text: str, value: float) -> None:
    assert parse_chinese(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "一二三", "二〇一五", "十二五", "三五", "三千零", "二百零", "一零", "点五", "十点", "万", "百万",
        "千万", "亿", "一亿万", "十十",
        # a skipped place needs its 零 (一千零五十); the spoken 一千五 is read as 1000 by the
        # extractor's trimming, as it was with cn2an
        "一千五十", "一亿五千", "一万五十", "一千五", "一万五",
        # Arabic forms that are no written number: 3万200 (30,200 or 32,000?), 5万5, 25千
        "3万200", "5万5", "25千",
    ],
)  # fmt: skip
def test_parse_chinese_rejects(text: str) -> None:
    assert parse_chinese(text) is None


def _corpus_texts() -> list[str]:
    files = sorted(glob.glob(str(CORPUS / "*_zh.txt")))
    if not files:
        pytest.skip("shared corpus not available")
    return [Path(f).read_text(encoding="utf-8") for f in [*files, str(SEED)]]


def test_parse_chinese_agrees_with_cn2an_on_the_corpus() -> None:
    cn2an = pytest.importorskip("cn2an")

    def reference(s: str) -> float | None:  # what numbers.py did before: 两 is 二, strict mode
        try:
            return float(cn2an.cn2an(s.replace("两", "二"), "strict"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None

    given: set[str] = set()  # what the extractor passes to the parser, and every shorter try
    arabic: set[str] = set()
    for text in _corpus_texts():
        for m in NUMBER_RE.finditer(text):
            run = m.group("cn")
            if run:
                given.update(run[:k] for k in range(1, len(run) + 1))
        for m in SPECIAL_RE.finditer(text):
            given.update(g for g in (m.group("den"), m.group("num"), m.group("fan")) if g)
        arabic.update(ARABIC_RE.findall(text))
    assert len(given) >= 40 and len(arabic) >= 800
    disagree = [(s, parse_chinese(s), reference(s)) for s in sorted(given)]
    assert [d for d in disagree if d[1] != d[2]] == []
    # Every Arabic number of the corpus written out in words (百分之九点一, as spoken-style texts
    # write it) reads back as itself; cn2an agrees wherever it reads the words at all.
    differ = []
    for a in sorted(arabic):
        words = cn2an.an2cn(a)
        ours = parse_chinese(words)
        if ours != float(a) or reference(words) not in (ours, None):
            differ.append((a, words, ours, reference(words)))
    assert differ == []
    # cn2an refuses only decimals ending in 零 (3.0 -> 三点零), which are numbers
    refused = [a for a in arabic if reference(cn2an.an2cn(a)) is None]
    assert all(cn2an.an2cn(a).endswith("零") and "." in a for a in refused), refused


def test_the_package_does_not_import_cn2an() -> None:
    # cn2an took ~70 ms to import on every run that met a Chinese numeral (most reports).
    code = (
        "import sys; from reportgen.facts import extract_from_text as e; "
        "assert e('增长一倍，新增两千万元，出境旅游人次由八千三百万增加到一亿三千多万。', kind=''); "
        "print('cn2an' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
