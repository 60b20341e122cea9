from slug import slugify, unique_slug


def test_single_word_is_lowercased():
    assert slugify("Python") == "python"


def test_spaces_become_hyphens():
    assert slugify("Hello World") == "hello-world"


def test_accents_and_punctuation_are_dropped():
    assert slugify("Crème Brûlée: A Recipe!") == "creme-brulee-a-recipe"


def test_long_titles_are_cut_at_a_word_boundary():
    assert slugify("the rain in spain stays mainly in the plain", max_length=20) == "the-rain-in-spain"


def test_unique_slug_with_no_clash():
    assert unique_slug("Release", {"news"}) == "release"


def test_unique_slug_counts_up():
    assert unique_slug("release", {"release", "release-2"}) == "release-3"
