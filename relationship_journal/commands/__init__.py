"""One module per command; each has `register(subparsers)` and sets `run` on its parser.

Modules import heavy libraries (SQLAlchemy, Qt) only inside their `run` functions so
that quick commands start quickly.
"""

COMMAND_MODULES = (
    "contacts",
    "log",
    "ask",
    "history",
    "ledger_entries",
    "search",
    "demo",
    "health",
    "today",
    "intro",
    "import_",
    "export",
    "backup",
    "report",
    "screenshot",
)
