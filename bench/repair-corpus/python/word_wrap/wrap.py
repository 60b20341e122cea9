"""Greedy word wrapping for plain-text output."""


def wrap(text, width):
    """Break text into lines no longer than width, splitting on whitespace.

    A word longer than width is put on a line of its own rather than split.
    """
    if width < 1:
        raise ValueError("width must be positive")
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) < width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def fill(text, width):
    return "\n".join(wrap(text, width))


def indent_block(text, width, prefix="    "):
    """Wrap text so that each line, including its prefix, fits in width."""
    inner = width - len(prefix)
    return "\n".join(prefix + line for line in wrap(text, inner))
