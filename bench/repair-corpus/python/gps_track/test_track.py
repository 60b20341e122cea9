from track import elevation_profile, haversine_km, track_length_km


def test_one_degree_of_latitude():
    assert round(haversine_km((0, 0), (1, 0)), 1) == 111.2


def test_track_length_of_a_single_point():
    assert track_length_km([(46.5, 7.9)]) == 0


def test_flat_walk():
    assert elevation_profile([500, 500, 500]) == (0, 0)


def test_steady_climb():
    assert elevation_profile([100, 150, 220]) == (120, 0)


def test_up_and_down():
    assert elevation_profile([1000, 1200, 1100, 1300, 900]) == (400, 500)


def test_descent_is_reported_as_positive():
    climb, descent = elevation_profile([800, 650])
    assert descent == 150
