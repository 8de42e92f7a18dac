"""The ``kreader`` command: the TUI by default, plain views for pipes and scripts.

Every refusal is one line on stderr and exit status 2; no traceback reaches
the user (an unexpected error is reported in one line with exit status 1).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from typing import TextIO

# Only the standard library at module level: main() first checks that the `reader` package
# it runs from is kreader's (another distribution named `reader` can replace it).

STDIN = "-"
TUI_MODULE = "widgets.app"  # where run_app(doc) lives; imported only when the TUI runs

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# Whether this process printed a view (--dump, --figures, ...) rather than ran the reader or a
# server: entry() then ends it without the interpreter's last collections (reader/runtime/collector.py).
_printed_view = False


def shown_name(name: str) -> str:
    """A name or message from outside (a path, an error naming one) made safe to print:
    :func:`reader.text.visible.shown_name` (imported here, after main's check of the package)."""
    from reader.text.visible import shown_name as shown

    return shown(name)


def foreign_reader() -> str | None:
    """Why the importable ``reader`` package is not kreader's, or None when it is.

    kreader installs the top-level package ``reader``; an unrelated distribution of that name
    installed into the same environment overwrites it (and uninstalling it removes files kreader
    needs).  kreader's ``reader/__init__.py`` names its distribution.
    """
    try:
        import reader
    except Exception as err:  # noqa: BLE001 - whatever the foreign package raises
        return f"importing it fails ({type(err).__name__}: {err})"
    if getattr(reader, "DISTRIBUTION", None) == "kreader":
        return None
    where = getattr(reader, "__file__", None) or ", ".join(getattr(reader, "__path__", [])) or "?"
    return f"{where} belongs to another distribution"


def main(argv: Sequence[str] | None = None) -> int:
    why = foreign_reader()
    if why is not None:
        print(
            f"kreader: the Python package 'reader' in this environment is not kreader's ({why}); "
            "reinstall kreader in an environment of its own: pipx install kreader (or uv tool install kreader)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    from reader.arguments import build_parser, print_completion
    from reader.articles import ArticlesError
    from reader.load import LoadError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.print_completion:
        print_completion(parser, args.print_completion, sys.stdout)
        return EXIT_OK
    try:
        return _run(args)
    except (LoadError, ArticlesError) as err:
        print(f"kreader: {shown_name(str(err))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (e.g. `kreader --dump f | head`)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - the user gets one line, never a traceback
        if os.environ.get("KREADER_DEBUG"):
            raise
        print(
            f"kreader: internal error: {type(err).__name__}: {shown_name(str(err))} (set KREADER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _articles(args: argparse.Namespace) -> tuple[str, ...]:
    """The articles named (folders expanded, reader/articles.py), the sample when none is."""
    from reader.articles import ArticlesError, expand

    if not args.file:
        from reader.locations import sample_article

        return (str(sample_article()),)
    if STDIN in args.file and len(args.file) > 1:
        raise ArticlesError("standard input ('-') can only be read as the one article")
    return expand(args.file)


def _run(args: argparse.Namespace) -> int:
    paths = _articles(args)
    path, args.several = paths[0], len(paths) > 1
    exported = args.report or args.vocabulary
    fmt = args.format or ("md" if exported else "table")
    printed = args.dump or args.sections or args.repairs or args.figures or args.keywords or exported
    wrong = _usage_error(args, path, fmt, printed=bool(printed), exported=bool(exported))
    if wrong:
        print(f"kreader: {wrong}", file=sys.stderr)
        return EXIT_USAGE
    if len(paths) > 1:
        from reader.articles import refuse_several

        refuse_several(serve=args.serve, fmt=fmt)
    if not (printed or args.serve):
        return _open_reader(paths)
    if args.serve:
        return _serve(path, args.host, args.port, args.expose)
    global _printed_view
    _printed_view = True
    from reader.load import load_document
    from reader.runtime.parallel import jobs_wanted

    jobs = jobs_wanted()
    # The repair log and the readings are kept only for the views that show them.
    # --sections shows the byline metadata, read from the boilerplate repairs.
    record = bool(args.repairs or exported or args.sections)

    def load(path: str):
        return load_document(path, jobs=jobs, record=record, keep_boilerplate=args.keep_boilerplate)

    from reader.output.destination import OutputError, destination

    try:
        if len(paths) > 1:
            return _print_several(args, paths, load, fmt, jobs)
        doc = load(path)
        with destination(args.output, doc.source) as out:
            return _print_view(args, doc, fmt, jobs, out)
    except OutputError as err:
        print(f"kreader: {err}", file=sys.stderr)
        return EXIT_USAGE


def _usage_error(args: argparse.Namespace, path: str, fmt: str, *, printed: bool, exported: bool) -> str | None:
    """What is wrong with this combination of options, in one line; None when nothing is."""
    if path == STDIN and sys.stdin is not None and sys.stdin.isatty():
        return "no article on standard input; usage: kreader [FILE | -] (see --help)"
    if args.serve and path == STDIN:
        return "--serve needs an article FILE, not standard input"
    if fmt == "md" and not exported:
        return "--format md is for --report and --vocabulary; use table, json or csv"
    if args.function_words and not args.vocabulary:
        return "--function-words goes with --vocabulary"
    if args.output and not printed:
        return "-o/--output is for the views that print (--dump, --figures, --report, ...)"
    return None


def _print_several(args: argparse.Namespace, paths: Sequence[str], load, fmt: str, jobs: int) -> int:
    """Each article's view in turn (reader/output/several.py); one that cannot be read is
    skipped with a line on stderr, and the exit status says so."""
    from reader.output.several import print_several

    def skipped(why: str) -> None:
        print(f"kreader: {shown_name(why)} (skipped)", file=sys.stderr)

    printed = print_several(paths, load, fmt, args.output, skipped, lambda doc, o: _print_view(args, doc, fmt, jobs, o))
    if not printed:
        print(f"kreader: none of the {len(paths)} articles could be read", file=sys.stderr)
    return EXIT_OK if printed == len(paths) else EXIT_USAGE


def _print_view(args: argparse.Namespace, doc, fmt: str, jobs: int, out: TextIO) -> int:
    from reader.output import views
    from reader.output.exports import report_text, vocabulary_text

    if args.dump:
        views.print_dump(doc, args.script, out)
    elif args.sections:
        views.print_sections(doc, fmt, out, args.script)
    elif args.repairs:
        views.print_repairs(doc, fmt, out)
    elif args.figures:
        views.print_figures(doc, fmt, args.script, out, jobs)
    elif args.keywords:
        views.print_keywords(doc, fmt, out, args.script)
    elif args.report:
        out.write(report_text(doc, "json" if fmt == "table" else fmt))
    elif args.vocabulary:
        named = getattr(args, "several", False)
        out.write(vocabulary_text(doc, "md" if fmt == "table" else fmt, args.function_words, named=named))
    return EXIT_OK


def _open_reader(paths: Sequence[str]) -> int:
    """The TUI: the article is decoded now (refusals are immediate) and cleaned in the
    background while Textual starts (reader/pipeline.py).  Of several, the first that can be
    read is shown; the app tells which were skipped."""
    from reader.runtime.collector import hold_collections

    hold_collections()  # until the first frame (widgets/loading.py)
    from reader.pipeline import open_first
    from reader.runtime.terminal import is_stream

    streams = [is_stream(path) for path in paths]  # before reading: a FIFO is gone once read
    index, opening, unreadable = open_first(paths)
    if opening is None:
        why = shown_name(unreadable[0])
        print(f"kreader: none of the {len(paths)} articles could be opened (the first: {why})", file=sys.stderr)
        return EXIT_USAGE
    path = paths[index]
    if streams[index] and not opening.text.strip():
        # `kreader <(curl …)` or `… | kreader -` that produced nothing: say so, not a blank reader
        opening.cancel()
        name = "standard input" if path == STDIN else shown_name(path)
        print(f"kreader: {name}: nothing was read (the stream was empty)", file=sys.stderr)
        return EXIT_USAGE
    code = _run_tui(opening, reading_stdin=path == STDIN, articles=(tuple(paths), index, unreadable))
    if code:
        opening.cancel()
    return code


def _serve(path: str, host: str, port: int, expose: bool = False) -> int:
    """Serve the reader on ``path`` with textual-serve behind a token (reader.serve)."""
    import shlex

    try:
        from reader.serve import GuardedServer, is_loopback
    except ImportError:
        from reader.about import missing_extra

        print(missing_extra("--serve", "textual-serve", "serve"), file=sys.stderr)
        return EXIT_USAGE
    if not is_loopback(host) and not expose:
        print(
            f"kreader: --host {shlex.quote(host)} can be reached from other machines; add --expose to serve there anyway",
            file=sys.stderr,
        )
        return EXIT_USAGE
    command = shlex.join([sys.executable, "-m", "reader.cli", os.path.abspath(path)])
    if not is_loopback(host):
        print(f"kreader: serving on {host}: whoever has the printed URL can read the article", file=sys.stderr)
    try:
        GuardedServer(command, host=host, port=port, exposed=expose).serve()
    except OSError as err:  # address in use, not an address of this machine...
        print(f"kreader: cannot serve on {host}:{port}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _run_tui(doc, reading_stdin: bool, articles: tuple | None = None) -> int:
    from reader.runtime.terminal import open_terminal_as_stdin, silence_output

    if os.environ.get("TEXTUAL_DRIVER"):  # e.g. textual-serve's web driver: no terminal needed
        return _run_app(doc, articles)
    if not sys.stdout.isatty():
        print("kreader: the reader needs a terminal; for a pipe use --dump, --figures or --sections", file=sys.stderr)
        return EXIT_USAGE
    if reading_stdin or not sys.stdin.isatty():
        try:
            open_terminal_as_stdin()
        except OSError:
            print("kreader: no terminal to read keys from", file=sys.stderr)
            return EXIT_USAGE
    code = _run_app(doc, articles)
    if code == 128 + signal.SIGHUP:
        # The terminal hung up (an SSH connection dropped): the review was saved on the way
        # out; anything still written to the dead terminal would only fail.
        silence_output()
    return code


def _run_app(doc, articles: tuple | None = None) -> int:
    """Run the Textual app on ``doc`` (``articles``: the list it is one of, its index there,
    the ones that could not be opened).

    The core never imports the UI at module level (an import-linter contract); the App is
    looked up by name here, the one door from ``reader`` into ``widgets``.
    """
    import importlib

    run_app = importlib.import_module(TUI_MODULE).run_app
    if articles is None or len(articles[0]) < 2:
        return run_app(doc)
    from reader.articles import ArticleList

    paths, index, unreadable = articles
    return run_app(doc, articles=ArticleList(paths, index), unreadable=unreadable)


def entry() -> None:
    """``kreader`` and ``python -m reader``: :func:`main`, then the exit (a printed view's
    without the teardown's collections: nothing is left to do but end)."""
    code = main()
    if _printed_view:
        from reader.runtime.collector import leave_uncollected

        leave_uncollected()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
