"""Command-line option parsing for the sync tool."""

DEFAULTS = {"verbose": False, "color": True, "dry_run": False, "jobs": 1}


def parse_args(argv):
    opts = dict(DEFAULTS)
    opts["paths"] = []
    args = iter(argv)
    for arg in args:
        if arg in ("-v", "--verbose"):
            opts["verbose"] = True
        elif arg == "--no-color":
            opts["color"] = True
        elif arg in ("-n", "--dry-run"):
            opts["dry_run"] = True
        elif arg in ("-j", "--jobs"):
            value = next(args, None)
            if value is None or not value.isdigit() or int(value) < 1:
                raise ValueError("--jobs needs a positive number")
            opts["jobs"] = int(value)
        elif arg.startswith("-") and arg != "-":
            raise ValueError(f"unknown option {arg}")
        else:
            opts["paths"].append(arg)
    return opts


def describe(opts):
    flags = [name for name in ("verbose", "dry_run") if opts[name]]
    if not opts["color"]:
        flags.append("no-color")
    return f"{len(opts['paths'])} path(s), {opts['jobs']} job(s)" + (f" [{', '.join(flags)}]" if flags else "")
