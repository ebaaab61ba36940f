"""PDF writer: prints rendered HTML with WeasyPrint, fetching nothing outside the template folders."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportgen.errors import RenderError
from reportgen.writers.html import template_dirs

log = logging.getLogger(__name__)


def _sandboxed_fetcher(allowed: list[Path]) -> Any:
    """A URL fetcher that serves data: URLs and files inside ``allowed`` only, so text from a report
    can never make WeasyPrint read local files or the network."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    roots = [p.resolve() for p in allowed]

    class SandboxedFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(r) for r in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"reportgen does not fetch {url[:80]!r}")

    return SandboxedFetcher(allowed_protocols=("file", "data"), timeout=5)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cycle collector: WeasyPrint allocates millions of short-lived objects and
    each full collection walks them all. Measured: seed 10 % faster, a --full State Council
    briefing 25 % faster, for 6 MB more peak memory; refcounting still frees what is dropped."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def html_to_pdf(html: str, *, user_dir: str | Path | None = None) -> bytes:
    """Print ``html`` to PDF bytes. Metadata (title, lang) comes from the HTML's <title>/<meta>/<html lang>."""
    try:
        from weasyprint import HTML
    except OSError as e:  # Pango/HarfBuzz missing on this system
        raise RenderError(f"WeasyPrint cannot start ({e}); run `make setup`") from None
    dirs = template_dirs(user_dir)
    try:
        doc = HTML(string=html, base_url=str(dirs[0]) + "/", url_fetcher=_sandboxed_fetcher(dirs))
        with _without_cyclic_gc():
            return doc.write_pdf(pdf_identifier=b"reportgen", uncompressed_pdf=False)
    except Exception as e:  # WeasyPrint raises many types; any failure is a render failure
        log.debug("WeasyPrint failed", exc_info=True)
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from None
