"""Summaries of recorded hiking tracks."""
import math

EARTH_RADIUS_KM = 6371.0


def haversine_km(a, b):
    """Great-circle distance between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def track_length_km(points):
    return round(sum(haversine_km(p, q) for p, q in zip(points, points[1:])), 2)


def elevation_profile(elevations):
    """Total metres climbed and descended, both as positive numbers."""
    climb = descent = 0.0
    for previous, current in zip(elevations, elevations[1:]):
        delta = current - previous
        if delta > 0:
            climb += delta
        else:
            descent += delta
    return round(climb, 1), round(descent, 1)
