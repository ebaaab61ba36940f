"""Facts step against hand labels: the seed's gold and a second real report labelled for this test.

Matching (documented here because the figures depend on it): a predicted fact matches a gold fact
when (1) the values are equal (relative tolerance 1e-6; a change is compared by its size, since the
gold writes 下降2.5% as 2.5), (2) the base units are equal, and (3) the sentences agree: after
removing whitespace one sentence contains the other (readers may glue a headline onto the first
sentence or split a sentence at a column break). Recall is the share of gold facts matched by some
prediction; precision the share of predictions (within the labelled paragraphs) that match some gold
fact, so a passage the newspaper printed twice matches its one gold label both times. Kind accuracy
is measured on the matched pairs.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.facts import Fact, extract_facts
from reportgen.readers import read_path
from tests.conftest import GOLD, corpus_file

DATA = Path(__file__).parent / "data"
WS_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Gold:
    sentence: str
    indicator: str
    value: float
    unit: str
    qualifier: str
    kind: str
    surface: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    kind_accuracy: float
    n_gold: int
    n_pred: int
    missed: tuple[Gold, ...]
    spurious: tuple[Fact, ...]

    def line(self, name: str) -> str:
        return (
            f"{name}: value+unit precision {self.precision:.3f} recall {self.recall:.3f} "
            f"kind {self.kind_accuracy:.3f} (gold {self.n_gold}, predicted {self.n_pred})"
        )


def load_gold(path: Path) -> list[Gold]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Gold(
            r["sentence"],
            r["indicator"],
            float(r["value"]),
            r["unit"],
            r["qualifier"],
            r["kind"],
            r["surface"],
        )
        for r in rows
    ]


def _norm(s: str) -> str:
    return WS_RE.sub("", s)


def same_sentence(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a in b or b in a)


def matches(f: Fact, g: Gold) -> bool:
    return (
        math.isclose(abs(f.value), g.value, rel_tol=1e-6)
        and f.unit == g.unit
        and same_sentence(f.sentence, g.sentence)
    )


def score(pred: list[Fact], gold: list[Gold]) -> Score:
    found = [next((f for f in pred if matches(f, g)), None) for g in gold]
    hit_pred = [f for f in pred if any(matches(f, g) for g in gold)]
    pairs = [(f, g) for f, g in zip(found, gold, strict=True) if f is not None]
    kind_ok = sum(1 for f, g in pairs if f.kind == g.kind)
    return Score(
        precision=len(hit_pred) / len(pred) if pred else 0.0,
        recall=len(pairs) / len(gold),
        kind_accuracy=kind_ok / len(pairs) if pairs else 0.0,
        n_gold=len(gold),
        n_pred=len(pred),
        missed=tuple(g for f, g in zip(found, gold, strict=True) if f is None),
        spurious=tuple(f for f in pred if f not in hit_pred),
    )


def in_labelled_paragraphs(pred: list[Fact], gold: list[Gold]) -> list[Fact]:
    """Predictions in paragraphs that hold a labelled sentence (the labeller read those fully)."""
    by_para: dict[str, list[Fact]] = {}
    for f in pred:
        by_para.setdefault(f.paragraph_id, []).append(f)
    keep: list[Fact] = []
    for facts in by_para.values():
        if any(same_sentence(f.sentence, g.sentence) for f in facts for g in gold):
            keep.extend(facts)
    return keep


def report(s: Score, name: str) -> None:
    print(s.line(name))
    for g in s.missed:
        print(f"  missed   {g.surface} {g.value:g} {g.unit} [{g.kind}] in {g.sentence[:40]}")
    for f in s.spurious:
        print(f"  spurious {f.surface} {f.value:g} {f.unit} in {f.sentence[:40]}")


def check(s: Score, name: str) -> None:
    report(s, name)
    assert s.precision >= 0.97, s.line(name)
    assert s.recall >= 0.95, s.line(name)
    assert s.kind_accuracy >= 0.95, s.line(name)


def test_seed_against_gold(seed_path: Path) -> None:
    gold_path = GOLD / "seed_facts.tsv"
    if not gold_path.exists():
        pytest.skip("shared gold not available")
    corrected = DATA / "seed_facts.tsv"
    gold = load_gold(corrected if corrected.exists() else gold_path)
    pred = extract_facts(read_path(seed_path))
    check(score(pred, gold), "seed")


def test_hailar_2015_against_hand_labels() -> None:
    doc = read_path(corpus_file("hailar-district_2015_zh.txt"))
    gold = load_gold(DATA / "hailar_2015_facts.tsv")
    pred = in_labelled_paragraphs(extract_facts(doc), gold)
    check(score(pred, gold), "hailar 2015")
