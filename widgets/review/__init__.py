"""The review the app holds (``app.review``): verdicts, notes, bookmarks, undo and the
review loop (widgets/review/reviewing.py), their saving (saving.py) and the export (export.py)."""
