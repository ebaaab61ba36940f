"""The document model: JSON round trip, paragraph ids and offsets into the text."""

from reportgen.model import Document
from reportgen.readers import read_path

from .conftest import corpus_file


def test_round_trip_json() -> None:
    doc = read_path(corpus_file("hailar-district_2013_zh.txt"))
    d = doc.to_dict(include_text=True)
    assert d["schema"] == "reportgen.document/1"
    assert Document.from_dict(d) == doc


def test_paragraph_ids_are_unique_and_sequential() -> None:
    doc = read_path(corpus_file("state-council_2019_zh.txt"))
    paragraphs = list(doc.paragraphs())
    ids = [p.id for p in paragraphs]
    # A whole report, not a handful of paragraphs (an empty list would be "sequential" too).
    assert len(ids) > 500
    assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]
    # start/end locate each paragraph in Document.text, which is what facts and diffs point at.
    assert all(doc.text[p.start : p.end] == p.text for p in paragraphs)
