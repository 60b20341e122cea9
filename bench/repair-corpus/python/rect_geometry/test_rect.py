from rect import Rect, bounding_box


def test_area():
    assert Rect(0, 0, 4, 3).area() == 12


def test_square_contains_its_corner_but_not_the_far_edge():
    square = Rect(10, 10, 5, 5)
    assert square.contains(10, 10) and not square.contains(15, 12)


def test_wide_rect_does_not_contain_point_below_it():
    banner = Rect(0, 0, 100, 20)
    assert banner.contains(50, 10) and not banner.contains(50, 30)


def test_tall_rects_side_by_side_vertically_do_not_intersect():
    top, lower = Rect(0, 0, 10, 40), Rect(0, 40, 10, 40)
    assert not top.intersects(lower)


def test_bounding_box():
    box = bounding_box([Rect(0, 0, 2, 8), Rect(5, 1, 1, 1)])
    assert (box.x, box.y, box.width, box.height) == (0, 0, 6, 8)
