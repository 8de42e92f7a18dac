"""The article file under the reader, and the end of the terminal (the app's ``file_watch``).

* A timer stats the article file every couple of seconds (inode, size,
  mtime: no read).  A change is offered with a notice (``r`` reloads); a
  deleted file is reported and the text shown stays.
* ``r`` reads the file again in a thread and shows the new text at the same
  place (reader.runtime.watch.carry_offset); a refusal (deleted, now binary, too
  large, now a named pipe: never waited on) is a notice and the text shown stays.
  Quitting does not wait for a read that hangs.
* SIGHUP (the SSH connection or the terminal went away) and SIGTERM end the
  app the normal way, so the review is saved (when the app unmounts);
  a watchdog makes sure the process is gone a few seconds later
  even if the dead terminal wedges the shutdown.  Without this Textual's
  input thread would spin on a hung-up terminal's endless end-of-file.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.timer import Timer

from reader.runtime.watch import FileStamp, carry_offset, is_watchable, stamp
from reader.text.visible import shown_name
from widgets.messages import Reloaded

if TYPE_CHECKING:
    from widgets.app import KreaderApp

WATCH_INTERVAL = 2.0  # seconds between two stats of the article file
EXIT_GRACE = 3.0  # seconds a signalled shutdown may take before the process ends regardless
# SIGINT too: `kill -INT` (the terminal's own Ctrl-C is a key in raw mode) ends the reader with 130, saved
EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)

FILE_WATCH_BINDINGS = [
    Binding(
        "r", "reload", "Reload", show=False, id="app.reload", tooltip="read the article file again, keeping your place"
    ),
]


class FileWatch:
    """The app's ``file_watch``: the article file on disk and the signals that end the app."""

    def __init__(self, app: KreaderApp) -> None:
        self.app = app
        self.exit_signal = 0  # the signal that ended the app, if one did
        self.reloading = False  # a reload is reading the file
        self._shown: FileStamp | None = None  # the version of the file the text shown came from
        self._seen: FileStamp | None = None  # the last stamp looked at (each change is told once)
        self._source = ""  # the file watched ("" when the article came from a stream)
        self.keep_boilerplate = False  # page furniture shown (dimmed) rather than removed
        self._previous_handlers: dict[int, Any] = {}
        self._timer: Timer | None = None

    # ---------------------------------------------------------- life cycle

    def start(self) -> None:
        app = self.app
        if not app.is_headless:
            self._install_exit_signals()
        self.follow(app.document.source)

    def follow(self, source: str, shown: FileStamp | None = None, *, keep_boilerplate: bool = False) -> None:
        """Watch ``source``, the article now shown (another of the list), whose text came from
        the version ``shown`` of the file (None: the file as it is now)."""
        self.reloading = False  # a reload of the article left is dropped when it comes
        self.keep_boilerplate = keep_boilerplate
        self._source = source if is_watchable(source) else ""
        self._shown = self._seen = shown if shown is not None else stamp(source) if self._source else None
        if self._source and self._timer is None:
            # the module's own interval, read when the watch starts (the tests shorten it)
            self._timer = self.app.set_interval(WATCH_INTERVAL, self.check_file, name="file-watch")

    @property
    def shown(self) -> FileStamp | None:
        """The version of the file the text shown came from."""
        return self._shown

    def stop(self) -> None:
        for sig, handler in self._previous_handlers.items():
            try:
                signal.signal(sig, handler)
            except (ValueError, OSError):  # not the main thread
                pass
        self._previous_handlers = {}

    # -------------------------------------------------------- file on disk

    @property
    def file_name(self) -> str:
        return shown_name(Path(self.app.document.source).name)  # from outside: shown, never acting

    def check_file(self) -> str:
        """Compare the file with what is shown; tell the reader once per change.

        Returns what was found: "same", "changed", "deleted" (or "" when not watched).
        """
        if not self._source:
            return ""
        now = stamp(self._source)
        if now == self._shown:
            self._seen = now
            return "same"
        found = "deleted" if now is None else "changed"
        if now != self._seen:
            self._seen = now
            if now is None:
                text = f"{self.file_name} was deleted or moved; the text shown stays (r reloads it if it comes back)."
            else:
                text = f"{self.file_name} changed on disk: press r to reload (your place is kept)."
            self.app.notify(text, severity="warning", timeout=10, markup=False)
        return found

    def toggle_boilerplate(self) -> None:
        """``B``: read the article again with its page furniture shown (dimmed), or removed again."""
        keep = not self.keep_boilerplate
        if keep and "boilerplate" not in self.app.document.repair_counts():
            self.app.notify("The cleaner removed no page furniture from this article.", markup=False)
            return
        self.reload(keep_boilerplate=keep)

    def reload(self, *, keep_boilerplate: bool | None = None) -> None:
        """Read the article again (``keep_boilerplate``: with its page furniture shown or not, from now on)."""
        app = self.app
        if keep_boilerplate is not None:
            self.keep_boilerplate = keep_boilerplate
        if not self._source:
            what = "standard input" if app.document.source.startswith("<") else "a stream"
            app.notify(f"The article came from {what}: it cannot be read again.", markup=False)
            return
        if not app.loading.opened:
            app.notify("The article is still being opened; reload once it is shown whole.", markup=False)
            return
        if not self.reloading:
            self.reloading = True
            # A daemon thread of its own, not a Textual thread worker: those run in the event
            # loop's executor, which the app waits for when it quits, and a read may block
            # (a network file system gone away) however the file is opened.
            threading.Thread(target=self._reload, args=(self._source,), name="kreader-reload", daemon=True).start()

    def _reload(self, source: str) -> None:
        from reader.load import LoadError, reload_document

        before = stamp(source)  # taken before reading: a change while reading is offered again
        try:
            message = Reloaded(reload_document(source, keep_boilerplate=self.keep_boilerplate), before, source=source)
        except LoadError as err:
            message = Reloaded(error=str(err), source=source)
        except Exception as err:  # noqa: BLE001 - the text shown stays whatever happens
            message = Reloaded(error=f"{type(err).__name__}: {err}", source=source)
        try:
            self.app.post_message(message)
        except RuntimeError:  # the app has quit meanwhile (its loop is closed)
            pass

    def on_reloaded(self, message: Reloaded) -> None:
        app = self.app
        if message.source != self._source:
            return  # the reader switched to another article meanwhile
        self.reloading = False
        if message.document is None:
            app.notify(
                f"Reload failed: {shown_name(message.error)}. The text shown stays.",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self._shown = self._seen = message.stamp
        old, new = app.document, message.document
        if new.text == old.text:
            app.notify(f"Reloaded {self.file_name}: the text is unchanged.", markup=False)
            # The same text: its repairs may differ (furniture kept or not), its figures and keywords
            # cannot (they are read from the text alone), so they stay, with their labels and the review.
            app.set_document(replace(new, figures=old.figures, keywords=old.keywords))
            app._show_header()
            return
        at = carry_offset(old.text, new.text, app.article.top_offset)
        app.set_document(new)
        app.article.scroll_to_offset(at)
        app._show_header()
        app.notify(f"Reloaded {self.file_name}.", markup=False)
        if app.loading.enrich_on_open:
            app.call_after_refresh(app.loading.enrich, new)

    # -------------------------------------------------------------- signals

    def _install_exit_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        app = self.app
        self._previous_handlers = {}

        def handler(signum: int, _frame: object) -> None:
            # A plain signal handler runs even while the event loop is busy; the
            # exit itself is done by the loop.
            self.exit_signal = signum
            watchdog = threading.Timer(EXIT_GRACE, os._exit, (128 + signum,))
            watchdog.daemon = True
            watchdog.start()
            try:
                loop.call_soon_threadsafe(app.exit, None, 128 + signum)
            except RuntimeError:  # the loop is closed: we are on our way out anyway
                os._exit(128 + signum)

        for sig in EXIT_SIGNALS:
            try:
                self._previous_handlers[sig] = signal.signal(sig, handler)
            except (ValueError, OSError):
                pass
