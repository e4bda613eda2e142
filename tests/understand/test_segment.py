"""Sentence splitting, from the readable case file tests/cases/segmentation.txt."""


import pytest

from explainer.model import RawParagraph, SourceSpan
from explainer.understand.segment import builtin_abbreviations, segment_paragraph, split_sentences
from project_tools import TESTS

CASES = TESTS / "cases" / "segmentation.txt"


def load_cases():
    cases, lines, start = [], [], None
    for number, line in enumerate(CASES.read_text("utf-8").splitlines() + [""], 1):
        if line.startswith("#"):
            continue
        if line.strip():
            start = start or number
            lines.append(line)
        elif lines:
            text = lines[0]
            expected = [line.removeprefix("=> ") for line in lines[1:]]
            cases.append(pytest.param(text, expected, id=f"segmentation.txt:{start}"))
            lines, start = [], None
    return cases


@pytest.mark.parametrize("paragraph, expected", load_cases())
def test_segmentation_case(paragraph, expected):
    spans = split_sentences(paragraph, builtin_abbreviations())
    assert [paragraph[a:b] for a, b in spans] == expected


def test_sentences_know_their_line_and_offset():
    text = "First line. Still\nthe second. Third one here."
    paragraph = segment_paragraph(RawParagraph(text, SourceSpan("seeds/x.txt", 7, 100)), 3,
                                  builtin_abbreviations())
    assert [s.anchor for s in paragraph.sentences] == ["p3s1", "p3s2", "p3s3"]
    assert [s.source.line for s in paragraph.sentences] == [7, 7, 8]
    assert paragraph.sentences[1].source.offset == 100 + text.index("Still")
    assert str(paragraph.sentences[2].source) == "seeds/x.txt:8"
