"""Benchmark helper for `reportgen dupes`: a synthetic back catalogue made from the real corpus.

Paragraphs are random runs of real clauses (so text statistics are those of real reports), every
CJK character then substituted with probability ``noise`` (so two paragraphs are not accidentally
alike), and a share of planted copies with known kinds: exact, numbers-only, near, contained.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CLAUSE_RE = re.compile(r"[^，。；！？：]+[，。；！？：]")
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def load_clauses(corpus: Path = CORPUS) -> list[str]:
    clauses: list[str] = []
    for f in sorted(corpus.glob("*_zh.txt")):
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            clauses.extend(
                c.strip() for c in CLAUSE_RE.findall(line.strip()) if 4 <= len(c.strip()) <= 60
            )
    return clauses


def _mutate(
    texts: list[str], rate: float, alphabet: np.ndarray, rng: np.random.Generator
) -> list[str]:
    """Substitute CJK characters at ``rate`` with characters drawn from the corpus's distribution."""
    out: list[str] = []
    for lo in range(0, len(texts), 50_000):
        chunk = texts[lo : lo + 50_000]
        cp = np.frombuffer("\n".join(chunk).encode("utf-32-le"), dtype=np.uint32).copy()
        hit = (cp >= 0x4E00) & (cp <= 0x9FFF) & (rng.random(len(cp)) < rate)
        cp[hit] = rng.choice(alphabet, size=int(hit.sum()))
        out.extend(cp.tobytes().decode("utf-32-le").split("\n"))
    return out


def make(
    n: int, *, plant_share: float = 0.05, noise: float = 0.12, seed: int = 7
) -> tuple[list[str], list[tuple[int, int, str]]]:
    """``n`` paragraphs and the planted (source, copy, kind) triples (indices into the list)."""
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    clauses = load_clauses()
    chars = np.frombuffer("".join(clauses).encode("utf-32-le"), dtype=np.uint32)
    alphabet = chars[(chars >= 0x4E00) & (chars <= 0x9FFF)]
    n_plant = int(n * plant_share)
    n_base = n - n_plant
    base = []
    for _ in range(n_base):
        k = rnd.randint(3, 12)
        body = "".join(rnd.choices(clauses, k=k))
        base.append(body[:-1] + "。")
    base = _mutate(base, noise, alphabet, rng)
    copies: list[str] = []
    truth: list[tuple[int, int, str]] = []
    kinds = ["exact"] * 4 + ["numbers"] * 2 + ["near"] * 3 + ["contained"]
    while len(copies) < n_plant:
        src = rnd.randrange(n_base)
        text = base[src]
        kind = rnd.choice(kinds)
        if kind == "exact":
            copy = text
        elif kind == "numbers":
            nums = list(NUMBER_RE.finditer(text))
            if not nums:
                continue
            m = rnd.choice(nums)
            new = str(int(float(m.group())) + rnd.randint(1, 9))
            copy = text[: m.start()] + new + text[m.end() :]
            if NUMBER_RE.sub("#", copy) != NUMBER_RE.sub("#", text):
                continue
        elif kind == "near":
            if len(text) < 40:
                continue
            copy = _mutate([text], rnd.uniform(0.03, 0.09), alphabet, rng)[0]
            if copy == text:
                continue
        else:
            parts = [p for p in re.split(r"(?<=[。；])", text) if len(p) >= 16]
            if len(parts) < 1 or len(parts[0]) >= len(text) - 10:
                continue
            copy = rnd.choice(parts)
        truth.append((src, n_base + len(copies), kind))
        copies.append(copy)
    texts = base + copies
    perm = list(range(len(texts)))
    rnd.shuffle(perm)
    where = {old: new for new, old in enumerate(perm)}
    texts = [texts[i] for i in perm]
    truth = [(where[a], where[b], k) for a, b, k in truth]
    return texts, truth


def save(path: Path, texts: list[str], truth: list[tuple[int, int, str]]) -> None:
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    path.with_suffix(".truth.json").write_text(json.dumps(truth), encoding="utf-8")


def load(path: Path) -> tuple[list[str], list[tuple[int, int, str]]]:
    texts = path.read_text(encoding="utf-8").split("\n")[:-1]
    truth = [
        tuple(t) for t in json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    ]
    return texts, truth  # type: ignore[return-value]
