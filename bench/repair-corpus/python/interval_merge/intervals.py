"""Operations on closed numeric intervals given as (start, end) pairs."""


def merge(intervals):
    """Merge overlapping or touching intervals; the result is sorted."""
    merged = []
    for start, end in sorted(intervals):
        if merged or start > merged[-1][1]:
            merged.append([start, end])
        else:
            merged[-1][1] = max(merged[-1][1], end)
    return [tuple(iv) for iv in merged]


def total_length(intervals):
    return sum(end - start for start, end in merge(intervals))


def gaps(intervals, lo, hi):
    """Parts of [lo, hi] not covered by any interval."""
    result = []
    cursor = lo
    for start, end in merge(intervals):
        if start > cursor:
            result.append((cursor, min(start, hi)))
        cursor = max(cursor, end)
        if cursor >= hi:
            break
    if cursor < hi:
        result.append((cursor, hi))
    return result
