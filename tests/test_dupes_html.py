"""Duplicate report HTML in a real headless Chromium: jump links move to the other copy, the kind
filters hide groups."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli
from tests.conftest import chromium_probe, corpus_file, needs_chromium

# Appended to a copy of the report: click the last group's first jump link, then record where
# the browser went; untick one kind filter and record what is still shown.
PROBE = """
<script>
window.addEventListener("load", () => {
  const links = document.querySelectorAll("a.jump");
  const link = links[links.length - 1];
  const before = window.scrollY;
  link.click();
  setTimeout(() => {
    const t = document.querySelector(":target");
    const out = {href: link.getAttribute("href"), before: before, after: window.scrollY,
                 target: t ? t.id : null, top: t ? t.getBoundingClientRect().top : null,
                 from: link.closest(".member").id};
    const box = document.getElementById("show-exact");
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    out.exactShown = [...document.querySelectorAll(".group.kind-exact")]
      .filter(g => getComputedStyle(g).display !== "none").length;
    out.nearShown = [...document.querySelectorAll(".group.kind-near")]
      .filter(g => getComputedStyle(g).display !== "none").length;
    document.body.setAttribute("data-probe", JSON.stringify(out));
  }, 200);
});
</script>
</body>"""


@needs_chromium
def test_jump_links_and_filters_in_headless_chromium(tmp_path: Path) -> None:
    y14, y15 = (
        corpus_file("hailar-district_2014_zh.txt"),
        corpus_file("hailar-district_2015_zh.txt"),
    )
    out = tmp_path / "dupes.html"
    r = CliRunner().invoke(cli, ["dupes", str(y15), str(y14), "-o", str(out)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.count('class="jump"') >= 10
    res = chromium_probe(page, PROBE, tmp_path, window="900,600")
    # The link led to the other copy of the same group, and the page scrolled it to the top
    # (below the sticky filter bar: scroll-margin-top 3rem = 48 px).
    assert res["target"] == res["href"][1:]
    assert res["target"].split("-")[0] == res["from"].split("-")[0]
    assert res["target"] != res["from"]
    assert res["after"] > res["before"]
    assert abs(res["top"] - 48) <= 4
    assert res["exactShown"] == 0 and res["nearShown"] >= 1
