"""README picture (a development tool, not part of the pipeline): three pages of the seed's briefing.

Renders the sample briefing PDF, then the cover, the review-vs-plan page and the first page of the
report's text with ``pdftoppm`` (poppler-utils), side by side on one PNG:

    python tools/readme_image.py            # writes docs/img/briefing.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "huangzhong-2024-newspaper.txt"
OUT = ROOT / "docs" / "img" / "briefing.png"
DPI = 60
GAP = 16
BACKGROUND = (233, 237, 241)


def page_of(pdf: Path, needle: str) -> int:
    """The first page (1-based) whose text holds ``needle``, after the contents pages."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    for i in range(2, len(doc)):
        if needle in doc[i].get_textpage().get_text_range():
            return i + 1
    return min(3, len(doc))


def main() -> int:
    import os

    from PIL import Image, ImageOps

    from reportgen.commands import brief_file

    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "seed.pdf"
        # Relative to the checkout, as a user types it: the cover shows the source path.
        brief_file(SEED.relative_to(ROOT), output=str(pdf))
        pages = [1, page_of(pdf, "Review vs plan"), page_of(pdf, "REVIEW")]
        images = []
        for n in pages:
            stem = Path(tmp) / f"p{n}"
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(n), "-l", str(n),
                 str(pdf), str(stem)],
                check=True,
            )  # fmt: skip
            images.append(
                ImageOps.expand(Image.open(f"{stem}.png"), border=1, fill=(200, 206, 212))
            )
    w, h = images[0].size
    sheet = Image.new("RGB", (len(images) * (w + GAP) + GAP, h + 2 * GAP), BACKGROUND)
    for i, im in enumerate(images):
        sheet.paste(im, (GAP + i * (w + GAP), GAP))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(OUT, optimize=True)
    print(f"{OUT.relative_to(ROOT)}: pages {pages}, {sheet.size[0]}x{sheet.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
