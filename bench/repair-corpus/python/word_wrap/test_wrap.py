import pytest

from wrap import fill, indent_block, wrap

PANGRAM = "the quick brown fox jumps over the lazy dog"


def test_empty_text_gives_no_lines():
    assert wrap("", 10) == []


def test_words_exactly_filling_the_width_stay_together():
    assert wrap("the quick brown fox", 9) == ["the quick", "brown fox"]


def test_everything_fits_on_one_wide_line():
    assert wrap("a b c", 100) == ["a b c"]


def test_long_word_gets_its_own_line():
    assert wrap("supercalifragilistic is long", 10) == ["supercalifragilistic", "is long"]


@pytest.mark.parametrize("width", [5, 8, 12])
def test_no_line_exceeds_width(width):
    assert all(len(line) <= width for line in wrap(PANGRAM, width))


def test_fill_joins_with_newlines():
    assert fill("one two three", 7) == "one two\nthree"


def test_indent_block_counts_the_prefix():
    assert indent_block("alpha beta gamma", 14) == "    alpha beta\n    gamma"


def test_rejects_zero_width():
    with pytest.raises(ValueError):
        wrap("anything", 0)
