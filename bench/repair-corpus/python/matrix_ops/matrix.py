"""Small dense-matrix helpers on lists of lists."""


def shape(m):
    return len(m), (len(m[0]) if m else 0)


def identity(n):
    return [[1 if r == c else 0 for c in range(n)] for r in range(n)]


def transpose(m):
    rows, cols = shape(m)
    return [[m[c][r] for r in range(rows)] for c in range(cols)]


def multiply(a, b):
    if shape(a)[1] != shape(b)[0]:
        raise ValueError(f"cannot multiply {shape(a)} by {shape(b)}")
    columns = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]


def is_symmetric(m):
    return m == transpose(m)


def trace(m):
    return sum(m[i][i] for i in range(min(shape(m))))
