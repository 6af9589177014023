"""Relationship Journal: an offline journal for the depth of a person's relationships.

The app's id, name and version live here once; packaging and the GUI import them.
"""

__version__ = "0.1.0"
APP_ID = "io.github.relationshipjournal.RelationshipJournal"
APP_NAME = "Relationship Journal"
APP_DIR_NAME = "RelationshipJournal"
