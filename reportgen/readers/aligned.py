"""Reading step: the files the translation step loads — aligned zh–en pairs for the translation
memory (TSV, TMX, a ``*_zh.txt`` beside its ``*_en.txt``) and termbase files (TSV, YAML)."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError
from reportgen.readers import decode, file_bytes

Pair = tuple[str, str]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_pairs(path: Path) -> list[Pair]:
    """The (zh, en) pairs of one translation-memory import file.

    Accepted: ``zh<TAB>en`` lines (``#`` comments skipped), TMX, or a ``*_zh.txt`` file whose
    line-aligned ``*_en.txt`` sibling exists (same line count). Any encoding :func:`decode` reads.
    """
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file of zh-en pairs")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    name = path.name.lower()
    if name.endswith(".tmx"):
        return tmx_pairs(file_bytes(path), source=str(path))
    text = _read_text(path)
    pairs = tab_pairs(text)
    if pairs is not None:
        return pairs
    if name.endswith("_zh.txt"):
        sibling = path.with_name(path.name[: -len("_zh.txt")] + "_en.txt")
        if not sibling.is_file():
            raise InputError(f"{path}: no tabs, and no line-aligned sibling {sibling.name}")
        return line_pairs(text, _read_text(sibling), source=str(path), other=sibling.name)
    raise InputError(f"{path}: not a translation memory file (expected zh<TAB>en lines or TMX)")


def read_termbase(path: Path) -> str:
    """The text of a user's termbase file (TSV or YAML, any encoding :func:`decode` reads); an
    empty file is an empty termbase."""
    if not path.is_file():
        raise InputError(f"{path}: no such termbase file")
    data = file_bytes(path)
    return decode(data, source=str(path)) if data.strip() else ""


def read_shipped(path: Path) -> str:
    """A data file reportgen ships (UTF-8 by construction, so no encoding detection)."""
    return path.read_text(encoding="utf-8")


# -- parsers: text in, pairs out ---------------------------------------------------------------


def tab_pairs(text: str) -> list[Pair] | None:
    """``zh<TAB>en`` lines (further columns ignored, ``#`` comment lines skipped), or None when the
    first 50 lines hold no tab: then the text is not in this format."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not any("\t" in ln for ln in lines[:50]):
        return None
    pairs = []
    for ln in lines:
        zh, sep, en = ln.partition("\t")
        if sep:
            pairs.append((zh, en.split("\t")[0]))
    return pairs


def line_pairs(zh_text: str, en_text: str, *, source: str, other: str) -> list[Pair]:
    """Line n of the Chinese text with line n of its English translation (``other`` names it)."""
    zh_lines = _content_lines(zh_text)
    en_lines = _content_lines(en_text)
    if len(zh_lines) != len(en_lines):
        raise InputError(
            f"{source}: {len(zh_lines)} lines but {other} has {len(en_lines)};"
            " the files are not line-aligned"
        )
    return list(zip(zh_lines, en_lines, strict=True))


def tmx_pairs(data: bytes, *, source: str) -> list[Pair]:
    """The zh/en segments of each translation unit of a TMX document (other languages ignored)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"{source}: not a readable TMX file ({e})") from None
    pairs = []
    for tu in root.iter("tu"):
        sides: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
            seg = tuv.find("seg")
            if seg is not None:
                sides[lang[:2]] = "".join(seg.itertext())
        if "zh" in sides and "en" in sides:
            pairs.append((sides["zh"], sides["en"]))
    return pairs


def _content_lines(text: str) -> list[str]:
    # Keep blank lines so that alignment by line number survives; drop only the source comment.
    lines = text.split("\n")
    if lines and lines[0].startswith("#"):
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _read_text(path: Path) -> str:
    return decode(file_bytes(path), source=str(path))
