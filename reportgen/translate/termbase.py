"""Translation step, source 2: the termbase of report vocabulary (shipped TSV + the user's own file)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import InputError, ReportgenError
from reportgen.facts.tables import STRETCH_NAME
from reportgen.paths import DATA_DIR
from reportgen.readers import aligned

SHIPPED = DATA_DIR / "termbase.tsv"
COLUMNS = ("zh", "en", "variants", "kind", "note")
# term: vocabulary found in running text; phrase: a headline phrase; unit / qualifier: what facts
# carry; glue: a function word that may join two covered parts of a heading ("和" → "and");
# word: general wording (深入推进, 加快) that composes headings but is not worth listing as a term.
KINDS = ("term", "phrase", "unit", "qualifier", "glue", "word")

# Headings split into phrases at spaces and punctuation; a leading list number is kept apart.
_PHRASE_SPLIT = re.compile(r"[\s，,、；;：:。！!？?·•/]+")
_NUMBERING = re.compile(
    r"^\s*(?:[（(]?([一二三四五六七八九十]+)[）)]|([一二三四五六七八九十]+)、|(\d+)[.、．])\s*"
)
_NUMERAL = re.compile(r"\d+(?:\.\d+)?%?")
_YEAR_LEAD = re.compile(r"((?:19|20)\d\d)年|(今年|明年|过去一年|过去五年)")
_TIME_LEAD = {
    "今年": "this year",
    "明年": "next year",
    "过去一年": "in the past year",
    "过去五年": "over the past five years",
}
# More parts than this and word-by-word English stops being readable (民生社会事业建设…).
_MAX_PARTS = 3
_STRETCH = re.compile(STRETCH_NAME)
_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_STRETCH_PARTS = re.compile(
    r"(?:[“\"]?(?P<plan>十[一二三四五六七八九]?|[三四五六七八九])五[”\"]?)?"
    r"(?P<lead>过去|近|前|这)?的?(?:(?P<n>[二两三四五六七八九十])年(?P<since>来)?)?(?P<period>时期|期间)?"
)
_PAREN = re.compile(r"[（(]([^）)]*)[）)]")
_PARTICIPLE = re.compile(r"(?:newly )?[a-z]*(?:ed|built|made|done)")
# Words that may open an indicator's English: adjectives and participles (new, newly built,
# district-level), not verbs (construction, advance).
_ADJECTIVAL = re.compile(r"new|additional|[a-z]+-level|(?:newly )?[a-z]*(?:ed|built|made|done)")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


class TermbaseError(ReportgenError):
    """A termbase file cannot be read or has a malformed line."""


@dataclass(frozen=True)
class Term:
    """One termbase entry: the preferred English and the other official renderings."""

    zh: str
    en: str
    variants: tuple[str, ...] = ()
    kind: str = "term"
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "zh": self.zh,
            "en": self.en,
            "variants": list(self.variants),
            "kind": self.kind,
            "note": self.note,
        }


def _key(zh: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", zh))


def _cn_number(s: str) -> int:
    """一 → 1 … 九十九 → 99 (list numbers in headings never go higher)."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


class Termbase:
    """zh → preferred English, with variants; longest-match coverage of headings and indicators."""

    def __init__(self, terms: dict[str, Term] | None = None) -> None:
        self._terms: dict[str, Term] = dict(terms or {})
        self._maxlen = max((len(k) for k in self._terms), default=1)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Termbase:
        """The shipped termbase, with the entries of ``extra`` (TSV, or YAML) added on top."""
        terms = parse_tsv(aligned.read_shipped(SHIPPED), source=str(SHIPPED))
        merged = {_key(t.zh): t for t in terms}
        if extra is not None:
            for t in read_file(Path(extra)):
                merged[_key(t.zh)] = t  # the user's entry overrides the shipped one
        return cls(merged)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, zh: object) -> bool:
        return isinstance(zh, str) and _key(zh) in self._terms

    def get(self, zh: str) -> Term | None:
        return self._terms.get(_key(zh))

    def lookup(self, zh: str) -> str | None:
        """The preferred English of an exact entry."""
        t = self._terms.get(_key(zh))
        return t.en if t else None

    def segment(self, phrase: str, *, participle_last: bool = False) -> list[Term] | None:
        """Cover ``phrase`` with as few entries as possible (longest first); None if a gap remains.

        Single-character parts are allowed only for glue words, so that a stray character never
        gets a translation by accident.
        """
        s = _key(phrase)
        n = len(s)
        if not n:
            return None
        # best[i]: fewest parts covering s[:i], with the parts that do it.
        best: list[list[Term] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(min(n, i + self._maxlen), i, -1):
                t = self._terms.get(s[i:j])
                if t is None or (j - i == 1 and t.kind != "glue" and n > 1):
                    continue
                cand = [*best[i], t]  # type: ignore[misc]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
        parts = best[n]
        if not parts or parts[0].kind == "glue" or parts[-1].kind == "glue":
            return None
        if sum(1 for t in parts if t.kind != "glue") > _MAX_PARTS:
            return None
        # 城市建设全面加快: a verb or adverb last means subject + predicate, which word-by-word
        # English would garble ("urban development comprehensively accelerate"). In a noun
        # phrase (an indicator) a past participle after the noun reads as English does:
        # 供水管网改造 → "water supply pipelines renovated".
        if (
            len(parts) > 1
            and parts[-1].kind == "word"
            and not (participle_last and _PARTICIPLE.fullmatch(parts[-1].en))
        ):
            return None
        return parts

    def phrase(self, zh: str, *, noun: bool = False) -> str | None:
        """English for one phrase (no spaces or punctuation inside), or None when not covered.

        Numbers pass through unchanged; a leading year (``2023年工作回顾``) moves to the end
        ("review of our work in 2023"), the one word-order rule the glue grammar has.
        ``noun``: the phrase names a quantity (an indicator), so a participle may close it
        (供水管网改造 → "water supply pipelines renovated") but a verb may not open it
        (建设保障性住房 would read "construction government-subsidized housing").
        """
        s = _key(zh)
        if _NUMERAL.fullmatch(s):
            return s
        m = _YEAR_LEAD.match(s)
        if m and m.end() < len(s):
            rest = self.phrase(s[m.end() :], noun=noun)
            when = _TIME_LEAD[m.group(2)] if m.group(2) else f"in {m.group(1)}"
            return f"{rest} {when}" if rest else None
        parts = self.segment(s, participle_last=noun)
        if not parts:
            return None
        if (
            noun
            and len(parts) > 1
            and parts[0].kind == "word"
            and not _ADJECTIVAL.fullmatch(parts[0].en)
        ):
            return None
        # The one reordering of the glue grammar: X的Y → "Y of X".
        de = [i for i, t in enumerate(parts) if t.kind == "glue" and t.zh == "的"]
        if len(de) > 1:
            return None
        if de:
            before, after = parts[: de[0]], parts[de[0] + 1 :]
            return f"{_join(after)} of {_join(before)}"
        return _join(parts)

    def heading(self, zh: str) -> str | None:
        """English for a heading, only when every phrase of it is covered by the termbase.

        ``优化空间布局 促进城乡融合`` → ``Optimize spatial layout, promote urban–rural integration``.
        A list number (``一、``, ``（二）``, ``3.``) becomes ``1.``, ``(2)``, ``3.``.
        """
        text = unicodedata.normalize("NFKC", zh).strip()
        prefix = ""
        m = _NUMBERING.match(text)
        if m:
            if m.group(1):
                prefix = f"({_cn_number(m.group(1))}) "
            else:
                prefix = f"{_cn_number(m.group(2)) if m.group(2) else m.group(3)}. "
            text = text[m.end() :]
        whole = self.lookup(text)
        if whole:
            return prefix + _capitalize(whole)
        phrases = [p for p in _PHRASE_SPLIT.split(text) if p]
        if not phrases:
            return None
        out = []
        for p in phrases:
            en = self.phrase(p)
            if en is None:
                return None
            out.append(en)
        return prefix + _capitalize(", ".join(out))

    def indicator(self, zh: str) -> str | None:
        """English for a fact's indicator name (``农村劳动力转移就业``), parenthesised parts too."""
        text = unicodedata.normalize("NFKC", zh).strip()
        whole = self.lookup(text)
        if whole:
            return whole
        stretch = _STRETCH.match(text)
        if stretch and stretch.end() < len(text):
            # 十一五时期国内生产总值 (a result over several years, named so by the facts step)
            rest = self.indicator(text[stretch.end() :])
            period = stretch_english(stretch.group())
            return f"{rest} ({period})" if rest and period else None
        notes = _PAREN.findall(text)
        main = _PAREN.sub(" ", text)
        parts = [p for p in _PHRASE_SPLIT.split(main) if p]
        if not parts:
            return None
        ens = [self.phrase(p, noun=True) for p in parts]
        if any(e is None for e in ens):
            return None
        en = ", ".join(ens)  # type: ignore[arg-type]
        for note in notes:
            note_en = self.lookup(note) or self.phrase(note, noun=True)
            if note_en is None:
                return None
            en += f" ({note_en})"
        return en

    def terms_in(self, text: str) -> list[tuple[str, str]]:
        """Termbase vocabulary found in running text: (zh, preferred en), longest match, in order,
        each term once. Units, qualifiers and glue words are not reported."""
        s = _key(text)
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        i = 0
        while i < len(s):
            for j in range(min(len(s), i + self._maxlen), i + 1, -1):
                t = self._terms.get(s[i:j])
                if t is not None and t.kind in ("term", "phrase"):
                    if t.zh not in seen:
                        seen.add(t.zh)
                        found.append((t.zh, t.en))
                    i = j
                    break
            else:
                i += 1
        return found


def _join(parts: list[Term]) -> str:
    return " ".join(t.en for t in parts if t.en)


def _capitalize(en: str) -> str:
    return en[:1].upper() + en[1:] if en else en


# -- files -----------------------------------------------------------------------------------------


def read_file(path: str | Path) -> list[Term]:
    """A user termbase: TSV (``zh en variants kind note``), or YAML when PyYAML is installed."""
    p = Path(path)
    try:
        text = aligned.read_termbase(p)
    except InputError as e:
        raise TermbaseError(str(e)) from None
    return parse_text(text, source=str(p))


def parse_text(text: str, *, source: str) -> list[Term]:
    """The entries of a termbase file's text; YAML when ``source`` ends in .yaml/.yml, else TSV."""
    if source.lower().endswith((".yaml", ".yml")):
        return parse_yaml(text, source=source)
    return parse_tsv(text, source=source)


def parse_tsv(text: str, *, source: str = "termbase") -> list[Term]:
    """Tab-separated entries. An optional header line names the columns (any order, from
    ``zh en variants kind note``); without one they are taken in that order. ``#`` starts a comment
    line; variants are ``|``-separated."""
    terms: list[Term] = []
    cols = list(COLUMNS)
    first = True
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if first:
            first = False
            if cells[0].lower() == "zh":
                unknown = [c for c in cells if c.lower() not in COLUMNS]
                if unknown:
                    raise TermbaseError(f"{source}:{lineno}: unknown column(s) {unknown}")
                cols = [c.lower() for c in cells]
                continue
        row = dict(zip(cols, cells, strict=False))
        if not row.get("zh") or not row.get("en"):
            raise TermbaseError(f"{source}:{lineno}: need at least zh<TAB>en, got {line!r}")
        terms.append(_term(row, f"{source}:{lineno}"))
    return terms


def parse_yaml(text: str, *, source: str = "termbase") -> list[Term]:
    """YAML: a list of mappings with the TSV column names, or a mapping ``zh: en``."""
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        raise TermbaseError(
            f"{source}: YAML termbases need PyYAML (pip install pyyaml); or use a TSV file"
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise TermbaseError(f"{source}: not valid YAML ({e})") from None
    rows: list[dict[str, Any]]
    if isinstance(data, dict):
        rows = [{"zh": k, **(v if isinstance(v, dict) else {"en": v})} for k, v in data.items()]
    elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
        rows = data
    else:
        raise TermbaseError(f"{source}: expected a list of entries or a zh: en mapping")
    out = []
    for i, row in enumerate(rows, 1):
        if not row.get("zh") or not row.get("en"):
            raise TermbaseError(f"{source}: entry {i} needs zh and en")
        variants = row.get("variants") or ()
        if isinstance(variants, str):
            variants = variants.split("|")
        out.append(_term({**row, "variants": "|".join(map(str, variants))}, f"{source}#{i}"))
    return out


def _term(row: dict[str, Any], where: str) -> Term:
    kind = str(row.get("kind") or "term").strip()
    if kind not in KINDS:
        raise TermbaseError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    en = str(row["en"]).strip()
    if en == "-" and kind == "unit":
        en = ""  # a counter word (个) that English leaves out: known, but no word to show
    variants = tuple(
        v.strip()
        for v in str(row.get("variants") or "").split("|")
        if v.strip() and v.strip() != en
    )
    return Term(
        zh=_key(str(row["zh"])),
        en=en,
        variants=variants,
        kind=kind,
        note=str(row.get("note") or ""),
    )


def stretch_english(label: str) -> str | None:
    """English for a stretch of years a result is named for: 过去五年 -> past five years, 五年 ->
    over five years,
    十一五时期 -> 11th Five-Year Plan period, 十一五前四年 -> first four years of the 11th
    Five-Year Plan; None for a label it cannot read."""
    m = _STRETCH_PARTS.fullmatch(label)
    if not m or not (m.group("plan") or m.group("n")):
        return None
    plan = None
    if m.group("plan"):
        p = m.group("plan")
        nth = _cn_number(p)  # 十一五: the 11th, 十五: the 10th, 九五: the 9th
        suffix = "th" if 10 <= nth % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(nth % 10, "th")
        plan = f"{nth}{suffix} Five-Year Plan"
    years = f"{_WORDS[_cn_number(m.group('n'))]} years" if m.group("n") else ""
    if plan and years:
        return f"{'first ' if m.group('lead') == '前' else ''}{years} of the {plan}"
    if plan:
        return f"{plan} period"
    return f"past {years}" if m.group("lead") or m.group("since") else f"over {years}"
