"""A smoke set for an installed kreader: every CLI view and a first paint, run by a given Python.

Used on environments other than the development one: the fresh venv made from the built wheel
(tests/test_packaging.py) and the venv holding the lowest declared versions (``make test-lowest``).
It needs only the standard library, runs from a temporary directory outside the source tree with
temporary cache/state/config directories, and prints one line per check, then
``smoke: N passed, N failed``.

    python tests/smoke.py /path/to/venv/bin/python [--no-paint]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ARTICLE = (
    "標題\n導語：今年7月，營收增長了35%，達到2.5億元。\n01\n快手電商服務商在杭州舉行大會，三姐的銷售額超過1000萬元。\n"
)


@dataclass(frozen=True)
class Check:
    """One command and what its standard output must hold."""

    name: str
    args: tuple[str, ...]
    wanted: Callable[[str], bool]


CHECKS = (
    Check("version", ("--version",), lambda out: out.startswith("kreader ")),
    Check("help", ("--help",), lambda out: "KREADER_CACHE_DIR" in out),
    Check("dump tw", ("--dump", "--script", "tw", "{article}"), lambda out: "# 01" in out and "營收" in out),
    Check("sections", ("--sections", "--format", "json", "{article}"), lambda out: len(json.loads(out)) >= 1),
    Check("repairs", ("--repairs", "--format", "csv", "{article}"), lambda out: out.count("\n") >= 1),
    Check("figures", ("--figures", "--format", "json", "{article}"), lambda out: "35%" in out),
    Check("keywords", ("--keywords", "--format", "json", "{article}"), lambda out: "快手" in out),
    Check("vocabulary", ("--vocabulary", "--format", "json", "{article}"), lambda out: "CC-CEDICT" in out),
    Check("report", ("--report", "{article}"), lambda out: "標題" in out or "01" in out),
    Check("completion bash", ("--print-completion", "bash"), lambda out: "-F _shtab_kreader kreader" in out),
    Check("completion zsh", ("--print-completion", "zsh"), lambda out: "#compdef kreader" in out),
    Check("completion fish", ("--print-completion", "fish"), lambda out: "complete -c kreader" in out),
)


def run_check(python: str, check: Check, article: Path, env: dict[str, str], cwd: str) -> str | None:
    """None when the check passed, else why not."""
    args = [a.replace("{article}", str(article)) for a in check.args]
    try:
        proc = subprocess.run(
            [python, "-m", "reader", *args], capture_output=True, env=env, cwd=cwd, timeout=300, text=True
        )
    except subprocess.TimeoutExpired:
        return "timed out"
    if proc.returncode != 0:
        return f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}"
    try:
        if check.wanted(proc.stdout):
            return None
    except ValueError as err:
        return f"unreadable output ({err}): {proc.stdout[:200]!r}"
    return f"unexpected output: {proc.stdout[:300]!r}"


def first_paint(python: str, article: Path, env: dict[str, str], cwd: str) -> str | None:
    """The reader opens the article in a pseudo-terminal, paints it and exits cleanly."""
    from ptyproc import PtyProcess

    proc = PtyProcess([python, "-m", "reader", str(article)], {**env, "KREADER_EXIT_AFTER_PAINT": "1"}, cwd=cwd)
    try:
        status = proc.wait(120)
    except AssertionError as err:
        return str(err)
    finally:
        proc.close()
    if status != 0 or "Traceback" in proc.text:
        return f"exit {status}: {proc.text[-600:]!r}"
    return None if "快手" in proc.text else f"the article was not painted: {proc.text[-300:]!r}"


def smoke_env(base: Path) -> dict[str, str]:
    """The caller's environment with every user directory moved under ``base``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KREADER_", "PYTHON"))}
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = str(base / name.lower())
    env.update(KREADER_CACHE_DIR=str(base / "cache"), KREADER_STATE_DIR=str(base / "state"), NO_COLOR="1")
    env.setdefault("TERM", "xterm-256color")
    return env


def main(argv: list[str]) -> int:
    # absolute (the checks run in a temporary folder), symlinks kept (a venv's python is one)
    python = os.path.abspath(argv[0]) if argv and not argv[0].startswith("-") else sys.executable
    with tempfile.TemporaryDirectory(prefix="kreader-smoke-") as tmp:
        base = Path(tmp)
        article = base / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        env = smoke_env(base)
        failures: list[str] = []
        results = [(c.name, run_check(python, c, article, env, tmp)) for c in CHECKS]
        if "--no-paint" not in argv:
            results.append(("first paint", first_paint(python, article, env, tmp)))
        for name, why in results:
            print(f"{'ok' if why is None else 'FAIL'}  {name}" + ("" if why is None else f": {why}"))
            if why is not None:
                failures.append(name)
    print(f"smoke: {len(results) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
