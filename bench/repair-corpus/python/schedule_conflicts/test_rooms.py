from rooms import first_free_slot, is_free, overlaps, to_minutes


def test_to_minutes():
    assert to_minutes("09:30") == 570


def test_back_to_back_meetings_do_not_overlap():
    assert overlaps((540, 600), (600, 660)) is False


def test_nested_meetings_overlap():
    assert overlaps((540, 720), (600, 630)) is True


def test_empty_room_is_free():
    assert is_free((600, 660), []) is True


def test_booked_slot_is_not_free():
    assert is_free((600, 660), [(630, 700)]) is False


def test_first_free_slot_after_morning_meetings():
    bookings = [(540, 600), (600, 645)]
    assert first_free_slot(bookings, 30) == 645
