"""Overlap between meetings given as ("HH:MM", "HH:MM") pairs."""
from itertools import combinations


def parse_hhmm(text):
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def overlap_minutes(a, b):
    a_start, a_end = map(parse_hhmm, a)
    b_start, b_end = map(parse_hhmm, b)
    start = min(a_start, b_start)
    end = max(a_end, b_end)
    return max(0, end - start)


def double_booked(meetings):
    """Pairs of meeting names that overlap, with the minutes they share."""
    clashes = []
    for (name_a, a), (name_b, b) in combinations(sorted(meetings.items()), 2):
        shared = overlap_minutes(a, b)
        if shared:
            clashes.append((name_a, name_b, shared))
    return clashes
