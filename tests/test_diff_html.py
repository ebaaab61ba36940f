"""Diff HTML in a real headless Chromium: the two panes scroll together, sections fold together."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli
from tests.conftest import chromium_probe, corpus_file, needs_chromium

# Scroll the old pane to a row far down, let the page react, record the top row of each pane;
# then close a section in the new pane and record whether its twin in the old pane closed too.
PROBE = """
<script>
// Start once the page has settled: a late layout pass after "load" scrolls a pane by itself,
// and the other pane follows it back to the top.
window.addEventListener("load", () => setTimeout(() => {
  const [left, right] = document.querySelectorAll(".pane");
  const rows = left.querySelectorAll(".row");
  const pick = rows[Math.floor(rows.length * 0.6)];
  left.scrollTop += pick.getBoundingClientRect().top - left.getBoundingClientRect().top;
  // Headless Chromium under virtual time delivers scroll events late or not at all on a busy
  // machine; deliver this one now (a real browser sends it with the next frame).
  left.dispatchEvent(new Event("scroll"));
  // The row at the pane's top edge; a few pixels of slack: scrollTop is rounded, and the synced
  // pane's echo may move this one by a pixel or two.
  const top = (pane) => {
    const y = pane.getBoundingClientRect().top;
    const r = [...pane.querySelectorAll(".row")].find(
      (e) => e.getBoundingClientRect().height && e.getBoundingClientRect().bottom > y + 4);
    return r ? r.getAttribute("data-row") : null;
  };
  // Scroll events arrive with the next frames, later on a busy machine: wait (up to ~3 s) for
  // the new pane to react before reading both panes.
  let tries = 0;
  const settled = () => {
    if (top(right) !== top(left) && ++tries < 60) { setTimeout(settled, 50); return; }
    setTimeout(record, 100);
  };
  setTimeout(settled, 50);
  const record = () => {
    const out = {picked: pick.getAttribute("data-row"), left: top(left), right: top(right),
                 leftScroll: left.scrollTop, rightScroll: right.scrollTop};
    const d = right.querySelector("details[open]");
    d.open = false;
    setTimeout(() => {
      const twin = left.querySelector('details[data-g="' + d.getAttribute("data-g") + '"]');
      out.twinOpen = twin.open;
      document.body.setAttribute("data-probe", JSON.stringify(out));
    }, 100);
  };
}, 500));
</script>
</body>"""


@needs_chromium
def test_panes_scroll_and_fold_together(tmp_path: Path) -> None:
    old = corpus_file("hailar-district_2013_zh.txt")
    new = corpus_file("hailar-district_2014_zh.txt")
    out = tmp_path / "diff.html"
    res = CliRunner().invoke(cli, ["diff", str(old), str(new), "-o", str(out), "--no-facts"])
    assert res.exit_code == 0, res.output
    r = chromium_probe(out.read_text(encoding="utf-8"), PROBE, tmp_path, window="1200,900")
    assert r["left"] == r["picked"], r
    assert r["right"] == r["left"]  # the new pane followed to the same paragraph
    assert r["rightScroll"] != r["leftScroll"]  # ... which sits at a different height there
    assert r["twinOpen"] is False
