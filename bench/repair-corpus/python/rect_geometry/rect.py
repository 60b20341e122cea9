class Rect:
    """Axis-aligned rectangle; y grows downwards as on a screen."""

    def __init__(self, x, y, width, height):
        if width < 0 or height < 0:
            raise ValueError("size must not be negative")
        self.x, self.y, self.width, self.height = x, y, width, height

    @property
    def right(self):
        return self.x + self.width

    @property
    def bottom(self):
        return self.y + self.width

    def area(self):
        return self.width * self.height

    def contains(self, px, py):
        return self.x <= px < self.right and self.y <= py < self.bottom

    def intersects(self, other):
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


def bounding_box(rects):
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    return Rect(left, top, max(r.right for r in rects) - left, max(r.bottom for r in rects) - top)
