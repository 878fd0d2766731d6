"""`reader analyze FILE [--json]`: the analysis as JSON or as a readable report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader.analysis import analyze
from reader.analysis.contract import dumps
from reader.commands.usage import UsageError
from reader.document import DocumentError, load_document


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader analyze",
        description="Show who speaks, what they said and which economic sectors come up.",
    )
    p.add_argument("file", metavar="FILE", help="the article to analyse")
    p.add_argument(
        "--json",
        action="store_true",
        help="print the machine-readable analysis (schema reader.analysis/1)",
    )
    return p


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    try:
        doc = load_document(args.file)
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    result = analyze(doc)
    if args.json:
        sys.stdout.write(dumps(doc, result) + "\n")
        return 0
    from reader.commands.report import print_report

    print_report(doc, result)
    return 0
