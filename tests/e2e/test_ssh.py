"""kreader over a real OpenSSH session on loopback, and what happens when the connection drops.

The test runs its own ``sshd`` on 127.0.0.1 (a free port, a throwaway host
key, user key and config), connects with ``ssh -t`` inside tmux, drives
kreader with keys and reads the screen; it marks a figure verified, waits
for the review to be saved, then kills the ssh client with SIGKILL (a
dropped connection) and checks that kreader is gone within 5 s (no orphan
spinning on the dead terminal) and that the review file is intact and holds
the verdict.  Runs with TERM=xterm-256color, TERM=vt100 and a 60x20 window.

Needs sshd, ssh, ssh-keygen and tmux (``make tools`` installs them when it
can); otherwise the tests skip and say why.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import SAMPLE, USER_FOLDER_VARIABLES
from tmuxpane import TmuxPane

pytestmark = pytest.mark.e2e

SSHD = shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.path.exists(p)), None)
SSH, KEYGEN, TMUX = shutil.which("ssh"), shutil.which("ssh-keygen"), shutil.which("tmux")
KREADER = Path(sys.executable).with_name("kreader")
# Seconds from the dropped connection to kreader gone: its watchdog ends it 3 s after the hang-up
# whatever happens; the margin is for a loaded machine (an orphan would spin for ever).
EXIT_DEADLINE = 30.0


def _missing() -> str:
    missing = [
        name for name, path in (("sshd", SSHD), ("ssh", SSH), ("ssh-keygen", KEYGEN), ("tmux", TMUX)) if not path
    ]
    if missing:
        return f"{', '.join(missing)} not installed (make tools installs them as root with apt)"
    if not KREADER.exists():
        return f"no kreader console script beside {sys.executable}"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sshd:
    """A private sshd: its own keys, config, port and pid file, all under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.user = getpass.getuser()
        self.port = _free_port()
        self.key = root / "user_key"
        for key in (root / "host_key", self.key):
            subprocess.run([KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True, timeout=30)
        authorized = root / "authorized_keys"
        authorized.write_text((root / "user_key.pub").read_text())
        authorized.chmod(0o600)
        config = root / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    "ListenAddress 127.0.0.1",
                    f"HostKey {root / 'host_key'}",
                    f"PidFile {root / 'sshd.pid'}",
                    f"AuthorizedKeysFile {authorized}",
                    f"AllowUsers {self.user}",
                    "UsePAM no",
                    "StrictModes no",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "X11Forwarding no",
                    "AllowTcpForwarding no",
                    "LogLevel VERBOSE",
                    "",
                ]
            )
        )
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege separation directory
        self.log = open(root / "sshd.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sshd exited: {(root / 'sshd.log').read_text(errors='replace')[-1500:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("sshd never listened") from None
                time.sleep(0.1)

    def ssh_command(self, remote: str) -> list[str]:
        return [
            SSH,
            "-t",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "ServerAliveInterval=0",
            "-i",
            str(self.key),
            "-p",
            str(self.port),
            f"{self.user}@127.0.0.1",
            remote,
        ]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    reason = _missing()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("sshd")
    root.chmod(0o755)
    try:
        server = Sshd(root)
    except (RuntimeError, subprocess.SubprocessError, OSError) as err:
        pytest.skip(f"could not start a private sshd: {err}")
    # can we log in at all? (a sandbox may forbid it: then say so rather than fail every test)
    probe = subprocess.run(
        server.ssh_command("echo kreader-ssh-ok"), capture_output=True, timeout=30, stdin=subprocess.DEVNULL
    )
    if b"kreader-ssh-ok" not in probe.stdout:
        server.stop()
        pytest.skip(f"cannot log in to the private sshd: {probe.stderr.decode(errors='replace').strip()[-300:]}")
    yield server
    server.stop()


class Tmux(TmuxPane):
    """One tmux server on a private socket; its one pane runs ``ssh`` (exec'd: the pane's pid is ssh)."""

    def __init__(self, command: list[str], width: int, height: int, term: str) -> None:
        env = f"env -u COLUMNS -u LINES TERM={term}"
        line = " ".join(_quote(a) for a in command)
        super().__init__(f"exec {env} {line}", width, height, key_pause=0.3)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        return super().wait_for(text, timeout)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def processes_with(marker: str) -> dict[int, float]:
    """pid -> CPU seconds of every process whose command line holds ``marker``."""
    found = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
            if marker not in " ".join(argv) or os.path.basename(argv[0]).startswith(("ssh", "tmux")):
                continue  # the ssh client and tmux carry the remote command line too
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            found[int(entry.name)] = (int(stat[11]) + int(stat[12])) / ticks
        except (OSError, ValueError, IndexError):
            continue
    return found


def saved_reviews(state: Path) -> list[dict]:
    reviews = []
    for path in sorted(state.glob("*.json")):
        reviews.append(json.loads(path.read_text(encoding="utf-8")))  # must parse: a torn file fails here
    return reviews


@pytest.mark.parametrize(
    ("term", "width", "height"),
    [
        ("xterm-256color", 100, 30),
        ("vt100", 100, 30),
        ("xterm-256color", 60, 20),
    ],
    ids=["xterm-100x30", "vt100-100x30", "xterm-60x20"],
)
def test_dropped_ssh_connection(sshd, tmp_path, term, width, height):
    tmp_path.chmod(0o755)
    article = tmp_path / f"ssh-article-{uuid.uuid4().hex}.txt"
    shutil.copyfile(SAMPLE, article)
    state = tmp_path / "state"
    state.mkdir()
    # sshd starts the remote command with a fresh environment: hand it the run's temporary user folders
    folders = " ".join(f"{k}={_quote(os.environ[k])}" for k in USER_FOLDER_VARIABLES if k in os.environ)
    remote = f"env {folders} KREADER_STATE_DIR={_quote(str(state))} {_quote(str(KREADER))} {_quote(str(article))}"
    started = time.monotonic()
    pane = Tmux(sshd.ssh_command(remote), width, height, term)
    try:
        ssh_pid = pane.pane_pid()
        pane.wait_for("過去近兩個月")
        opened = time.monotonic() - started
        assert processes_with(article.name), "kreader runs under sshd"
        if width >= 100:
            pane.wait_for("Figures")
        else:
            pane.send("f")  # narrow: the figures panel opens as an overlay
            pane.wait_for("Figures")
        # the figures are listed (the panel's title counts them; 近兩個月 is in the article's first line too,
        # which the reader may show before the whole article and its figures are there)
        pane.wait_for("· by")
        pane.send("f", "v")  # verdict on the figure under the panel's cursor
        deadline = time.monotonic() + 10
        while not any(any(v.get("verdict") == "verified" for v in r.get("verdicts", [])) for r in saved_reviews(state)):
            assert time.monotonic() < deadline, "the verdict was never saved"
            time.sleep(0.1)
        before = saved_reviews(state)
        assert before[0]["position"]["section"] == 0
        pane.send("]", "]")  # to section 02: saved only on the way out (positions are saved after 1.5 s idle)
        pane.wait_for("▌ 02")

        dropped = time.monotonic()
        os.kill(ssh_pid, signal.SIGKILL)  # the connection drops: no clean ssh exit
        while processes_with(article.name):
            if time.monotonic() - dropped > EXIT_DEADLINE:
                left = processes_with(article.name)
                time.sleep(1)
                burning = {
                    pid: cpu for pid, cpu in processes_with(article.name).items() if cpu - left.get(pid, cpu) > 0.5
                }
                for pid in left:
                    try:
                        os.kill(pid, signal.SIGKILL)  # leave nothing behind
                    except ProcessLookupError:
                        pass
                raise AssertionError(
                    f"kreader still running {EXIT_DEADLINE} s after the drop: {left}; burning CPU: {burning}"
                )
            time.sleep(0.05)
        gone = time.monotonic() - dropped
    finally:
        pane.close()

    after = saved_reviews(state)  # every file parses
    assert len(after) == 1, after
    review = after[0]
    assert review["article"]["path"] == str(article)
    verdicts = [v for v in review["verdicts"] if v["verdict"] == "verified"]
    assert len(verdicts) == 1 and verdicts[0]["text"] == "近兩個月"
    assert review["verdicts"] == before[0]["verdicts"]  # nothing lost or torn by the drop
    assert review["position"]["section"] == 2  # saved as kreader ended on the hang-up
    assert not list(state.glob("*.tmp")) and not list(state.glob(".*.tmp"))  # no half-written file left
    print(f"\n[ssh {term} {width}x{height}] opened in {opened:.1f} s; kreader gone {gone:.2f} s after the drop")
