from meetings import double_booked, overlap_minutes, parse_hhmm


def test_parse_hhmm():
    assert parse_hhmm("13:05") == 785


def test_partial_overlap():
    assert overlap_minutes(("09:00", "10:00"), ("09:30", "11:00")) == 30


def test_nested_meeting():
    assert overlap_minutes(("09:00", "12:00"), ("10:00", "10:45")) == 45


def test_separate_meetings_share_nothing():
    assert overlap_minutes(("09:00", "09:30"), ("14:00", "15:00")) == 0


def test_double_booked():
    meetings = {"standup": ("09:00", "09:15"), "review": ("09:10", "10:00"), "lunch": ("12:00", "13:00")}
    assert double_booked(meetings) == [("review", "standup", 5)]
