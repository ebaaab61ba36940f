"""HTML writer: renders Jinja templates (autoescaped) into one self-contained HTML file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from reportgen.errors import RenderError
from reportgen.paths import templates_dir


def template_dirs(user_dir: str | Path | None = None) -> list[Path]:
    """Search path: a user's template folder first, then the shipped templates."""
    dirs = [templates_dir()]
    if user_dir is not None:
        p = Path(user_dir)
        if not p.is_dir():
            raise RenderError(f"{p}: template folder not found")
        dirs.insert(0, p)
    return dirs


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]) -> Any:
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def inline_static(name: str) -> Markup:
        # Static CSS/SVG is ours, not report text: inline it verbatim, outside Jinja's autoescape.
        for d in dirs:
            f = d / "static" / name
            if f.is_file():
                return Markup(f.read_text(encoding="utf-8"))
        raise RenderError(f"static file {name!r} not found in {', '.join(map(str, dirs))}")

    env.globals["static"] = inline_static
    env.filters["thousands"] = lambda v: f"{v:,}"
    return env


def render_template(
    name: str, context: dict[str, Any], *, user_dir: str | Path | None = None
) -> str:
    """Render ``templates/<name>`` with ``context``; every value is autoescaped."""
    import jinja2

    dirs = tuple(template_dirs(user_dir))
    try:
        return _environment(dirs).get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise RenderError(f"template {name!r} not found in {', '.join(map(str, dirs))}") from None
    except jinja2.TemplateError as e:
        raise RenderError(f"template {name!r}: {e}") from None
