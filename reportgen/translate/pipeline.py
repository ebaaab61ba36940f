"""Translation step: English for paragraphs and headings from TM → MT → termbase, never invented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.sentences import split_sentences as sentences
from reportgen.translate.mt import MachineTranslator, make_mt
from reportgen.translate.termbase import Termbase
from reportgen.translate.tm import TMMatch, TranslationMemory, default_tm_path, tm_key

TM = "tm"
MT = "mt"
TERMS = "terms"
NONE = "none"
STATUSES = (TM, MT, TERMS, NONE)

# Inside a sentence the official TM often has one unit per clause.
_CLAUSE = re.compile(r"[^，,：:]*(?:[，,：:]|$)")


@dataclass(frozen=True)
class Translation:
    """English for one paragraph or heading, and where it came from.

    status: ``tm`` (official English from the translation memory; ``score`` 100 = exact, the
    weakest sentence's similarity otherwise), ``mt`` (machine translation, some sentences may be
    TM), ``terms`` (``text`` set: a heading/paragraph fully covered by the termbase, label
    "termbase"; ``text`` None: only the termbase hits in ``terms``, label "terms only"), ``none``.
    """

    text: str | None
    status: str
    score: float | None
    label: str
    terms: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "score": self.score,
            "label": self.label,
            "terms": [list(t) for t in self.terms],
        }


def split_sentences(zh: str) -> list[str]:
    """Sentences of a Chinese paragraph, punctuation kept, at 。！？；: the official translations
    often give a ；-clause a sentence of its own."""
    return sentences(zh, strip=True)


def _clauses(sentence: str) -> list[str]:
    return [c for c in (m.group(0) for m in _CLAUSE.finditer(sentence)) if c.strip()]


_BULLET_EN = re.compile(r"^\s*(?:-{1,2}|[—–•])\s*")


def _clean_en(en: str) -> str:
    # The official TM keeps the list dashes of its layout ("-- New growth drivers …").
    return _BULLET_EN.sub("", en).strip()


def tm_label(score: float) -> str:
    return f"TM {int(score)} %" if score < 100 else "TM 100 %"


class Englisher:
    """The pipeline: TM (sentence by sentence) → MT → termbase → untranslated.

    ``min_score`` is the lowest TM similarity that is reused (a fuzzy match's English is the
    official English of a *similar* sentence, shown with its score so a reader can judge).
    """

    def __init__(
        self,
        *,
        termbase: Termbase,
        tm: TranslationMemory | None = None,
        mt: MachineTranslator | None = None,
        min_score: float = 75,
    ) -> None:
        self.termbase = termbase
        self.tm = tm
        self.mt = mt
        self.min_score = min_score
        self._mt_cache: dict[str, str] = {}

    def _tm_sentence(self, sentence: str) -> list[TMMatch] | None:
        """TM matches covering one sentence: the whole sentence, else runs of its clauses."""
        assert self.tm is not None
        hit = self.tm.best(sentence, min_score=self.min_score)
        if hit:
            return [hit]
        clauses = _clauses(sentence)
        if len(clauses) < 2:
            return None
        out: list[TMMatch] = []
        i = 0
        while i < len(clauses):
            # Longest run of clauses from i that the TM knows (exactly or fuzzily).
            for j in range(len(clauses), i, -1):
                run = "".join(clauses[i:j])
                if len(tm_key(run)) < 4:
                    continue
                hit = self.tm.best(run, min_score=self.min_score)
                if hit:
                    out.append(hit)
                    i = j
                    break
            else:
                return None
        return out

    def paragraph(self, zh: str) -> Translation:
        """English for a paragraph of body text."""
        text = zh.strip()
        if not text:
            return Translation(None, NONE, None, "untranslated")
        sentences = split_sentences(text)
        parts: list[str | None] = []
        scores: list[float] = []
        for s in sentences:
            matches = self._tm_sentence(s) if self.tm is not None else None
            if matches:
                parts.append(" ".join(_clean_en(m.en) for m in matches))
                scores.extend(m.score for m in matches)
            else:
                parts.append(None)
        if sentences and all(p is not None for p in parts):
            score = min(scores)
            return Translation(" ".join(parts), TM, score, tm_label(score))  # type: ignore[arg-type]
        whole = self.termbase.lookup(text)
        if whole:
            return Translation(whole, TERMS, None, "termbase", ((text, whole),))
        terms = tuple(self.termbase.terms_in(text))
        if self.mt is not None:
            # TM English where it exists; each run of uncovered sentences goes to MT in one
            # request, so the model sees context and a long report needs fewer calls.
            out: list[str] = []
            run: list[str] = []
            for s, p in zip(sentences, parts, strict=True):
                if p is None:
                    run.append(s)
                    continue
                if run:
                    out.append(self._mt("".join(run), terms))
                    run = []
                out.append(p)
            if run:
                out.append(self._mt("".join(run), terms))
            return Translation(" ".join(out), MT, None, "MT", terms)
        if terms:
            return Translation(None, TERMS, None, "terms only", terms)
        return Translation(None, NONE, None, "untranslated")

    def heading(self, zh: str) -> Translation:
        """English for a heading: termbase when it covers every phrase, else TM, else MT."""
        text = zh.strip()
        if not text:
            return Translation(None, NONE, None, "untranslated")
        en = self.termbase.heading(text)
        if en:
            return Translation(en, TERMS, None, "termbase", tuple(self.termbase.terms_in(text)))
        if self.tm is not None:
            hit = self.tm.best(text, min_score=max(self.min_score, 90))
            if hit:
                return Translation(_clean_en(hit.en), TM, hit.score, tm_label(hit.score))
        terms = tuple(self.termbase.terms_in(text))
        if self.mt is not None:
            return Translation(self._mt(text, terms), MT, None, "MT", terms)
        if terms:
            return Translation(None, TERMS, None, "terms only", terms)
        return Translation(None, NONE, None, "untranslated")

    def _mt(self, zh: str, terms: tuple[tuple[str, str], ...]) -> str:
        # Reports repeat themselves; a repeated passage costs one MT call, not two.
        if zh not in self._mt_cache:
            assert self.mt is not None
            self._mt_cache[zh] = self.mt.translate(zh, glossary=terms)
        return self._mt_cache[zh]

    def indicator(self, zh: str) -> str | None:
        """English for a fact's indicator, from the termbase only (None when not fully covered)."""
        return self.termbase.indicator(zh)

    def unit(self, zh: str) -> str | None:
        """English for a unit (亩 → mu) or qualifier (以上 → over), from the termbase."""
        return self.termbase.lookup(zh)


def build_englisher(
    *,
    termbase_file: str | Path | None = None,
    tm_path: str | Path | None = None,
    translator: str | None = None,
    min_score: float = 75,
    **mt_options: Any,
) -> Englisher:
    """An Englisher from CLI-style options. The TM is used when ``tm_path`` (or the default
    location) exists; it is never created here. ``translator``: none, argos or openai."""
    termbase = Termbase.load(termbase_file)
    tm = (
        TranslationMemory.open(tm_path, create=False)
        if tm_path
        else TranslationMemory.find(default_tm_path())
    )
    return Englisher(
        termbase=termbase, tm=tm, mt=make_mt(translator, **mt_options), min_score=min_score
    )
