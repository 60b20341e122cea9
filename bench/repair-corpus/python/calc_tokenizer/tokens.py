"""Tokenizer and shunting-yard converter for calculator input."""

OPERATORS = {"+": 1, "-": 1, "*": 2, "/": 2}


def tokenize(expr):
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(expr) and (expr[i].isdigit() or expr[i] == "."):
                i += 1
            tokens.append(float(expr[start:i]))
            i += 1
        elif ch in OPERATORS or ch in "()":
            tokens.append(ch)
            i += 1
        else:
            raise ValueError(f"unexpected {ch!r} at position {i}")
    return tokens


def to_rpn(tokens):
    """Reverse Polish notation for left-associative binary operators."""
    output, stack = [], []
    for tok in tokens:
        if isinstance(tok, float):
            output.append(tok)
        elif tok == "(":
            stack.append(tok)
        elif tok == ")":
            while stack[-1] != "(":
                output.append(stack.pop())
            stack.pop()
        else:
            while stack and stack[-1] != "(" and OPERATORS[stack[-1]] >= OPERATORS[tok]:
                output.append(stack.pop())
            stack.append(tok)
    return output + stack[::-1]
