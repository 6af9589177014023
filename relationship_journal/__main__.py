"""Allows `python -m relationship_journal`."""

import sys

from relationship_journal.cli import main

sys.exit(main())
