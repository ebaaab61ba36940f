"""The document model: the one tree every reader produces and every analysis and writer consumes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "reportgen.document/1"

# Section kinds: a year's review (results), the next year's plan (targets), anything else.
REVIEW = "review"
PLAN = "plan"
OTHER = "other"
KINDS = (REVIEW, PLAN, OTHER)


@dataclass(frozen=True)
class Repair:
    """One change a reader made to the input, so an editor can see what was repaired.

    ``kind`` is a short code (``join_wrap``, ``join_column_break``, ``undouble_headline``,
    ``remove_space``, ``place_heading``, ``infer_part`` …); ``start``/``end`` locate ``before`` in
    the raw input text (``-1`` when not applicable, e.g. for inferences).
    """

    kind: str
    before: str
    after: str
    start: int = -1
    end: int = -1
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "start": self.start,
            "end": self.end,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Repair:
        return cls(
            kind=d["kind"],
            before=d["before"],
            after=d["after"],
            start=d.get("start", -1),
            end=d.get("end", -1),
            note=d.get("note", ""),
        )


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text. ``id`` (``p12``) is stable for one input and is what facts, diffs and
    duplicate reports point at; ``start``/``end`` are offsets into ``Document.text``."""

    id: str
    text: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Paragraph:
        return cls(id=d["id"], text=d["text"], start=d.get("start", -1), end=d.get("end", -1))


@dataclass(frozen=True)
class Section:
    """A heading with its paragraphs and sub-sections.

    ``level`` is 1 for a part or top-level section. ``kind`` is review / plan / other; ``year`` is the
    year the section covers when the text says so; ``kind_inferred`` is True when the kind came from
    the language of the paragraphs rather than from a heading or marker. A section with an empty
    heading holds paragraphs that stand before any heading (a preamble).
    """

    heading: str
    level: int = 1
    kind: str = OTHER
    year: int | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()
    kind_inferred: bool = False

    def iter_sections(self) -> Iterator[Section]:
        """This section and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.iter_sections()

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "level": self.level,
            "kind": self.kind,
            "year": self.year,
            "kind_inferred": self.kind_inferred,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "children": [c.to_dict() for c in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(
            heading=d["heading"],
            level=d.get("level", 1),
            kind=d.get("kind", OTHER),
            year=d.get("year"),
            kind_inferred=d.get("kind_inferred", False),
            paragraphs=tuple(Paragraph.from_dict(p) for p in d.get("paragraphs", ())),
            children=tuple(Section.from_dict(c) for c in d.get("children", ())),
        )


@dataclass(frozen=True)
class Located:
    """A paragraph with the chain of sections it sits in (outermost first)."""

    paragraph: Paragraph
    path: tuple[Section, ...]

    @property
    def section(self) -> Section:
        return self.path[-1]

    @property
    def kind(self) -> str:
        """The innermost review/plan kind along the path (other when none says)."""
        return path_kind(self.path)

    @property
    def year(self) -> int | None:
        return path_year(self.path)


def path_kind(path: Sequence[Section]) -> str:
    """The innermost review/plan kind along a section path (other when none says)."""
    for sec in reversed(path):
        if sec.kind != OTHER:
            return sec.kind
    return OTHER


def path_year(path: Sequence[Section]) -> int | None:
    """The innermost year along a section path."""
    for sec in reversed(path):
        if sec.year is not None:
            return sec.year
    return None


@dataclass(frozen=True)
class Document:
    """A whole report: metadata, the section tree, and what the reader repaired.

    ``text`` is the normalised input (decoded, newlines unified) that paragraph offsets refer to.
    ``unplaced_headings`` are headlines the reader found but could not put on a block with confidence.
    """

    source: str
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    sections: tuple[Section, ...] = ()
    repairs: tuple[Repair, ...] = ()
    unplaced_headings: tuple[str, ...] = ()
    text: str = ""
    format: str = ""
    year: int | None = None
    place: str = ""

    def iter_sections(self) -> Iterator[Section]:
        for sec in self.sections:
            yield from sec.iter_sections()

    def iter_paths(self) -> Iterator[tuple[Section, ...]]:
        """Every section in reading order as its path from the top (outermost first)."""

        def walk(sec: Section, path: tuple[Section, ...]) -> Iterator[tuple[Section, ...]]:
            here = (*path, sec)
            yield here
            for child in sec.children:
                yield from walk(child, here)

        for sec in self.sections:
            yield from walk(sec, ())

    def iter_located(self) -> Iterator[Located]:
        """Every paragraph in reading order, with its section path."""
        for path in self.iter_paths():
            for p in path[-1].paragraphs:
                yield Located(p, path)

    def paragraphs(self) -> list[Paragraph]:
        return [loc.paragraph for loc in self.iter_located()]

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.paragraphs():
            if p.id == pid:
                return p
        raise KeyError(pid)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "year": self.year,
            "place": self.place,
            "sections": [s.to_dict() for s in self.sections],
            "repairs": [r.to_dict() for r in self.repairs],
            "unplaced_headings": list(self.unplaced_headings),
        }
        if include_text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document: schema={d.get('schema')!r}")
        return cls(
            source=d["source"],
            format=d.get("format", ""),
            title=d.get("title", ""),
            subtitle=d.get("subtitle", ""),
            byline=d.get("byline", ""),
            year=d.get("year"),
            place=d.get("place", ""),
            sections=tuple(Section.from_dict(s) for s in d.get("sections", ())),
            repairs=tuple(Repair.from_dict(r) for r in d.get("repairs", ())),
            unplaced_headings=tuple(d.get("unplaced_headings", ())),
            text=d.get("text", ""),
        )


@dataclass(frozen=True)
class Block:
    """What a reader hands to :func:`reportgen.structure.build_document`: one paragraph or heading.

    ``heading_level`` is set when the format itself says the block is a heading (a DOCX heading
    style, a Markdown ``#``, a bold large PDF line); ``None`` lets the structure step decide from
    the text (``一、``, ``（一）`` …).
    """

    text: str
    start: int = -1
    end: int = -1
    heading_level: int | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
