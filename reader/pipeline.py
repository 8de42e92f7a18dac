"""Open an article progressively: readable at once, complete in the background.

:func:`open_document` reads and decodes the file at once (so every refusal is
still an immediate :class:`~reader.load.LoadError`) and starts cleaning and
parsing the whole text in the background, in a forked process where the
platform allows it (cleaning a book takes seconds of CPU, which a thread
would take from the interface), else in a thread.  Meanwhile
:meth:`Opening.preview` cleans just the first screenfuls, so a long article
shows at once; the complete :class:`~reader.document.Document` then replaces
the preview.  The complete document is always exactly ``load_document``'s:
the preview is only ever a stand-in (the passes are line-local but for a few
document-wide rules, so the preview is nearly always a prefix of it).

The first preview is an *early* one: cleaned by the passes that need no word
list (:func:`without_word_list`), the mojibake passes left for later, so that it
is ready before Textual is (their start-up costs more than the rest of a short
article's cleaning).  For a long article the child then cleans its head whole
and sends it as a second preview when it differs (its mojibake repaired): the
reader swaps it in place, as it does the whole article later.  Before the word
list is built (the first run: seconds; the reader says so) that second preview
waits for it.  After the early preview the child yields the cores to the
interface (``nice``): what is left is background work, and on a single core it
waits for the interface's first frame (:meth:`Opening.painted`, a
:class:`~reader.runtime.gate.Gate`) before doing it.

>>> import tempfile, os
>>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
...     _ = f.write("導語(dǎo)。\\n01\\n正文。\\n")
>>> opening = open_document(f.name)
>>> opening.result().text
'導語。\\n01\\n正文。\\n'
>>> os.unlink(f.name)
"""

from __future__ import annotations

import atexit
import os
import pickle
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.document import Document
from reader.load import STDIN, LoadError, document_from_cleaned, document_from_text, load_path
from reader.runtime.collector import resume_collections
from reader.runtime.gate import Gate
from reader.runtime.terminal import let_go_of_the_terminal

if TYPE_CHECKING:  # the parent process never imports the cleaner at run time
    from reader.clean.repair_log import Readings, Repairs

PREVIEW_CHARS = 16_000  # characters cleaned for the preview: a dozen screenfuls, about 20 ms
CHILD_NICENESS = 10  # after its preview, the cleaning child yields to the interface
# On one core the child waits for the first frame; a reader that paints nothing lets it go
# after this long (a delay, never a hang).
HOLD_LIMIT = 3.0


def without_word_list(passes: tuple | None = None) -> tuple:
    """``passes`` (the cleaner's) without those that score readings with the word list
    (reader.text.lexicon), which also cost most of a short article's cleaning: what remains
    (terminal safety, HTML, pinyin notes, furniture) cleans an early preview at once.

    >>> [name for name, _ in without_word_list()]
    ['terminal safety', 'html', 'pinyin', 'boilerplate']
    """
    from reader.clean.mojibake.passages import latin_edits, recode_edits
    from reader.clean.mojibake.repair import mojibake_edits
    from reader.clean.passes import PASSES

    need = (latin_edits, mojibake_edits, recode_edits)
    return tuple((name, find) for name, find in (PASSES if passes is None else passes) if find not in need)


def open_document(path: str | os.PathLike[str], *, fork: bool = True) -> Opening:
    """Start opening ``path`` (``-`` for stdin); raises LoadError at once for what kreader refuses."""
    decoded = load_path(path)
    source = "<stdin>" if str(path) == STDIN else str(Path(path))
    return Opening(decoded.text, source, decoded.encoding, decoded.replacement_chars, fork=fork)


def open_first(paths: Sequence[str]) -> tuple[int, Opening | None, dict[int, str]]:
    """Start opening the first of ``paths`` kreader can read: its index, its Opening (None when
    none can be) and why each one before it was refused.  A single path's refusal is raised."""
    if len(paths) == 1:
        return 0, open_document(paths[0]), {}
    refused: dict[int, str] = {}
    for index, path in enumerate(paths):
        try:
            return index, open_document(path), refused
        except LoadError as err:
            refused[index] = str(err)
    return -1, None, refused


def _first_lines(text: str, chars: int) -> str:
    """The lines of ``text`` that hold its first ``chars`` characters.

    >>> _first_lines("ab\\ncd\\nef", 4), _first_lines("ab\\ncd", 99)
    ('ab\\ncd\\n', 'ab\\ncd')
    """
    end = text.find("\n", chars - 1) if chars > 0 else 0
    return text if end < 0 else text[: end + 1]


class Opening:
    """An article being opened: a quick preview now, the whole Document when it is ready."""

    def __init__(self, text: str, source: str, encoding: str, replacement_chars: int = 0, *, fork: bool = True):
        self.text = text  # the raw text; dropped once a long one's Document is built
        self._length = len(text)
        self.source = source
        self.encoding = encoding
        self.replacement_chars = replacement_chars
        self.started = time.perf_counter()
        self.stage = "starting"  # the cleaning pass running, for a progress line
        self.early = False  # whether the preview is an early one (see the module's docstring)
        self.building_word_list = False  # the first run's: the mojibake passes wait for it
        self._done = threading.Event()
        self._first = threading.Event()  # a preview (or the whole document) is ready
        self._preview: Document | None = None
        self._document: Document | None = None
        self._error: BaseException | None = None
        self._pid = 0
        self._gate: Gate | None = None  # the child's go-ahead after the first frame (one core)
        if fork and hasattr(os, "fork") and threading.active_count() == 1:
            try:
                self._start_process()
                return
            except OSError:  # no process to spare (limits): clean in a thread instead
                pass
        threading.Thread(target=self._run_here, name="kreader-open", daemon=True).start()

    # ------------------------------------------------------------ results

    @property
    def short(self) -> bool:
        """Whether the preview would be the whole text (then wait for the result instead)."""
        return self._length <= PREVIEW_CHARS

    def preview(self, timeout: float | None = None) -> Document:
        """The first lines of the article, cleaned and parsed (script not detected), or the whole
        article if it is ready first; made here if the background has not sent one in ``timeout``.
        A short article is waited for, unless the child sends an early preview of it (it does)."""
        if self.short and not self._pid:  # in a thread: the preview would be all of it, wait
            return self.result()
        self._first.wait(None if self.short else timeout)
        if self.short and self._preview is None:
            return self.result()
        if self._done.is_set() and self._document is not None:
            return self._document
        if self._preview is None:
            head = self._head()
            if not head and self._done.is_set() and self._document is not None:
                return self._document  # finished (and let go of the raw text) meanwhile
            self._preview = document_from_text(head, self.source, self.encoding, 0, detect=False)
        return self._preview

    def latest_preview(self) -> Document | None:
        """The newest preview (a long article's head cleaned whole follows its early one), if any."""
        return self._preview

    def _head(self) -> str:
        return _first_lines(self.text, PREVIEW_CHARS)

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds for the whole document; whether it is ready."""
        return self._done.wait(timeout)

    def painted(self) -> None:
        """The reader's first frame is on screen: the child may take the core (see the module)."""
        if self._gate is not None:
            self._gate.open()

    def result(self, timeout: float | None = None) -> Document:
        """The complete Document (waits for it, letting the child go on; re-raises what went
        wrong building it)."""
        self.painted()  # whoever waits for the whole article wants it now
        if not self._done.wait(timeout):
            raise TimeoutError("the article is still being opened")
        if self._error is not None:
            raise self._error
        assert self._document is not None
        return self._document

    def cancel(self) -> None:
        """Stop the background work (the reader quit before it finished)."""
        self.painted()
        if self._pid and not self._done.is_set():
            try:
                os.kill(self._pid, 15)
            except OSError:
                pass

    # --------------------------------------------------------- in a thread

    def _finish(self, document: Document | None = None, error: BaseException | None = None) -> None:
        self._document, self._error = document, error
        self.stage = "done"
        self._done.set()
        self._first.set()
        if document is not None and not self.short:
            self.text = ""  # a book's raw text (megabytes) is not needed once it is clean

    def _run_here(self) -> None:
        from reader.clean.passes import clean

        self._first.set()  # preview() makes its own
        try:
            cleaned = clean(self.text, progress=self._set_stage)
            self._finish(self._document_of(cleaned, None))
        except BaseException as error:  # noqa: BLE001 - handed to whoever waits for the result
            self._finish(error=error)

    def _set_stage(self, stage: str) -> None:
        self.stage = stage

    def _document_of(self, cleaned, script: str | None) -> Document:
        if script is None:
            from reader.text.script import detect_script

            return document_from_cleaned(cleaned, self.source, self.encoding, self.replacement_chars, detect_script)
        return document_from_cleaned(cleaned, self.source, self.encoding, self.replacement_chars, script=script)

    # ------------------------------------------------------- in a process

    def _start_process(self) -> None:
        read_end, write_end = os.pipe()
        gate = Gate()
        try:
            pid = os.fork()
        except OSError:
            for fd in (read_end, write_end):
                os.close(fd)
            gate.close()
            raise
        if pid == 0:  # the child: clean, detect, send back, never return
            let_go_of_the_terminal()  # it reports over its pipe only
            resume_collections()  # held by the reader's start-up, not by this work
            os.close(read_end)
            gate.in_child()
            _child(self.text, self._head() if not self.short else None, write_end, gate.wait)
        os.close(write_end)
        gate.in_parent()
        self._gate = gate
        self._pid = pid
        _children.add(pid)
        threading.Thread(target=self._receive, args=(read_end,), name="kreader-open", daemon=True).start()

    def _received_preview(self, text: str, repairs: Repairs, readings: Readings, early: bool, building: bool) -> None:
        if early and self._preview is not None:
            return  # preview() made one meanwhile, cleaned whole: an early one would be a step back
        self._preview = document_from_cleaned(_Cleaned(text, repairs, readings), self.source, self.encoding, 0)
        self.early, self.building_word_list = early, building
        self._first.set()

    def _receive(self, fd: int) -> None:
        document = error = None
        try:
            with os.fdopen(fd, "rb") as pipe:
                while True:
                    kind, payload = _read_message(pipe)
                    if kind == "stage":
                        self.stage = payload
                    elif kind == "preview":
                        self._received_preview(*payload)
                    elif kind == "done":
                        text, repairs, readings, script = payload
                        self.stage = "parsing"
                        document = self._document_of(_Cleaned(text, repairs, readings), script)
                        del payload, text, repairs, readings
                        from reader.runtime.heap import give_back

                        give_back()  # the pickle stream's buffers
                        break
                    else:
                        raise RuntimeError(payload)
        except BaseException as err:  # noqa: BLE001
            error = err
        finally:
            try:
                os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass
            _children.discard(self._pid)
        if error is not None and document is None:
            # the process failed (killed, out of memory...): do the work here rather than give up
            self.stage = "retrying"
            return self._run_here()
        self._finish(document)


def _read_message(pipe) -> tuple[str, Any]:
    try:
        return pickle.load(pipe)  # framed: read as it streams in, no copy of the whole message
    except EOFError:
        raise EOFError("the cleaning process ended without a result") from None


class _Cleaned(NamedTuple):
    """What a Cleaned holds, as it comes back from the child (the parent never imports the cleaner)."""

    text: str
    repairs: Repairs
    readings: Readings


def _child(text: str, head: str | None, fd: int, hold: Callable[[float], object]) -> None:
    status = 0
    try:
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)  # the reader's handlers are not for this process
        from reader.clean.passes import clean  # here, not in the parent: it starts Textual meanwhile

        pipe = os.fdopen(fd, "wb")

        def send(kind: str, payload: object) -> None:
            pickle.dump((kind, payload), pipe, protocol=pickle.HIGHEST_PROTOCOL)
            pipe.flush()

        try:
            _preview(text, head, send, hold)
            cleaned = clean(text, progress=lambda stage: send("stage", stage))
            from reader.text.script import detect_script

            script = detect_script(cleaned.text)
            _give_back_memory()  # the parent grows as this is sent: what cleaning freed goes back first
            send("done", (cleaned.text, cleaned.repairs, cleaned.readings, script))
        except Exception as err:  # noqa: BLE001 - reported to the parent, which retries in-process
            send("error", f"{type(err).__name__}: {err}")
        pipe.close()
    except BaseException:  # noqa: BLE001 - a broken pipe: the reader has quit
        status = 1
    os._exit(status)  # never run the parent's atexit handlers or flush its buffers twice


def _preview(text: str, head: str | None, send, hold: Callable[[float], object] = lambda limit: True) -> None:
    """Send the previews the reader paints first: the early one at once (the head of a long
    article, ``head``, or all of a short one), then a long article's head cleaned whole if that
    differs.  On a single core ``hold`` waits for the reader's first frame after the early
    preview (the rest would take the core from it)."""
    from reader.clean.passes import clean
    from reader.runtime.parallel import available_cores
    from reader.text.lexicon import lexicon_built

    cores, built = available_cores(), lexicon_built()
    early = clean(text if head is None else head, without_word_list())
    send("preview", (early.text, early.repairs, early.readings, True, not built))
    if cores == 1:
        hold(HOLD_LIMIT)
    # The rest, the head cleaned whole too, comes after the interface's start-up: on a busy machine
    # it would take CPU from it (the early preview is readable; a long article has megabytes to go).
    os.nice(CHILD_NICENESS)
    if not built:
        send("stage", "building the word list, once")
        from reader.text.lexicon import lexicon

        lexicon()
    if head is not None:
        _whole_head(head, early, send)


def _whole_head(head: str, early, send) -> None:
    """Send ``head`` cleaned by every pass as the next preview, unless it is the ``early`` one's
    (no mojibake in it): the reader then has nothing to swap."""
    from reader.clean.passes import clean

    whole = clean(head)
    if (whole.text, whole.repairs, whole.readings) != (early.text, early.repairs, early.readings):
        send("preview", (whole.text, whole.repairs, whole.readings, False, False))


def _give_back_memory() -> None:
    """Return the heap that cleaning freed to the system (glibc keeps it otherwise)."""
    import gc

    from reader.runtime.heap import give_back

    gc.collect()
    give_back()


_children: set[int] = set()


@atexit.register
def _stop_children() -> None:
    for pid in list(_children):
        try:
            os.kill(pid, 15)
        except OSError:
            pass
