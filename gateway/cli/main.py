"""Entry point of `iwmo-gateway`: parses the command line and hands over to one sub-command module.

Sub-command modules are imported only when chosen, so `validate` never pays for the web framework,
the ORM or the broker client.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = {
    "validate": "gateway.cli.validate",
    "migrate": "gateway.cli.migrate",
    "relay": "gateway.cli.relay",
    "events": "gateway.cli.events",
    "serve": "gateway.cli.serve",
    "token": "gateway.cli.token",
    "replay": "gateway.cli.replay",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="iwmo-gateway", description="iWmo 3.2 message gateway.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command])
    result: int = module.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
