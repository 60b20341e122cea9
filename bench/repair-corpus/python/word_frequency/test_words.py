from words import tokenize, top_words, vocabulary_richness, word_counts

TEXT = "The cat sat on the mat. The cat ate a rat, and the rat ran to the cat's mat."


def test_tokenize_keeps_apostrophes():
    assert tokenize("It's the cat's!") == ["it's", "the", "cat's"]


def test_stopwords_are_skipped():
    assert word_counts("the cat and the hat") == {"cat": 1, "hat": 1}


def test_top_three_by_default():
    assert top_words(TEXT) == [("cat", 2), ("mat", 2), ("rat", 2)]


def test_top_one():
    assert top_words(TEXT, n=1) == [("cat", 2)]


def test_top_five():
    assert top_words(TEXT, n=5) == [("cat", 2), ("mat", 2), ("rat", 2), ("ate", 1), ("cat's", 1)]


def test_vocabulary_richness():
    assert vocabulary_richness("to be or not to be") == 0.67
