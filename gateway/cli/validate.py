"""`iwmo-gateway validate [--json] FILE...`: the gateway's verdict on message files, for people and scripts.

The `--json` output is a contract integration testers script against: exactly one JSON object per
input file per line, in input order. Exit status 0 when every file is valid, 1 when any is invalid,
2 on a usage error (no files, a file that cannot be read).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from gateway.messages.findings import Report

HELP = "Check iWmo message files against the schemas and the rule set."

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per file per line")
    parser.add_argument("files", nargs="+", metavar="FILE", help="message files to check")


def run(args: argparse.Namespace) -> int:
    unreadable = [path for path in args.files if not (os.path.isfile(path) and os.access(path, os.R_OK))]
    if unreadable:
        for path in unreadable:
            print(f"iwmo-gateway validate: cannot read {path}", file=sys.stderr)
        return EXIT_USAGE
    from gateway.rules.validation import Validator

    validator = Validator()
    out = sys.stdout
    status = EXIT_VALID
    for path in args.files:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            print(f"iwmo-gateway validate: cannot read {path}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        report = validator.validate(data)
        if not report.valid:
            status = EXIT_INVALID
        if args.json:
            out.write(json.dumps(as_json(path, report), ensure_ascii=False) + "\n")
        else:
            write_text(out, path, report)
    out.flush()
    return status


def as_json(path: str, report: Report) -> dict[str, object]:
    return {
        "file": path,
        "message": report.message_code,
        "valid": report.valid,
        "findings": [finding.as_json() for finding in report.findings],
    }


def write_text(out: TextIO, path: str, report: Report) -> None:
    kind = report.message_code or "unknown message"
    if report.valid:
        out.write(f"{path}: {kind}: valid\n")
        return
    count = len(report.findings)
    out.write(f"{path}: {kind}: invalid, {count} finding{'s' if count != 1 else ''}\n")
    for finding in report.findings:
        code = f" [{finding.retourcode}]" if finding.retourcode else ""
        out.write(f"  {finding.rule}{code} {finding.location}: {finding.detail}\n")
        for extra in finding.locations[1:]:
            out.write(f"  {' ' * len(finding.rule + code)} {extra}\n")
