"""Meeting-room availability; times are minutes since midnight, slots are [start, end)."""


def to_minutes(hhmm):
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def is_free(slot, bookings):
    return any(overlaps(slot, booked) for booked in bookings)


def first_free_slot(bookings, length, day_start="09:00", day_end="17:00", step=15):
    """Earliest slot of the given length, starting on a step boundary, or None."""
    start, end = to_minutes(day_start), to_minutes(day_end)
    t = start
    while t + length <= end:
        if is_free((t, t + length), bookings):
            return t
        t += step
    return None
