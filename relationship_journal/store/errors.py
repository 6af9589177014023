"""The one error type of the store: a problem with the journal file, worded for the user.

It lives in its own module so that integrity, backup and encryption can subclass it
without importing store.database (which imports them); store.database re-exports it.
"""


from relationship_journal.errors import AppError


class StoreError(AppError):
    """A problem with the journal file itself, worded for the person using the app."""
