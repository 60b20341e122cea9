# Mutation sites of a Python file, printed as JSON for LoopGain's offline fixer.
# Run with the workspace's own python3; reads the source on stdin. Uses only the standard library.
# Positions are (line, column) in characters; operator tokens are located by the caller, which
# knows the text between the operands. Lists repeated by many sites (names in scope, callables)
# are printed once in "tables" and referred to by index.
import ast
import json
import sys

COMPARE = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
           ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**"}
LOGIC = {ast.And: "and", ast.Or: "or"}
ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)

# Precedence: the scale of PRECEDENCE in expressions.ts (higher binds tighter).
LOWEST, ASSIGNMENT, CONDITIONAL, OR, AND, NOT, COMPARISON = 0, 1, 2, 4, 5, 6, 7
BIT_OR, UNARY, POWER, POSTFIX, ATOM = 8, 12, 13, 14, 15
BINARY = {ast.BitOr: 8, ast.BitXor: 8.3, ast.BitAnd: 8.6, ast.LShift: 9, ast.RShift: 9, ast.Add: 10, ast.Sub: 10,
          ast.Mult: 11, ast.MatMult: 11, ast.Div: 11, ast.FloorDiv: 11, ast.Mod: 11, ast.Pow: 13}

# Calls whose arguments are positions, bounds or widths (None: every argument), and lengths.
INDEX_CALLS = {"range": None, "slice": None, "islice": (1, 2, 3), "insert": (0,), "pop": (0,),
               "ljust": (0,), "rjust": (0,), "center": (0,), "zfill": (0,)}
LENGTH_CALLS = {"len"}
# One-argument functions that are never worth wrapping a value in: effects and introspection.
NEVER_WRAP = {"print", "input", "open", "exit", "quit", "super", "iter", "next", "id", "type", "vars", "dir",
              "help", "breakpoint", "globals", "locals", "eval", "exec", "compile", "__import__"}
# Calls whose result is a truth value: a name assigned one is boolean-ish.
BOOLEAN_CALLS = {"bool", "any", "all", "isinstance", "issubclass", "hasattr", "callable", "startswith", "endswith",
                 "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdisjoint", "issubset", "issuperset"}
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
          ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
LOOPS = (ast.For, ast.AsyncFor, ast.While)


class Scope:
    def __init__(self, node, kind, parent, region):
        self.node, self.kind, self.parent, self.region = node, kind, parent, region
        self.bindings = {}
        self.declared_global = set()
        self.declared_nonlocal = set()


def main():
    source = sys.stdin.read()
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        print(json.dumps({"error": f"line {error.lineno}: {error.msg}"}))
        return
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    print(json.dumps(Collector(source, tree).run(), separators=(",", ":")))


class Collector:
    def __init__(self, source, tree):
        self.source, self.tree = source, tree
        # Line breaks as Python's tokenizer counts them (not str.splitlines, which also splits on \f, \x1c, …).
        self.lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.parents = {}
        for node in ast.walk(tree):
            for field, value in ast.iter_fields(node):
                for child in (value if isinstance(value, list) else [value]):
                    if isinstance(child, ast.AST):
                        self.parents[id(child)] = (node, field)
        self.scopes = {}
        self.regions = {}
        self.returned = {}
        self.sites, self.definitions, self.statements, self.conditions = [], [], [], []
        self.name_tables, self.name_table_of = [], {}
        self.attributes, self.callables, self.values, self.bounds = [], {}, [], set()
        self.callable_names, self.callable_sets = [], []

    # ---- positions and precedence

    def char_col(self, lineno, byte_col):
        # ast columns are UTF-8 byte offsets; the caller indexes characters.
        text = self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def span(self, node):
        return [node.lineno, self.char_col(node.lineno, node.col_offset),
                node.end_lineno, self.char_col(node.end_lineno, node.end_col_offset)]

    def text(self, node):
        # not ast.get_source_segment, which splits the whole source again on every call
        l0, c0, l1, c1 = self.span(node)
        if l0 == l1:
            return self.lines[l0 - 1][c0:c1]
        return "\n".join([self.lines[l0 - 1][c0:], *self.lines[l0:l1 - 1], self.lines[l1 - 1][:c1]])

    def neighbour(self, line, col, step):
        """The first character other than white space before (step -1) or after (step 1) a position."""
        while 0 < line <= len(self.lines):
            row = self.lines[line - 1]
            col += step
            while 0 <= col < len(row):
                if not row[col].isspace():
                    return row[col]
                col += step
            line += step
            col = -1 if step > 0 else len(self.lines[line - 1]) if 0 < line <= len(self.lines) else 0
        return ""

    def enclosed(self, node):
        s = self.span(node)
        return self.neighbour(s[0], s[1], -1) == "(" and self.neighbour(s[2], s[3] - 1, 1) == ")"

    def precedence(self, node):
        if isinstance(node, ast.Tuple):
            s = self.span(node)
            return ATOM if self.lines[s[0] - 1][s[1]:s[1] + 1] == "(" else LOWEST
        if isinstance(node, (ast.Lambda, ast.NamedExpr, ast.Starred, ast.Yield, ast.YieldFrom)):
            return ASSIGNMENT
        if isinstance(node, ast.IfExp):
            return CONDITIONAL
        if isinstance(node, ast.BoolOp):
            return OR if isinstance(node.op, ast.Or) else AND
        if isinstance(node, ast.UnaryOp):
            return NOT if isinstance(node.op, ast.Not) else UNARY
        if isinstance(node, ast.Compare):
            return COMPARISON
        if isinstance(node, ast.BinOp):
            return BINARY[type(node.op)]
        if isinstance(node, ast.Await):
            return POWER + 0.5
        if isinstance(node, (ast.Call, ast.Attribute, ast.Subscript)):
            return POSTFIX
        return ATOM

    def slot(self, node):
        """The precedence an expression needs to stand where this node stands without parentheses."""
        if self.enclosed(node):
            return LOWEST
        parent, field = self.parents.get(id(node), (None, None))
        if isinstance(parent, ast.BinOp):
            if isinstance(parent.op, ast.Pow):
                return POSTFIX if field == "left" else UNARY
            return BINARY[type(parent.op)] + (0 if field == "left" else 0.1)
        if isinstance(parent, ast.BoolOp):
            return OR if isinstance(parent.op, ast.Or) else AND
        if isinstance(parent, ast.UnaryOp):
            return NOT if isinstance(parent.op, ast.Not) else UNARY
        if isinstance(parent, ast.Compare):
            return COMPARISON + 0.1
        if isinstance(parent, ast.IfExp):
            return CONDITIONAL if field == "orelse" else CONDITIONAL + 0.1
        if isinstance(parent, (ast.Attribute, ast.Subscript)) and field == "value" or isinstance(parent, ast.Await):
            return POSTFIX
        if isinstance(parent, ast.Call):
            return POSTFIX if field == "func" else ASSIGNMENT
        if isinstance(parent, ast.Starred):
            return BIT_OR
        if isinstance(parent, ast.comprehension):
            return OR
        if isinstance(parent, ast.Lambda):
            return CONDITIONAL
        if isinstance(parent, (ast.Return, ast.Expr, ast.If, ast.While, ast.Assert, ast.Assign, ast.AugAssign,
                               ast.AnnAssign, ast.Subscript, ast.For, ast.AsyncFor)):
            return LOWEST
        if isinstance(parent, (ast.keyword, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.Slice, ast.FormattedValue,
                               ast.withitem, ast.NamedExpr)):
            return ASSIGNMENT
        return ATOM

    # ---- simple literals

    def literal(self, node):
        """[text, precedence] of a simple literal a name may stand for or be initialised with."""
        value = node.operand if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) else node
        if isinstance(value, ast.Constant):
            v = value.value
            simple = v is None or isinstance(v, bool) or (isinstance(v, (int, float)) and abs(v) <= 10000) or v == ""
            if simple and (value is node or isinstance(v, (int, float)) and not isinstance(v, bool)):
                return [self.text(node), UNARY if value is not node else ATOM]
        if isinstance(node, (ast.List, ast.Tuple, ast.Dict)) and not (node.keys if isinstance(node, ast.Dict) else node.elts):
            return [self.text(node), ATOM]
        return None

    def boolean_valued(self, node):
        if isinstance(node, ast.Constant):
            return isinstance(node.value, bool)
        if isinstance(node, (ast.Compare, ast.BoolOp)) or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return True
        if isinstance(node, ast.Call):
            f = node.func
            return (f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else "") in BOOLEAN_CALLS
        return False

    # ---- scopes (first pass: what each scope binds)

    def region_index(self, node):
        if id(node) not in self.regions:
            self.regions[id(node)] = len(self.regions)
        return self.regions[id(node)]

    def bind(self, scope, name, kind, node, value=None, param=None):
        if name in scope.declared_nonlocal:
            return  # bound by the enclosing function already
        if name in scope.declared_global:
            while scope.parent is not None:
                scope = scope.parent
        b = scope.bindings.get(name)
        if b is None:
            b = {"kind": kind, "literals": [], "boolean": False, "param": param, "line": node.lineno}
            scope.bindings[name] = b
        if value is not None:
            lit = self.literal(value)
            if lit and lit not in b["literals"]:
                b["literals"].append(lit)
            b["boolean"] = b["boolean"] or self.boolean_valued(value)
            if isinstance(value, ast.Lambda) and b["kind"] == "value":
                b["kind"] = "callable"

    def bind_scopes(self, node, scope):
        if isinstance(node, FUNCTIONS) or isinstance(node, ast.ClassDef):
            self.bind(scope, node.name, "callable", node)
            inner = Scope(node, "class" if isinstance(node, ast.ClassDef) else "function", scope, node)
            self.scopes[id(node)] = inner
            outer_fields = [f for f in ("decorator_list", "bases", "keywords", "returns") if hasattr(node, f)]
            for field in outer_fields:
                for child in self.children(getattr(node, field)):
                    self.bind_scopes(child, scope)
            if not isinstance(node, ast.ClassDef):
                self.bind_arguments(node.args, scope, inner)
            for child in node.body:
                self.bind_scopes(child, inner)
            return
        if isinstance(node, ast.Lambda):
            inner = Scope(node, "lambda", scope, scope.region)
            self.scopes[id(node)] = inner
            self.bind_arguments(node.args, scope, inner)
            self.bind_scopes(node.body, inner)
            return
        if isinstance(node, COMPREHENSIONS):
            inner = Scope(node, "comprehension", scope, scope.region)
            self.scopes[id(node)] = inner
            for i, gen in enumerate(node.generators):
                self.bind_scopes(gen.iter, scope if i == 0 else inner)
                self.bind_scopes(gen.target, inner)
                for cond in gen.ifs:
                    self.bind_scopes(cond, inner)
            for field in ("elt", "key", "value"):
                if hasattr(node, field):
                    self.bind_scopes(getattr(node, field), inner)
            return
        if isinstance(node, ast.Global):
            scope.declared_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            scope.declared_nonlocal.update(node.names)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            parent, _ = self.parents.get(id(node), (None, None))
            value = parent.value if isinstance(parent, (ast.Assign, ast.AnnAssign)) and getattr(parent, "value", None) is not None \
                and (isinstance(parent, ast.AnnAssign) or len(parent.targets) == 1) else None
            self.bind(scope, node.id, "value", node, value)
        elif isinstance(node, ast.NamedExpr):
            target = scope
            while target.kind == "comprehension":
                target = target.parent
            self.bind(target, node.target.id, "value", node, node.value)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self.bind(scope, alias.asname or alias.name.split(".")[0], "module", node)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name != "*":
                    self.bind(scope, alias.asname or alias.name, "imported", node)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self.bind(scope, node.name, "value", node)
        elif isinstance(node, ast.Return) and node.value is not None:
            lit = self.literal(node.value)
            returned = self.returned.setdefault(id(scope.region), [])
            if lit and lit not in returned:
                returned.append(lit)
        for child in self.children(node):
            self.bind_scopes(child, scope)

    def bind_arguments(self, args, outer, inner):
        for default in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.bind_scopes(default, outer)
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        for i, (arg, default) in enumerate(zip(positional, defaults)):
            self.bind(inner, arg.arg, "value", arg, default, param=i)
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            self.bind(inner, arg.arg, "value", arg, default)
        for arg in (args.vararg, args.kwarg):
            if arg is not None:
                self.bind(inner, arg.arg, "value", arg)

    @staticmethod
    def children(value):
        if isinstance(value, ast.AST):
            value = [child for _, field in ast.iter_fields(value) for child in (field if isinstance(field, list) else [field])]
        return [child for child in (value if isinstance(value, list) else [value]) if isinstance(child, ast.AST)]

    # ---- name lookups

    def chain(self, scope):
        """Scopes whose names are visible in `scope`: class bodies only from themselves."""
        s = scope
        while s is not None:
            if s.kind != "class" or s is scope:
                yield s
            s = s.parent

    def resolve(self, name, scope):
        for s in self.chain(scope):
            if name in s.bindings:
                return s.bindings[name], s
        return None, None

    def names_table(self, scope):
        if id(scope) in self.name_table_of:
            return self.name_table_of[id(scope)]
        seen, names = set(), []
        for s in self.chain(scope):
            local = s.region is scope.region
            for name, b in s.bindings.items():
                if name in seen:
                    continue
                seen.add(name)
                if b["kind"] != "module":
                    names.append([name, b["kind"], local, b["param"] if local and s.kind == "function" else None])
        self.name_tables.append(names)
        self.name_table_of[id(scope)] = len(self.name_tables) - 1
        return len(self.name_tables) - 1

    def method_class(self, name, scope):
        """The class whose instance (or class) `name` is: the first parameter of one of its methods."""
        b, s = self.resolve(name, scope)
        if b is not None and s.kind == "function" and b["param"] == 0 and s.parent is not None and s.parent.kind == "class":
            return s.parent
        return None

    def run(self):
        module = Scope(self.tree, "module", None, self.tree)
        self.scopes[id(self.tree)] = module
        for child in self.tree.body:
            self.bind_scopes(child, module)
        self.visit(self.tree, module, {"loop": False, "function": False})
        return {
            "sites": self.sites + self.finish(),
            "definitions": self.definitions,
            "statements": self.statements,
            "conditions": self.conditions,
            "booleans": self.booleans(),
            "tables": {"names": self.name_tables, "callables": self.callable_names, "callableSets": self.callable_sets},
        }

    # ---- second pass: the sites, each seen with the scope it is evaluated in

    def visit(self, node, scope, ctx):
        self.emit(node, scope, ctx)
        inner = self.scopes.get(id(node))
        if isinstance(node, COMPREHENSIONS):
            for i, gen in enumerate(node.generators):
                self.visit(gen.target, inner, ctx)
                self.visit(gen.iter, scope if i == 0 else inner, ctx)
                for cond in gen.ifs:
                    self.visit(cond, inner, ctx)
            for field in ("elt", "key", "value"):
                if hasattr(node, field):
                    self.visit(getattr(node, field), inner, ctx)
            return
        inner_ctx = {"loop": False, "function": isinstance(node, FUNCTIONS)}
        for field, value in ast.iter_fields(node):
            for child in self.children(value) if isinstance(value, list) else [value] if isinstance(value, ast.AST) else []:
                if inner is not None and node is not self.tree and field == "body":
                    self.visit(child, inner, inner_ctx if not isinstance(node, ast.Lambda) else ctx)
                elif isinstance(node, LOOPS) and field == "body":
                    self.visit(child, scope, {**ctx, "loop": True})
                else:
                    self.visit(child, scope, ctx)

    def emit(self, node, scope, ctx):
        parent, field = self.parents.get(id(node), (None, None))
        if isinstance(node, FUNCTIONS):
            self.definitions.append({"name": node.name, "startLine": node.lineno, "endLine": node.end_lineno})
            self.helper(node, scope)
        elif isinstance(node, ast.Lambda):
            self.definitions.append({"startLine": node.lineno, "endLine": node.end_lineno})
        if isinstance(node, ast.stmt) and parent is not None:
            self.statement(node, parent, field, scope, ctx)
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:]):
                self.sites.append({"kind": "binary", "category": "comparison", "operator": COMPARE[type(op)],
                                   "line": node.lineno, **self.operands(left, right)})
            # ±1 on what is compared with a string, None or a truth value makes no sense
            if not any(self.not_a_number(o) for o in operands):
                for k, operand in enumerate(operands):
                    if all(isinstance(op, ORDERING) for op in node.ops[max(0, k - 1):k + 1]):
                        self.bound(operand)
        elif isinstance(node, ast.BinOp) and type(node.op) in ARITH:
            self.sites.append({"kind": "binary", "category": "arithmetic", "operator": ARITH[type(node.op)],
                               "line": node.lineno, **self.operands(node.left, node.right)})
        elif isinstance(node, ast.BoolOp):
            for left, right in zip(node.values, node.values[1:]):
                self.sites.append({"kind": "binary", "category": "logical", "operator": LOGIC[type(node.op)],
                                   "line": node.lineno, **self.operands(left, right)})
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            self.sites.append({"kind": "boolean", "line": node.lineno, "range": self.span(node), "value": node.value})
        elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            self.sites.append({"kind": "number", "line": node.lineno, "range": self.span(node), "value": node.value})
        elif isinstance(node, ast.Call):
            self.call(node, parent, scope)
        elif isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            self.condition(node.test, scope)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.sites.append({"kind": "negation", "line": node.lineno, "range": self.span(node), "operand": self.span(node.operand)})
        elif isinstance(node, ast.Return) and node.value is not None:
            self.sites.append({"kind": "return", "line": node.value.lineno, "range": self.span(node.value),
                               "precedence": self.precedence(node.value)})
            if isinstance(node.value, ast.BinOp) and any(self.length_call(n) for n in ast.walk(node.value)):
                self.bound(node.value)
        elif isinstance(node, ast.Subscript):
            if isinstance(node.slice, ast.Slice):
                for bound in (node.slice.lower, node.slice.upper):
                    if bound is not None:
                        self.bound(bound)
            elif not isinstance(node.slice, ast.Tuple):
                self.bound(node.slice)
        if isinstance(node, ast.Name):
            self.identifier(node, parent, field, scope)
        elif isinstance(node, ast.Attribute):
            self.attribute(node, parent, field, scope)
        if isinstance(node, ast.expr):
            self.literal_site(node, parent, scope)
            self.elements(node, parent, field)
            self.value(node, parent, field, scope)

    def operands(self, left, right):
        return {"left": self.span(left), "right": self.span(right), "precedences": [self.precedence(left), self.precedence(right)],
                "slots": [self.slot(left), self.slot(right)]}

    @staticmethod
    def not_a_number(node):
        return (isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (str, bytes, bool)))
                or isinstance(node, (ast.List, ast.Tuple, ast.Dict, ast.Set, ast.JoinedStr, ast.Compare, ast.BoolOp))
                or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not))

    def length_call(self, node):
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in LENGTH_CALLS

    def call(self, node, parent, scope):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name is not None and not node.keywords:
            name_span = self.span(func)
            if isinstance(func, ast.Attribute):
                # the attribute name is the tail of the callee
                name_span = [func.end_lineno, name_span[3] - len(func.attr), func.end_lineno, name_span[3]]
            self.sites.append({"kind": "call", "line": node.lineno, "callee": ast.unparse(func),
                               "calleeName": name_span, "args": [self.span(a) for a in node.args]})
        if name in INDEX_CALLS:
            for i, arg in enumerate(node.args):
                if INDEX_CALLS[name] is None or i in INDEX_CALLS[name]:
                    self.bound(arg)
        if self.length_call(node):
            self.bound(node)
        # a one-argument function whose result is used: something a value may be wrapped in
        root = func
        while isinstance(root, ast.Attribute):
            root = root.value
        if (len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], (ast.Starred, ast.Lambda))
                and not isinstance(parent, ast.Expr) and isinstance(root, ast.Name) and name not in NEVER_WRAP):
            entry = self.callables.setdefault(self.text(func), {"count": 0, "keys": set()})
            entry["count"] += 1
            entry["keys"].add(self.availability(root.id, scope))

    def helper(self, node, scope):
        """The file's own one-argument functions (and methods, as `self.name`): wrappers even where they are not called yet."""
        args = node.args
        positional = args.posonlyargs + args.args
        required = len(positional) - len(args.defaults)
        if node.name.startswith("__") or any(d is None for d in args.kw_defaults):
            return
        if scope.kind == "module" and required == 1:
            text, key = node.name, ("global",)
        elif scope.kind == "class" and required == 2 and not node.decorator_list:
            first = positional[0].arg
            text, key = f"{first}.{node.name}", ("class", id(scope.node), first)
        else:
            return
        entry = self.callables.setdefault(text, {"count": 0, "keys": set()})
        entry["keys"].add(key)
        entry["defined"] = True

    def availability(self, root, scope):
        b, s = self.resolve(root, scope)
        if b is None or s.kind == "module":
            return ("global",)
        cls = self.method_class(root, scope)
        return ("class", id(cls.node), root) if cls is not None else ("scope", id(s))

    def available_keys(self, scope):
        keys = {("global",)}
        for s in self.chain(scope):
            keys.add(("scope", id(s)))
            if s.kind == "function" and s.parent is not None and s.parent.kind == "class":
                first = [name for name, b in s.bindings.items() if b["param"] == 0]
                if first:
                    keys.add(("class", id(s.parent.node), first[0]))
        return keys

    def condition(self, test, scope):
        atoms, inner = [], []

        def flatten(n):
            if isinstance(n, ast.BoolOp) or isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not):
                if n is not test:
                    inner.append(self.span(n))
                for v in (n.values if isinstance(n, ast.BoolOp) else [n.operand]):
                    flatten(v)
            else:
                atoms.append(self.span(n) + [self.precedence(n)])
        flatten(test)
        self.conditions.append({"line": test.lineno, "range": self.span(test), "precedence": self.precedence(test),
                                "slot": self.slot(test), "region": self.region_index(scope.region), "atoms": atoms, "inner": inner})

    def statement(self, node, parent, field, scope, ctx):
        block = getattr(parent, field, None)
        if not isinstance(block, list) or getattr(node, "decorator_list", None) or self.is_elif(node):
            return
        kind = self.statement_type(node)
        region = scope.region
        occurrences = []
        suspends = any(isinstance(n, (ast.Await, ast.Yield, ast.YieldFrom)) for n in ast.walk(node)) if kind != "other" else False
        if kind != "other":
            for n in ast.walk(node):
                if isinstance(n, ast.Name):
                    b, s = self.resolve(n.id, scope)
                    local = b is not None and s.kind == "function" and s.region is region
                    occurrences.append([n.id, self.span(n), local, b["param"] if local else None])
        self.statements.append({"range": self.span(node), "statement": kind, "alone": len(block) == 1, "first": block[0] is node,
                                "inLoop": ctx["loop"], "breakable": ctx["loop"], "inFunction": ctx["function"],
                                "region": self.region_index(region), "regionIsFunction": isinstance(region, FUNCTIONS),
                                "names": self.names_table(scope), "suspends": suspends, "occurrences": occurrences})

    def is_elif(self, node):
        """An `elif` is an `if` alone in its parent's else branch, but no statement of a block of its own."""
        s = self.span(node)
        return isinstance(node, ast.If) and self.lines[s[0] - 1][s[1]:s[1] + 4] == "elif"

    @staticmethod
    def statement_type(node):
        if isinstance(node, ast.Expr):
            return "other" if isinstance(node.value, ast.Constant) else "expression"
        if isinstance(node, ast.Assign) or isinstance(node, ast.AnnAssign) and node.value is not None:
            return "assignment"
        kinds = {ast.AugAssign: "augmented-assignment", ast.Return: "return", ast.Break: "break", ast.Continue: "continue"}
        return kinds.get(type(node), "other")

    def identifier(self, node, parent, field, scope):
        role = None
        if isinstance(node.ctx, ast.Load):
            role = "callee" if isinstance(parent, ast.Call) and field == "func" else "load"
        elif isinstance(parent, ast.AugAssign) and field == "target":
            role = "update"
        b, _ = self.resolve(node.id, scope) if role else (None, None)
        if b is None or b["kind"] == "module":
            return
        literals = list(b["literals"]) if role == "load" else []
        if role == "load" and isinstance(parent, ast.Return):
            literals += [lit for lit in self.returned.get(id(scope.region), []) if lit not in literals]
        self.sites.append({"kind": "identifier", "line": node.lineno, "range": self.span(node), "name": node.id, "role": role,
                           "slot": self.slot(node), "names": self.names_table(scope), "literals": literals})

    def attribute(self, node, parent, field, scope):
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return
        cls = self.method_class(root.id, scope)
        key = (self.text(node.value), id(cls.node) if cls is not None else None, isinstance(parent, ast.Call) and field == "func")
        self.attributes.append((key, node))

    def bound(self, node):
        excluded = (ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.JoinedStr, ast.Lambda, ast.Compare, ast.BoolOp,
                    ast.IfExp, ast.Starred, ast.Slice, ast.NamedExpr) + COMPREHENSIONS
        if isinstance(node, excluded) or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) or id(node) in self.bounds:
            return
        if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
            return
        self.bounds.add(id(node))
        site = {"kind": "bound", "line": node.lineno, "range": self.span(node), "precedence": self.precedence(node), "slot": self.slot(node)}
        right = node.right if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) else None
        if isinstance(right, ast.Constant) and type(right.value) is int and 1 <= right.value <= 10:
            by = right.value if isinstance(node.op, ast.Add) else -right.value
            site["offset"] = {"base": self.span(node.left), "basePrecedence": self.precedence(node.left), "by": by}
        self.sites.append(site)

    def literal_site(self, node, parent, scope):
        kind = None
        if isinstance(node, ast.Constant):
            v = node.value
            kind = "boolean" if isinstance(v, bool) else "none" if v is None else "number" if type(v) is int and v == 0 \
                else "string" if v == "" else None
        elif isinstance(node, (ast.List, ast.Tuple)) and not node.elts and isinstance(node.ctx, ast.Load):
            kind = "list" if isinstance(node, ast.List) else "tuple"
        elif isinstance(node, ast.Dict) and not node.keys:
            kind = "dict"
        if kind is not None and not isinstance(parent, (ast.arguments, ast.Expr)):
            self.sites.append({"kind": "literal", "line": node.lineno, "range": self.span(node), "literal": kind, "names": self.names_table(scope)})

    def elements(self, node, parent, field):
        if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) >= 2 and not any(isinstance(e, ast.Starred) for e in node.elts):
            self.sites.append({"kind": "elements", "line": node.lineno, "role": "tuple" if isinstance(node, ast.Tuple) else "array",
                               "elements": [self.span(e) for e in node.elts]})
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Subscript) and not (isinstance(parent, ast.Subscript) and field == "value"):
            indices, n = [], node
            while isinstance(n, ast.Subscript):
                indices.insert(0, n.slice)
                n = n.value
            if not any(isinstance(i, ast.Slice) for i in indices):
                self.sites.append({"kind": "elements", "line": node.lineno, "role": "subscripts", "elements": [self.span(i) for i in indices]})

    def value(self, node, parent, field, scope):
        if isinstance(parent, ast.Expr) or isinstance(parent, ast.Call) and field == "func" \
                or isinstance(parent, (ast.Attribute, ast.Subscript)) and field == "value":
            return
        if isinstance(node, ast.Name):
            b, _ = self.resolve(node.id, scope)
            if not isinstance(node.ctx, ast.Load) or b is None or b["kind"] != "value" or self.method_class(node.id, scope) is not None:
                return
        elif isinstance(node, (ast.Attribute, ast.Subscript)):
            if not isinstance(node.ctx, ast.Load):
                return
        elif not (isinstance(node, ast.Call) or isinstance(node, ast.BinOp) and type(node.op) in ARITH):
            return
        site = {"kind": "value", "line": node.lineno, "range": self.span(node), "slot": self.slot(node)}
        if (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], ast.Starred)
                and isinstance(node.func, (ast.Name, ast.Attribute))):
            arg = node.args[0]
            site["call"] = {"callee": self.text(node.func), "argument": self.span(arg), "argumentPrecedence": self.precedence(arg)}
        if isinstance(parent, ast.Call) and field == "args" and len(parent.args) == 1 and not parent.keywords:
            site["within"] = self.text(parent.func)
        self.values.append((site, scope))

    # ---- what needs the whole file first

    def finish(self):
        sites = []
        groups = {}
        for key, node in self.attributes:
            names = groups.setdefault(key, [])
            if node.attr not in names:
                names.append(node.attr)
        for key, node in self.attributes:
            siblings = [name for name in groups[key] if name != node.attr]
            end = self.span(node)
            if siblings:
                sites.append({"kind": "attribute", "line": node.end_lineno, "object": key[0], "name": node.attr,
                              "nameRange": [end[2], end[3] - len(node.attr), end[2], end[3]], "siblings": siblings})
        # the file's own helpers first, then the functions it calls most
        ordered = sorted(self.callables.items(), key=lambda item: (not item[1].get("defined"), -item[1]["count"]))
        self.callable_names = [text for text, _ in ordered]
        self.callable_sets, set_of = [], {}
        for site, scope in self.values:
            if id(scope) not in set_of:
                keys = self.available_keys(scope)
                # never the function itself: wrapping a value of f in f is a recursion, not a fix
                own = scope.region.name if isinstance(scope.region, FUNCTIONS) else None
                self.callable_sets.append([i for i, (text, entry) in enumerate(ordered)
                                           if entry["keys"] & keys and own not in (text, text.split(".")[-1])])
                set_of[id(scope)] = len(self.callable_sets) - 1
            sites.append({**site, "callables": set_of[id(scope)]})
        return sites

    def booleans(self):
        out = []
        for scope in self.scopes.values():
            if scope.kind in ("function", "module"):
                for name, b in scope.bindings.items():
                    if b["boolean"]:
                        out.append([name, b["line"], self.region_index(scope.region)])
        return out


main()
