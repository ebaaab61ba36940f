from reportgen.model import Document
from reportgen.readers import read_path

from .conftest import corpus_file


def test_round_trip_json():
    doc = read_path(corpus_file("hailar-district_2013_zh.txt"))
    d = doc.to_dict(include_text=True)
    assert d["schema"] == "reportgen.document/1"
    assert Document.from_dict(d) == doc


def test_paragraph_ids_are_unique_and_sequential():
    doc = read_path(corpus_file("state-council_2019_zh.txt"))
    ids = [p.id for p in doc.paragraphs()]
    assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]
