import re
from collections import Counter

STOPWORDS = {"a", "an", "and", "the", "of", "to", "in", "is", "it", "on"}


def tokenize(text):
    return re.findall(r"[a-z']+", text.lower())


def word_counts(text, skip_stopwords=True):
    words = tokenize(text)
    if skip_stopwords:
        words = [w for w in words if w not in STOPWORDS]
    return Counter(words)


def top_words(text, n=3):
    """The n most frequent words as (word, count), ties broken alphabetically."""
    ranked = sorted(word_counts(text).items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:3]


def vocabulary_richness(text):
    """Distinct words divided by total words (stopwords included)."""
    words = tokenize(text)
    return round(len(set(words)) / len(words), 2) if words else 0.0
