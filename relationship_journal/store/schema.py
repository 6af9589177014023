"""The schema revision this version of the app writes.

Kept as a constant so that opening an up-to-date journal needs no Alembic import;
a test checks it against the newest migration.
"""

HEAD_REVISION = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
