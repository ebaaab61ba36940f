"""Termbase mining (a development tool, not part of the pipeline): candidate zh→en terms from a TM.

Reads ``zh<TAB>en`` files (the official State Council translations), finds Chinese character
n-grams that recur across several years, and pairs each with the English word n-gram that
co-occurs with it most consistently (Dice coefficient over translation units). Prints a TSV of
candidates with their counts and the other renderings seen, for a linguist to CHECK before
anything goes into ``reportgen/data/termbase.tsv``.

    python tools/mine_termbase.py ../shared/corpus/state-council_20{08..22}_zh-en.txt > cand.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "we",
        "our",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "more",
        "further",
        "all",
        "new",
        "also",
        "such",
        "other",
        "which",
    ]
)
HAN = re.compile(r"[\u4e00-\u9fff]+")
WORD = re.compile(r"[a-z][a-z'\-]*")


def read_units(paths: list[Path]) -> list[tuple[str, str, str]]:
    units = []
    for p in paths:
        year = re.search(r"(19|20)\d\d", p.name)
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            zh, en = line.split("\t", 1)
            units.append((zh, en.lower(), year.group(0) if year else p.name))
    return units


def zh_grams(zh: str, lo: int, hi: int) -> set[str]:
    out = set()
    for run in HAN.findall(zh):
        for n in range(lo, hi + 1):
            for i in range(len(run) - n + 1):
                out.add(run[i : i + n])
    return out


def en_grams(en: str, hi: int) -> set[str]:
    words = WORD.findall(en)
    out = set()
    for n in range(1, hi + 1):
        for i in range(len(words) - n + 1):
            g = words[i : i + n]
            if g[0] in STOP or g[-1] in STOP:
                continue
            out.add(" ".join(g))
    return out


def accessor_variety(gram: str, texts: list[str]) -> tuple[int, int]:
    """How many different characters (or text edges) stand left and right of ``gram``: a word
    has many neighbours on both sides; a fragment of a longer word has few."""
    left: set[str] = set()
    right: set[str] = set()
    for t in texts:
        start = t.find(gram)
        while start >= 0:
            end = start + len(gram)
            left.add(t[start - 1] if start > 0 and HAN.match(t[start - 1]) else f"#{start}")
            right.add(t[end] if end < len(t) and HAN.match(t[end]) else f"#{end}")
            start = t.find(gram, start + 1)
    return len(left), len(right)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--min-years", type=int, default=3)
    ap.add_argument("--min-units", type=int, default=4)
    ap.add_argument("--min-dice", type=float, default=0.45)
    ap.add_argument("--min-variety", type=int, default=3)
    args = ap.parse_args(argv)

    units = read_units(args.files)
    zh_sets = [zh_grams(zh, 2, 8) for zh, _, _ in units]
    en_sets = [en_grams(en, 5) for _, en, _ in units]
    zh_units: dict[str, list[int]] = defaultdict(list)
    for i, gs in enumerate(zh_sets):
        for g in gs:
            zh_units[g].append(i)
    en_df: Counter[str] = Counter()
    for gs in en_sets:
        en_df.update(gs)

    # Keep an n-gram only if it is not just a piece of a longer n-gram with the same units.
    cands = {
        g: ids
        for g, ids in zh_units.items()
        if len(ids) >= args.min_units and len({units[i][2] for i in ids}) >= args.min_years
    }
    closed = dict(cands)
    by_len = sorted(closed, key=len, reverse=True)
    drop = set()
    for g in by_len:
        n = len(closed[g])
        for sub in (g[1:], g[:-1]):
            if sub in closed and len(closed[sub]) == n:
                drop.add(sub)
    print("zh\ten\tdice\tunits\tyears\tother renderings", file=sys.stdout)
    for g in sorted(set(closed) - drop, key=lambda k: -len(closed[k])):
        ids = closed[g]
        if min(accessor_variety(g, [units[i][0] for i in ids])) < args.min_variety:
            continue  # 会发 (always 社会发展): a piece of a longer word, not a word
        co: Counter[str] = Counter()
        for i in ids:
            co.update(en_sets[i])
        scored = sorted(
            ((2 * c / (len(ids) + en_df[e]), c, e) for e, c in co.items() if c >= 3),
            reverse=True,
        )
        if not scored or scored[0][0] < args.min_dice:
            continue
        dice, c, e = scored[0]
        others = [e2 for d2, _c2, e2 in scored[1:6] if d2 >= 0.2 and e2 not in e and e not in e2]
        years = len({units[i][2] for i in ids})
        print(f"{g}\t{e}\t{dice:.2f}\t{len(ids)}\t{years}\t{'|'.join(others[:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
