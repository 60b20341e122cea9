"""Integer square roots without floating point, for arbitrarily large ints."""


def isqrt(n):
    """Largest integer r with r * r <= n, found by bisection."""
    if n < 0:
        raise ValueError("square root of a negative number")
    lo, hi = 0, n
    while lo <= hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_perfect_square(n):
    if n < 0:
        return False
    root = isqrt(n)
    return root * root == n


def square_layout(tiles):
    """Side of the biggest square that can be laid with tiles, and the tiles left over."""
    side = isqrt(tiles)
    return side, tiles - side * side
