# Mutation sites of a Python file, printed as JSON for LoopGain's offline fixer.
# Run with the workspace's own python3; reads the source on stdin. Uses only the standard library.
# Positions are (line, column) in characters; operator tokens are located by the caller, which
# knows the text between the operands.
import ast
import json
import sys

COMPARE = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
           ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**"}
LOGIC = {ast.And: "and", ast.Or: "or"}


def main():
    source = sys.stdin.read()
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        print(json.dumps({"error": f"line {error.lineno}: {error.msg}"}))
        return
    # Line breaks as Python's tokenizer counts them (not str.splitlines, which also splits on \f, \x1c, …).
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def char_col(lineno, byte_col):
        # ast columns are UTF-8 byte offsets; the caller indexes characters.
        text = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def span(node):
        return [node.lineno, char_col(node.lineno, node.col_offset),
                node.end_lineno, char_col(node.end_lineno, node.end_col_offset)]

    sites = []
    definitions = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            definitions.append({"name": node.name, "startLine": node.lineno, "endLine": node.end_lineno})
        elif isinstance(node, ast.Lambda):
            definitions.append({"startLine": node.lineno, "endLine": node.end_lineno})
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:]):
                sites.append({"kind": "binary", "category": "comparison", "operator": COMPARE[type(op)],
                              "line": node.lineno, "left": span(left), "right": span(right)})
        elif isinstance(node, ast.BinOp) and type(node.op) in ARITH:
            sites.append({"kind": "binary", "category": "arithmetic", "operator": ARITH[type(node.op)],
                          "line": node.lineno, "left": span(node.left), "right": span(node.right)})
        elif isinstance(node, ast.BoolOp):
            for left, right in zip(node.values, node.values[1:]):
                sites.append({"kind": "binary", "category": "logical", "operator": LOGIC[type(node.op)],
                              "line": node.lineno, "left": span(left), "right": span(right)})
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            sites.append({"kind": "boolean", "line": node.lineno, "range": span(node), "value": node.value})
        elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            sites.append({"kind": "number", "line": node.lineno, "range": span(node), "value": node.value})
        elif isinstance(node, ast.Call):
            func = node.func
            name = func if isinstance(func, ast.Name) else func if isinstance(func, ast.Attribute) else None
            if name is not None and not node.keywords:
                name_span = span(func)
                if isinstance(func, ast.Attribute):
                    # the attribute name is the tail of the callee
                    name_span = [func.end_lineno, name_span[3] - len(func.attr), func.end_lineno, name_span[3]]
                sites.append({"kind": "call", "line": node.lineno, "callee": ast.unparse(func),
                              "calleeName": name_span, "args": [span(a) for a in node.args]})
        elif isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            sites.append({"kind": "condition", "line": node.test.lineno, "range": span(node.test)})
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            sites.append({"kind": "negation", "line": node.lineno, "range": span(node), "operand": span(node.operand)})
        elif isinstance(node, ast.Return) and node.value is not None:
            sites.append({"kind": "return", "line": node.value.lineno, "range": span(node.value)})
    print(json.dumps({"sites": sites, "definitions": definitions}))


main()
