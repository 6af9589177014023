"""PDF documents (Qt's PDF writer) and the charts they share with the dashboard."""
