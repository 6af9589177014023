"""The root of every error a person may see, whichever room raised it.

The journal's rules (journal.errors.JournalError) and the file's troubles
(store.errors.StoreError) both descend from it, so the window and the command line
catch one type and show its message: the message is the whole story.
"""


class AppError(Exception):
    """An error worded for the person using the app."""
