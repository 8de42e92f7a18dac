"""The article file under the reader, and the end of the terminal: mixed into the app.

* A timer stats the article file every couple of seconds (inode, size,
  mtime: no read).  A change is offered with a notice (``r`` reloads); a
  deleted file is reported and the text shown stays.
* ``r`` reads the file again in a thread and shows the new text at the same
  place (reader.runtime.watch.carry_offset); a refusal (deleted, now binary, too
  large, now a named pipe: never waited on) is a notice and the text shown stays.
  Quitting does not wait for a read that hangs.
* SIGHUP (the SSH connection or the terminal went away) and SIGTERM end the
  app the normal way, so the review is saved (on_unmount of the review
  mixin); a watchdog makes sure the process is gone a few seconds later
  even if the dead terminal wedges the shutdown.  Without this Textual's
  input thread would spin on a hung-up terminal's endless end-of-file.

Textual calls the message handlers of every class of the app's MRO, so the
``on_mount``/``on_unmount`` below run besides the app's own.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from pathlib import Path

from textual.binding import Binding
from textual.message import Message

from reader.runtime.watch import FileStamp, carry_offset, is_watchable, stamp

WATCH_INTERVAL = 2.0  # seconds between two stats of the article file
EXIT_GRACE = 3.0  # seconds a signalled shutdown may take before the process ends regardless
EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM)

FILE_WATCH_BINDINGS = [
    Binding(
        "r", "reload", "Reload", show=False, id="app.reload", tooltip="read the article file again, keeping your place"
    ),
]


class Reloaded(Message):
    """The reload worker read the file again (or failed to)."""

    def __init__(self, document=None, stamp: FileStamp | None = None, error: str = "") -> None:
        super().__init__()
        self.document = document
        self.stamp = stamp
        self.error = error


class FileWatch:
    """Mixed into :class:`~widgets.app.KreaderApp` before ``App``."""

    exit_signal = 0  # the signal that ended the app, if one did
    _watch_shown: FileStamp | None = None  # the version of the file the text shown came from
    _watch_seen: FileStamp | None = None  # the last stamp looked at (each change is told once)
    _watch_source = ""
    _reloading = False
    _previous_handlers: dict = {}

    # ---------------------------------------------------------- life cycle

    def on_mount(self) -> None:
        if not self.is_headless:
            self._install_exit_signals()
        source = self.document.source
        if is_watchable(source):
            self._watch_source = source
            self._watch_shown = self._watch_seen = stamp(source)
            self.set_interval(WATCH_INTERVAL, self.check_file, name="file-watch")

    def on_unmount(self) -> None:
        for sig, handler in self._previous_handlers.items():
            try:
                signal.signal(sig, handler)
            except (ValueError, OSError):  # not the main thread
                pass
        self._previous_handlers = {}

    # -------------------------------------------------------- file on disk

    @property
    def file_name(self) -> str:
        return Path(self.document.source).name

    def check_file(self) -> str:
        """Compare the file with what is shown; tell the reader once per change.

        Returns what was found: "same", "changed", "deleted" (or "" when not watched).
        """
        if not self._watch_source:
            return ""
        now = stamp(self._watch_source)
        if now == self._watch_shown:
            self._watch_seen = now
            return "same"
        found = "deleted" if now is None else "changed"
        if now != self._watch_seen:
            self._watch_seen = now
            if now is None:
                self.notify(
                    f"{self.file_name} was deleted or moved; the text shown stays (r reloads it if it comes back).",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
            else:
                self.notify(
                    f"{self.file_name} changed on disk: press r to reload (your place is kept).",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
        return found

    def action_reload(self) -> None:
        source = self.document.source
        if not self._watch_source:
            what = "standard input" if source.startswith("<") else "a stream"
            self.notify(f"The article came from {what}: it cannot be read again.", markup=False)
            return
        opening = getattr(self, "opening", None)
        if opening is not None and not opening.done():
            self.notify("The article is still being opened; reload once it is shown whole.", markup=False)
            return
        if not self._reloading:
            self._reloading = True
            self._reload_worker(self._watch_source)

    def _reload_worker(self, source: str) -> None:
        # A daemon thread of its own, not a Textual thread worker: those run in the event
        # loop's executor, which the app waits for when it quits, and a read may block
        # (a network file system gone away) however the file is opened.
        threading.Thread(target=self._reload, args=(source,), name="kreader-reload", daemon=True).start()

    def _reload(self, source: str) -> None:
        from reader.load import LoadError, reload_document

        before = stamp(source)  # taken before reading: a change while reading is offered again
        try:
            message = Reloaded(reload_document(source), before)
        except LoadError as err:
            message = Reloaded(error=str(err))
        except Exception as err:  # noqa: BLE001 - the text shown stays whatever happens
            message = Reloaded(error=f"{type(err).__name__}: {err}")
        try:
            self.post_message(message)
        except RuntimeError:  # the app has quit meanwhile (its loop is closed)
            pass

    def on_reloaded(self, message: Reloaded) -> None:
        self._reloading = False
        if message.document is None:
            self.notify(
                f"Reload failed: {message.error}. The text shown stays.", severity="error", timeout=10, markup=False
            )
            return
        self._watch_shown = self._watch_seen = message.stamp
        old, new = self.document, message.document
        if new.text == old.text:
            self.notify(f"Reloaded {self.file_name}: the text is unchanged.", markup=False)
            return
        at = carry_offset(old.text, new.text, self.article.top_offset)
        self.set_document(new)
        self.article.scroll_to_offset(at)
        self._show_header()
        self.notify(f"Reloaded {self.file_name}.", markup=False)
        if self._enrich_on_mount:
            self.call_after_refresh(self._enrich, new)

    # -------------------------------------------------------------- signals

    def _install_exit_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        self._previous_handlers = {}

        def handler(signum, _frame) -> None:
            # A plain signal handler runs even while the event loop is busy; the
            # exit itself is done by the loop.
            self.exit_signal = signum
            watchdog = threading.Timer(EXIT_GRACE, os._exit, (128 + signum,))
            watchdog.daemon = True
            watchdog.start()
            try:
                loop.call_soon_threadsafe(self.exit, None, 128 + signum)
            except RuntimeError:  # the loop is closed: we are on our way out anyway
                os._exit(128 + signum)

        for sig in EXIT_SIGNALS:
            try:
                self._previous_handlers[sig] = signal.signal(sig, handler)
            except (ValueError, OSError):
                pass
