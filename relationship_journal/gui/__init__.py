"""The Qt desktop front end: windows, views, item models, delegates, dialogs, workers."""
