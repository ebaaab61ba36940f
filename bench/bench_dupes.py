"""Benchmark for `reportgen dupes`: self-deduplicate N synthetic paragraphs (bench/dupes_corpus.py),
measure time and peak RSS, recall on the planted copies and against brute force on a sample, and
compare with datasketch's MinHashLSH (bench-only dependency) on the same data.

    python bench/bench_dupes.py --n 100000 [--brute 200] [--datasketch 100000] [--json out.json]
    python bench/bench_dupes.py --archive 50000      # SQLite archive: index N, query a report
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dupes_corpus  # noqa: E402

from reportgen.dupes.find import GramIndexOptions, find_groups, similarity  # noqa: E402
from reportgen.dupes.units import PARAGRAPH, make_unit  # noqa: E402

THRESHOLD = 0.8


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_engine(
    texts: list[str], options: GramIndexOptions
) -> tuple[dict, dict[int, set[int]], dict]:
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    units = [make_unit(0, f"p{i}", PARAGRAPH, t, 0, len(t)) for i, t in enumerate(texts)]
    stages["units"] = time.perf_counter() - t0
    marks = {"start": time.perf_counter()}

    def progress(stage: str, n: int) -> None:
        marks[stage] = time.perf_counter()
        stages[f"{stage}_n"] = n

    groups = find_groups(units, threshold=THRESHOLD, options=options, progress=progress)
    end = time.perf_counter()
    stages["hash_exact_numbers"] = marks["hashed"] - marks["start"]
    stages["candidates"] = marks["candidates"] - marks["hashed"]
    stages["verify_group"] = end - marks["candidates"]
    stages["total"] = end - t0
    member_of: dict[int, set[int]] = defaultdict(set)
    kinds: dict[str, int] = defaultdict(int)
    for gid, g in enumerate(groups):
        kinds[g.kind] += 1
        for i in g.members:
            member_of[i].add(gid)
    kind_of = {gid: g.kind for gid, g in enumerate(groups)}
    return {"stages": stages, "groups": dict(kinds)}, member_of, kind_of


def planted_recall(
    truth: list[tuple[int, int, str]], member_of: dict[int, set[int]], kind_of: dict
) -> dict:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a, b, k in truth:
        shared = member_of.get(a, set()) & member_of.get(b, set())
        found[k][0] += 1
        found[k][1] += bool(shared)
        found[k][2] += any(kind_of[g] == k for g in shared)
    return {
        k: {"planted": n, "found": f, "right_kind": r, "recall": round(f / n, 4)}
        for k, (n, f, r) in found.items()
    }


def brute_pairs(texts: list[str], sample: list[int]) -> set[tuple[int, int]]:
    """All pairs (sample unit, any unit) with similarity >= THRESHOLD, by comparing everything."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    pairs: set[tuple[int, int]] = set()
    for lo in range(0, len(sample), 20):
        qs = sample[lo : lo + 20]
        m = process.cdist(
            [texts[i] for i in qs],
            texts,
            scorer=Indel.normalized_similarity,
            score_cutoff=THRESHOLD,
            workers=2,
            dtype="float32",
        )
        for row, q in enumerate(qs):
            for j in m[row].nonzero()[0].tolist():
                if j != q:
                    pairs.add((min(q, j), max(q, j)))
    return pairs


def pair_recall(pairs: set[tuple[int, int]], member_of: dict[int, set[int]]) -> float:
    if not pairs:
        return 1.0
    hit = sum(1 for a, b in pairs if member_of.get(a, set()) & member_of.get(b, set()))
    return hit / len(pairs)


def run_datasketch(
    texts: list[str], *, threshold: float, num_perm: int, n_gram: int
) -> tuple[dict, set[tuple[int, int]]]:
    """MinHashLSH over character n-gram shingles; candidate pairs verified like ours."""
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs = []
    for i, t in enumerate(texts):
        m = MinHash(num_perm=num_perm)
        m.update_batch(
            [t[k : k + n_gram].encode("utf-8") for k in range(max(1, len(t) - n_gram + 1))]
        )
        sigs.append(m)
        lsh.insert(i, m)
    t1 = time.perf_counter()
    found: set[tuple[int, int]] = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            if j > i and similarity(texts[i], texts[j]) >= THRESHOLD:
                found.add((i, j))
            elif j < i and (j, i) not in found and similarity(texts[i], texts[j]) >= THRESHOLD:
                found.add((j, i))
    t2 = time.perf_counter()
    return {
        "minhash_insert": round(t1 - t0, 2),
        "query_verify": round(t2 - t1, 2),
        "total": round(t2 - t0, 2),
    }, found


def bench(args: argparse.Namespace) -> dict:
    t = time.perf_counter()
    texts, truth = dupes_corpus.make(args.n, seed=args.seed)
    out: dict = {
        "n": len(texts),
        "chars": sum(map(len, texts)),
        "make_s": round(time.perf_counter() - t, 1),
    }
    options = GramIndexOptions(
        n=args.gram, sample=args.sample, df_cap=args.df_cap, min_share=args.min_share
    )
    out["options"] = options.__dict__
    gc.collect()
    rss0 = rss_mb()
    res, member_of, kind_of = run_engine(texts, options)
    out["engine"] = res
    out["rss_mb_before"] = round(rss0)
    out["rss_mb_peak"] = round(rss_mb())
    out["planted"] = planted_recall(truth, member_of, kind_of)
    if args.brute:
        rnd = random.Random(args.seed)
        # Half the sample from planted copies (where the pairs are), half uniform.
        sample = rnd.sample([b for _, b, _ in truth], args.brute // 2) + rnd.sample(
            range(len(texts)), args.brute // 2
        )
        t = time.perf_counter()
        pairs = brute_pairs(texts, sample)
        out["brute"] = {
            "sample": len(sample),
            "pairs": len(pairs),
            "seconds": round(time.perf_counter() - t, 1),
            "recall": round(pair_recall(pairs, member_of), 4),
        }
    if args.datasketch:
        sub = texts[: args.datasketch]
        sub_truth = [
            (a, b, k) for a, b, k in truth if a < len(sub) and b < len(sub) and k != "contained"
        ]
        ours, m_of, k_of = run_engine(sub, options)
        out["datasketch_subset"] = {
            "n": len(sub),
            "ours_seconds": round(ours["stages"]["total"], 2),
            "ours_recall": planted_recall(sub_truth, m_of, k_of),
        }
        runs = []
        for thr in args.ds_thresholds:
            stats, found = run_datasketch(
                sub, threshold=thr, num_perm=args.num_perm, n_gram=args.gram
            )
            hit = sum(1 for a, b, _ in sub_truth if (min(a, b), max(a, b)) in found)
            runs.append(
                {
                    "lsh_threshold": thr,
                    "num_perm": args.num_perm,
                    **stats,
                    "recall_planted_non_contained": round(hit / max(1, len(sub_truth)), 4),
                }
            )
        out["datasketch_subset"]["datasketch"] = runs
    return out


def bench_archive(n: int, seed: int) -> dict:
    import tempfile

    from reportgen.dupes import archive
    from reportgen.model import Document, Paragraph, Section

    texts, truth = dupes_corpus.make(n, seed=seed)
    per_doc = 500
    docs = [
        Document(
            source=f"issue-{k}",
            year=2000 + k % 25,
            sections=(
                Section(
                    "",
                    paragraphs=tuple(
                        Paragraph(f"p{i + 1}", t) for i, t in enumerate(texts[lo : lo + per_doc])
                    ),
                ),
            ),
        )
        for k, lo in enumerate(range(0, len(texts), per_doc))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        t = time.perf_counter()
        archive.add(docs[:-1], db=db, min_chars=12, allow=())
        add_s = time.perf_counter() - t
        size = db.stat().st_size
        from reportgen.dupes import find_duplicates

        t = time.perf_counter()
        result = find_duplicates([docs[-1]], against=db)
        q_s = time.perf_counter() - t
    # Planted copies between the new report (the last one) and the archive: found when some
    # group holds a passage of each of the two paragraphs.
    last = len(docs) - 1
    where = {i: (f"issue-{i // per_doc}", f"p{i % per_doc + 1}") for i in range(len(texts))}
    linked: dict[tuple[str, str], set[int]] = defaultdict(set)
    for g in result.groups:
        for m in g.members:
            linked[(m.doc, m.paragraph_id)].add(g.id)
    cross = [(a, b, k) for a, b, k in truth if (a // per_doc == last) != (b // per_doc == last)]
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b, k in cross:
        by_kind[k][0] += 1
        by_kind[k][1] += bool(linked[where[a]] & linked[where[b]])
    return {
        "paragraphs": n,
        "reports": len(docs) - 1,
        "recall_planted_new_vs_archive": {k: f"{f}/{n}" for k, (n, f) in by_kind.items()},
        "index_seconds": round(add_s, 1),
        "db_mb": round(size / 1e6, 1),
        "query_seconds": round(q_s, 2),
        "query_groups": result.counts,
        "rss_mb_peak": round(rss_mb()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--gram", type=int, default=5)
    ap.add_argument("--sample", type=int, default=4)
    ap.add_argument("--df-cap", type=int, default=20)
    ap.add_argument("--min-share", type=float, default=0.3)
    ap.add_argument("--brute", type=int, default=0, help="brute-force sample size (0: skip)")
    ap.add_argument(
        "--datasketch", type=int, default=0, help="subset size for the datasketch comparison"
    )
    ap.add_argument("--ds-thresholds", type=float, nargs="+", default=[0.5, 0.3])
    ap.add_argument("--num-perm", type=int, default=64)
    ap.add_argument(
        "--archive", type=int, default=0, help="benchmark the SQLite archive with N paragraphs"
    )
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    out = bench_archive(args.archive, args.seed) if args.archive else bench(args)
    text = json.dumps(out, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
