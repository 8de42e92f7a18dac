"""`kreader FILE` as it runs once reader/cli.py opens the article progressively (see issue 6).

The TUI branch of reader/cli.py still calls load_document() and then run_app();
the change asked for is to call run_app(open_document(path)) instead, so that
the article is cleaned in the background while Textual is imported.  Until it
is made, `make bench` times this file, which does exactly that, and says so.
"""

from __future__ import annotations

import sys


def main() -> int:
    from reader.opening import open_document  # the cleaner's modules, then fork: cleaning starts now

    opening = open_document(sys.argv[1])
    from reader.app import run_app  # Textual is imported while the child cleans

    return run_app(opening)


if __name__ == "__main__":
    sys.exit(main())
