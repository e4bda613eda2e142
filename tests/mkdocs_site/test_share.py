"""Share images (explainer/mkdocs_site/share.py): text laid out within the image, and work
bounded by what the image shows, however long a word is (issue 25)."""

from __future__ import annotations

import pytest

from explainer.mkdocs_site.share import WIDTH, fit_title, font, plain, share_image, wrap

LINE = WIDTH - 2 * 80


class CountingFont:
    """A font that counts the characters it was asked to measure: the work of a layout."""

    def __init__(self, size: int):
        self.font, self.measured = font(size), 0

    def getlength(self, text: str) -> float:
        self.measured += len(text)
        return self.font.getlength(text)


@pytest.mark.parametrize("length", [200, 5_000, 50_000])
def test_a_word_longer_than_the_line_is_cut_to_the_longest_start_that_fits(length):
    word = ("S400" * length)[:length]
    [line, *_] = wrap(f"{word} and the F-35", font(72), LINE, 3)
    assert line.endswith("…") and word.startswith(line[:-1])
    assert font(72).getlength(line) <= LINE
    assert font(72).getlength(word[: len(line)] + "…") > LINE  # one more character won't fit


def test_laying_out_a_long_word_measures_about_what_the_line_holds():
    """Cutting one character at a time measured the whole word once per character: 5,000
    characters cost over a minute. Now the work doesn't grow with the word (`plain` keeps no
    more text than an image can show)."""
    work = {}
    for length in (500, 5_000, 500_000):
        counting = CountingFont(44)
        lines = wrap(plain("S400" * (length // 4) + " and the F-35"), counting, LINE, 3)
        work[length] = counting.measured
        assert lines[0].endswith("…")
    shown = len(lines[0])
    assert work[500_000] <= work[5_000] * 1.2
    assert work[5_000] < 200 * shown  # a few dozen measurements of a line or two


def test_the_last_line_ends_with_an_ellipsis_when_text_is_left_over():
    lines = wrap("word " * 400, font(34), LINE, 2)
    assert len(lines) == 2 and lines[-1].endswith(" …")
    assert all(font(34).getlength(line) <= LINE for line in lines)
    assert wrap("short title", font(72), LINE, 3) == ["short title"]


def test_a_title_of_one_long_word_still_makes_an_image():
    size, lines = fit_title("x" * 5_000, LINE)
    assert size == 44 and lines[0].endswith("…")
    assert share_image("x" * 5_000, "y" * 5_000, "Site").startswith(b"\x89PNG")
