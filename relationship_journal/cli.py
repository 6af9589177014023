"""The `relationship-journal` command: opens the window, or runs one command headless.

`relationship-journal card.vcf [more.csv ...]` (what a double-click on a contact file
runs, via the .desktop file's `Exec=relationship-journal %F`) opens the window and
starts the import preview for those files.

Each command lives in `relationship_journal/commands/`, registers its own arguments and
returns an exit code. Errors the user can act on are printed as one line on stderr
with a non-zero exit; a traceback is never the interface.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from relationship_journal import __version__
from relationship_journal.commands import COMMAND_MODULES
from relationship_journal.errors import AppError

PROG = "relationship-journal"
CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv")  # the same as gui/import_dialog.CONTACT_SUFFIXES


class Parser(argparse.ArgumentParser):
    """argparse without prefix matching, and a mistake is one line, not a usage block.

    `--org` once "could match --organisation, --organization" and failed; a half-typed
    option guessed at could also pick the wrong one as options are added. Options people
    actually type have explicit short forms (`--org`), and an unknown option is answered
    with the ones that exist."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments:"):
            message += _suggestions(self, message.split(":", 1)[1].split())
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _suggestions(parser: argparse.ArgumentParser, unknown: list[str]) -> str:
    """'; did you mean --organisation?' for each unknown option close to a real one."""
    known = {
        option
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for sub in action.choices.values()
        for each in sub._actions
        for option in each.option_strings
        if option.startswith("--") and each.help is not argparse.SUPPRESS
    }
    hints = []
    for word in unknown:
        option = word.split("=", 1)[0]
        if not option.startswith("--"):
            continue
        close = sorted(o for o in known if o.startswith(option)) or difflib.get_close_matches(
            option, sorted(known), n=3
        )
        if close:
            hints.append(f"{option}: did you mean {' or '.join(close)}?")
    return ("; " + "; ".join(hints)) if hints else ""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description="An offline journal for the depth of your relationships. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the journal's folder (default: $RELATIONSHIP_JOURNAL_DATA_DIR or the platform's data folder)",
    )
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="open the window hidden in the tray, with Today's reminders (how 'start with my session' starts it)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"relationship_journal.commands.{name}")
        module.register(commands)
    for sub in commands.choices.values():
        # Accept --data-dir after the command too, as people type it.
        sub.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _open_window(data_dir: str | None, open_files: Sequence[str] = (), in_tray: bool = False) -> int:
    """Imported inside the crash guard: a missing system library fails this very import."""
    from relationship_journal.gui.app import run_app

    return run_app(data_dir, open_files=open_files, in_tray=in_tray)


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices]


def _is_contact_file(argument: str) -> bool:
    return argument.lower().endswith(CONTACT_SUFFIXES) and Path(argument).is_file()


def split_contact_files(argv: Sequence[str], commands: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """(the other arguments, the contact files) when the first non-option argument is an
    existing contact file rather than a command; None otherwise (parse as usual)."""
    rest: list[str] = []
    files: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            files += list(arguments)
        elif argument == "--data-dir":
            rest += [argument, next(arguments, "")]
        elif argument.startswith("-"):
            rest.append(argument)
        elif not files and (argument in commands or not _is_contact_file(argument)):
            return None
        else:
            files.append(argument)
    return (rest, files) if files else None


def _is_text(value: str) -> bool:
    """False for arguments the terminal could not decode (they hold lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    open_files: list[str] = []
    split = split_contact_files(argv, _command_names(parser))
    if split is not None:
        argv, open_files = split
        unusable = [f for f in open_files if not _is_contact_file(f)]
        if unusable:
            parser.exit(2, f"{PROG}: not a contact file (.vcf, .vcard or .csv) that exists: "
                           f"{', '.join(unusable)}\n")
    args = parser.parse_args(argv)
    unreadable = [value for value in vars(args).values() if isinstance(value, str) and not _is_text(value)]
    if unreadable:
        parser.exit(2, f"{PROG}: an argument is not valid text (UTF-8): {unreadable[0]!r}\n")
    try:
        if args.command is None:
            from relationship_journal.crash import guard_start

            return guard_start(lambda: _open_window(args.data_dir, open_files, args.in_tray), args.data_dir)
        return int(args.run(args) or 0)
    except AppError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:
        print(f"{PROG}: the journal cannot be read: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, as other tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except OSError as error:
        print(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last resort: a report, one line, never a trace
        from relationship_journal.crash import compose_report, describe_error, write_report

        path = write_report(compose_report(f"{PROG} {args.command} failed.", error), args.data_dir)
        where = f"; a report was saved in {path}" if path else ""
        print(f"{PROG}: an unexpected problem stopped the command ({describe_error(error)}){where}",
              file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
