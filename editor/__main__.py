"""Command line: ``python -m editor check [CONTENT]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m editor", description="Tools for writing Reality Check briefs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every brief without building the site")
    check.add_argument(
        "content", nargs="?", default="content", type=Path, help="the content folder (default: content)"
    )
    args = parser.parse_args(argv)

    if args.command == "check":
        problems = check_content(args.content)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) found; nothing was built.", file=sys.stderr)
            return 1
        print(f"All briefs in {args.content} passed the checks.")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
