import pytest

from cli import describe, parse_args


def test_defaults():
    assert parse_args([]) == {"verbose": False, "color": True, "dry_run": False, "jobs": 1, "paths": []}


def test_flags_and_paths():
    opts = parse_args(["-v", "src", "--dry-run", "docs"])
    assert (opts["verbose"], opts["dry_run"], opts["paths"]) == (True, True, ["src", "docs"])


def test_no_color_turns_color_off():
    assert parse_args(["--no-color"])["color"] is False


def test_jobs_takes_a_number():
    assert parse_args(["-j", "4"])["jobs"] == 4


@pytest.mark.parametrize("argv", [["--jobs"], ["-j", "zero"], ["--frobnicate"]])
def test_bad_arguments_are_rejected(argv):
    with pytest.raises(ValueError):
        parse_args(argv)


def test_describe_mentions_disabled_color():
    assert describe(parse_args(["--no-color", "-v", "a"])) == "1 path(s), 1 job(s) [verbose, no-color]"
