"""``python -m reader``: the same as the ``kreader`` command."""

from reader.cli import entry

entry()
