"""PDF-text reader: text copied out of a (newspaper) PDF, repaired and put back in order.

:mod:`reportgen.readers.repair` undoes the damage line by line (hard wraps, column breaks, doubled
headline glyphs, justification spaces). This package rebuilds the article:

* **title and byline** from the opening lines;
* **parts** from the year markers (``精彩·2023`` = the review, ``奋进·2024`` = the plan); the
  paragraphs right after a marker are its introduction;
* **sections**: a headline + its lead (a short summary paragraph set larger, before the body) + the
  body. A headline the extraction left in place is put on the block before or after it – whichever
  way the spread is laid out, decided once for the document by which side shares more words with
  the headlines. Headlines the extraction gathered elsewhere (a run of headlines with no text
  between them) are put on the block whose lead shares the most distinctive words with them, but
  only when the evidence is clear (enough shared words, in the lead itself and not only in the
  body, which may run on into the next section; a clear margin over the next candidate; and
  over every other gathered headline by the words that tell the two apart, since review and plan
  sections on one topic have near-twin headlines); a headline whose own words say plan (确保,
  力争) never goes on a review block, nor one set as a statement of a result (政府自身建设进一步
  加强) on a plan block. Placements by words that would leave the other gathered headlines no
  blocks in the order the others bear out are undone – the order borne out by pairs of
  placements, or by the best blocks of all the gathered headlines (each proves little, but
  together they show the order a shuffled cluster lacks).
  Then the **order prior**: the copy gathers headlines in reading order and keeps each text
  frame's blocks in that order, so once the placements by words bear the order out, the open
  headlines can only go between their placed neighbours – placed there by counts (as many
  headlines confined to a stretch as it has free blocks) or by fewer shared words, and only while
  every other headline still has a block of its own. The rest stay in
  ``Document.unplaced_headings``, each with its reason. Blocks left without a headline become
  untitled sections, so no paragraph is ever attached to the wrong headline.
* **review or plan**: a block outside the markers' own text goes to the part its language says
  (:func:`reportgen.structure.kind_score`: 过去一年/同比/已 vs 力争/确保/今年/要, and the shape of
  a clause – a subject and what became of it, 改革基本完成, or a figure reached, 增长23.5%, vs
  the same under a word of intent or an approximate figure, 增长5%左右 – since reviews written
  as deeds read like plans word by word; smoothed along the text because the extraction keeps a
  page's blocks together) and the inference is recorded (``infer_part`` repairs,
  ``Section.kind_inferred``). The same reading splits the blocks into runs for the order prior.

Text that is hard-wrapped but not a newspaper spread (no byline, markers or doubled headlines) is
only reflowed and handed to the structure step like a plain report.

One module per step, in the order :func:`read` runs them: :mod:`.spread` (the repaired text laid
out: paragraphs, headlines, markers, leads, runs of blocks), :mod:`.similarity` (the words a
headline shares with a block), :mod:`.placement` (the first pass by words, and every headline's
note), :mod:`.order` (the order prior), :mod:`.parts` (review or plan) and :mod:`.assembly` (the
sections and parts as the structure step's blocks).
"""

from __future__ import annotations

from reportgen.model import Block, Document
from reportgen.readers.pdftext.assembly import FORMAT, _blocks, _document, _merge_untitled
from reportgen.readers.pdftext.order import _place_by_order, _veto_by_order
from reportgen.readers.pdftext.parts import _kinds
from reportgen.readers.pdftext.placement import _note_placements, _place_by_words
from reportgen.readers.pdftext.spread import _Spread
from reportgen.readers.repair import HEADING, MARKER, Repaired, nonspace, repair
from reportgen.structure import build_document

__all__ = ["FORMAT", "read"]

FRONT_BLOCKS = 8


def read(text: str, *, source: str) -> Document:
    rep = repair(text)
    if not rep.newspaper:
        return _read_report(rep, text, source)
    sp = _Spread(rep, text, source)  # paragraphs, headlines, markers, leads, runs of blocks
    pairs = _place_by_words(sp)  # the first pass
    _veto_by_order(sp)  # placements by words the order rules out are undone
    _place_by_order(sp)  # the order prior places more
    _note_placements(sp, pairs)  # every headline's repair: where it went, or why not
    blocks = _blocks(sp)  # the text cut into blocks at the placed headlines
    _kinds(sp, blocks)  # review or plan, smoothed along the text
    blocks = _merge_untitled(sp, blocks)
    return _document(sp, blocks)  # parts and sections, handed to the structure step


def _read_report(rep: Repaired, text: str, source: str) -> Document:
    """Hard-wrapped text that is not a newspaper spread: reflowed paragraphs, structure as usual."""
    from reportgen.readers.text import clean_line

    doubled = {r.start for r in rep.repairs if r.kind == "undouble_headline"}
    blocks: list[Block] = []
    for u in rep.units:
        t = u.text
        level = 1 if u.kind in (HEADING, MARKER) else None
        if len(blocks) < FRONT_BLOCKS and "\n" not in u.raw and u.start not in doubled:
            # Front matter as the plain reader keeps it ("海拉尔区人民政府区长 张天喜"): a line
            # standing alone there is a title, subtitle or byline for the structure step.
            cand = clean_line(u.raw.strip(), front=True)
            if nonspace(cand) == nonspace(t):
                t, level = cand, None
        blocks.append(Block(t, u.start, u.end, heading_level=level))
    return build_document(blocks, source=source, text=text, format=FORMAT, repairs=rep.repairs)
