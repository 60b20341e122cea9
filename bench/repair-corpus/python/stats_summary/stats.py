"""Descriptive statistics for small samples."""


def mean(xs):
    if not xs:
        raise ValueError("mean of empty data")
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def variance(xs):
    """Sample variance (divides by n - 1)."""
    if len(xs) < 2:
        raise ValueError("variance needs at least two data points")
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)


def stdev(xs):
    return variance(xs) ** 2


def zscores(xs):
    m, s = mean(xs), stdev(xs)
    return [round((x - m) / s, 2) for x in xs]
