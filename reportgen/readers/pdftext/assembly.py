"""PDF-text reader, assembly step: the text cut into blocks at the placed headlines, in parts.

Each placed headline opens a block; untitled blocks of one part run together; the parts (by the
markers, or inferred) hold their introductions and blocks, handed to the structure step as
headings and paragraphs.
"""

from __future__ import annotations

from reportgen.model import Block, Document
from reportgen.readers.pdftext.parts import _parts
from reportgen.readers.pdftext.spread import _Block, _Spread
from reportgen.structure import build_document

FORMAT = "pdftext"


def _blocks(sp: _Spread) -> list[_Block]:
    """Partition the paragraphs outside the markers' own text into blocks, in text order."""
    anchors = {h.anchor: h for h in sp.heads if h.anchor is not None}
    blocks: list[_Block] = []
    i = 0
    while i < sp.n:
        if i in sp.zone and i not in anchors:
            i += 1
            continue
        h = anchors.get(i)
        if h is not None and h.end is not None:
            end = h.end
        elif h is not None and not sp.heads_after and not h.floating:
            # Headline before its block: the block runs to the next heading, marker or headline.
            end = i + 1
            while end < sp.n and not sp._bound_between(end - 1, end) and end not in anchors:
                end += 1
        else:
            end = sp._block_end(i)
        end = max(end, i + 1)
        blocks.append(_Block(i, end, h))
        i = end
    return blocks


def _merge_untitled(sp: _Spread, blocks: list[_Block]) -> list[_Block]:
    """Consecutive blocks without a headline, of one kind and not split by a heading, marker or
    lead, are one untitled section."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.head is None
            and b.head is None
            and prev.end == b.start
            and prev.kind == b.kind
            and not sp.lead[b.start]
            and not sp._bound_between(prev.end - 1, b.start)
        ):
            prev.end = b.end
            prev.score += b.score
        else:
            out.append(b)
    return out


def _document(sp: _Spread, blocks: list[_Block]) -> Document:
    """The parts (when markers say them) and sections as the structure step's blocks."""
    out: list[Block] = []

    def para(i: int) -> Block:
        u = sp.paras[i]
        return Block(u.text, u.start, u.end)

    if sp.markers:
        for p in _parts(sp, blocks):
            meta = {"kind": p.kind, "year": p.year, "kind_inferred": p.inferred}
            if p.unit is not None:
                out.append(Block(p.unit.text, p.unit.start, p.unit.end, heading_level=1, meta=meta))
            else:
                out.append(Block("", -1, -1, heading_level=1, meta={**meta, "untitled": True}))
            out.extend(para(i) for i in sorted(p.intro))
            # Blocks no headline claims come first, right after the part's own text, so that
            # they never read as part of the section before them.
            for b in sorted(p.blocks, key=lambda b: (b.head is not None, b.start)):
                bmeta = {"kind": p.kind, "year": p.year, "kind_inferred": True}
                out.append(_heading_block(sp, b, 2, bmeta))
                out.extend(para(i) for i in range(b.start, b.end))
    else:
        for b in blocks:
            out.append(_heading_block(sp, b, 1, {}))
            out.extend(para(i) for i in range(b.start, b.end))
    unplaced = [h.unit.text for h in sp.heads if h.anchor is None]
    return build_document(
        out,
        source=sp.source,
        text=sp.text,
        format=FORMAT,
        repairs=sp.repairs,
        unplaced_headings=unplaced,
        title=sp.title or "",
        byline=sp.byline or "",
    )


def _heading_block(sp: _Spread, b: _Block, level: int, meta: dict) -> Block:
    if b.head is not None:
        u = b.head.unit
        return Block(u.text, u.start, u.end, heading_level=level, meta=meta)
    return Block("", -1, -1, heading_level=level, meta={**meta, "untitled": True})
