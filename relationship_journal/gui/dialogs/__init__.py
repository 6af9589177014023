"""Dialogs of the desktop app: preferences, about."""
