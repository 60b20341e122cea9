"""Equal-width histograms for quick terminal summaries."""


def histogram(values, buckets, lo=None, hi=None):
    """Counts of values in `buckets` equal-width bins spanning [lo, hi].

    lo and hi default to the smallest and largest value; values outside are ignored.
    """
    if buckets < 1:
        raise ValueError("need at least one bucket")
    if not values:
        return [0] * buckets
    lo = min(values) if lo is None else lo
    hi = max(values) if hi is None else hi
    width = (hi - lo) / buckets or 1
    counts = [0] * buckets
    for v in values:
        if v < lo or v > hi:
            continue
        index = min(int((v - lo) / width), buckets)
        counts[index] += 1
    return counts


def render(counts, labels, bar="#"):
    """One line per bucket: label, bar and count."""
    pad = max(len(label) for label in labels)
    return "\n".join(f"{label.rjust(pad)} | {bar * n} {n}" for label, n in zip(labels, counts))
