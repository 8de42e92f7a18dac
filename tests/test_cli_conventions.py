"""The command follows the conventions of a tool: help with examples, variables and files;
-V with its components' versions; -o for every view; shell completion; optional extras that
say how to get them; a clear line when the `reader` package is not kreader's."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, run_cli

VIEWS = {
    "--dump": "# 01",
    "--sections": "01",
    "--repairs": "",
    "--figures": "%",
    "--keywords": "快手",
    "--report": "",
    "--vocabulary": "CC BY-SA 4.0",
}


def test_help_names_every_kreader_variable_the_code_reads():
    read = set()
    for folder in ("reader", "widgets"):
        for path in (ROOT / folder).rglob("*.py"):
            read |= set(re.findall(r"KREADER_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
    assert {"KREADER_CACHE_DIR", "KREADER_STATE_DIR", "KREADER_KEYMAP", "KREADER_DEBUG"} <= read
    help_text = run_cli("--help").stdout.decode()
    assert sorted(v for v in read if v not in help_text) == []


def test_help_shows_examples_and_where_files_live(tmp_path):
    env = {"KREADER_CACHE_DIR": str(tmp_path / "c"), "KREADER_STATE_DIR": str(tmp_path / "s")}
    help_text = run_cli("--help", env=env).stdout.decode()
    assert "examples:" in help_text and "kreader --dump --script simp article.txt" in help_text
    assert f"cache   {tmp_path / 'c'}" in help_text and f"state   {tmp_path / 's'}" in help_text
    assert "keymap.toml" in help_text or os.environ["KREADER_KEYMAP"] in help_text
    assert "~/Library/Caches/kreader" in help_text and "~/.local/state/kreader" in help_text
    assert not (tmp_path / "c").exists()  # --help creates nothing


def test_version_lists_python_and_the_libraries():
    proc = run_cli("-V")
    assert proc.returncode == 0 and proc.stdout == run_cli("--version").stdout
    lines = proc.stdout.decode().splitlines()
    from importlib.metadata import version

    assert lines[0] == f"kreader {version('kreader')}"
    assert lines[1].startswith(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    for name in ("textual", "opencc", "jieba", "rjieba"):
        assert f"{name} {version(name)}" in lines
    assert lines[-1] in ("segmenter in use: rjieba", "segmenter in use: jieba")
    assert "segmenter in use: jieba" in run_cli("-V", env={"KREADER_SEGMENTER": "jieba"}).stdout.decode()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_writes_to_output(tmp_path, view):
    out = tmp_path / "out.txt"
    proc = run_cli(view, "-o", str(out), str(SAMPLE))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    written = out.read_text(encoding="utf-8")
    assert VIEWS[view] in written and written == run_cli(view, str(SAMPLE)).stdout.decode()
    assert not [p.name for p in tmp_path.iterdir() if p.name != "out.txt"]  # no temporary file left


def test_output_keeps_an_existing_file_when_the_view_fails(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("kept")
    out.chmod(0o640)
    proc = run_cli("--dump", "-o", str(out), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and out.read_text() == "kept"
    assert run_cli("--figures", "-o", str(out), str(SAMPLE)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # replaced, with its permissions


def test_output_refuses_the_article_and_the_views_that_do_not_print(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SAMPLE.read_bytes())
    proc = run_cli("--dump", "-o", str(article), str(article))
    assert proc.returncode == 2 and b"over the article" in proc.stderr
    assert article.read_bytes() == SAMPLE.read_bytes()
    proc = run_cli("-o", str(tmp_path / "x"), str(article))
    assert proc.returncode == 2 and b"-o/--output is for the views that print" in proc.stderr
    proc = run_cli("--dump", "-o", str(tmp_path / "no" / "such" / "dir.txt"), str(article))
    assert proc.returncode == 2 and proc.stderr.decode().startswith("kreader: cannot write")
    proc = run_cli("--dump", "-o", str(tmp_path), str(article))
    assert proc.returncode == 2 and proc.stderr.decode().strip().endswith("it is a folder")


def test_output_dash_is_standard_output():
    proc = run_cli("--sections", "-o", "-", str(SAMPLE))
    assert proc.returncode == 0 and proc.stdout == run_cli("--sections", str(SAMPLE)).stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_are_generated_from_the_parser(shell):
    proc = run_cli("--print-completion", shell)
    assert proc.returncode == 0, proc.stderr
    script = proc.stdout.decode()
    for option in ("dump", "vocabulary", "script", "print-completion"):
        assert f"--{option}" in script or f"-l {option}" in script  # fish: complete -l OPTION
    assert "kreader" in script


def test_bash_completion_completes_options_and_their_choices(tmp_path):
    script = tmp_path / "kreader.bash"
    script.write_bytes(run_cli("--print-completion", "bash").stdout)
    probe = (
        f"source {script}\n"
        'COMP_WORDS=(kreader --voc); COMP_CWORD=1; _shtab_kreader kreader --voc kreader; echo "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(kreader --script ''); COMP_CWORD=2; _shtab_kreader kreader '' --script; echo \"${COMPREPLY[@]}\"\n"
    )
    out = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30).stdout.splitlines()
    assert out == ["--vocabulary", "original simp trad tw hk"]


def test_an_unknown_shell_is_a_usage_error():
    proc = run_cli("--print-completion", "powershell")
    assert proc.returncode == 2 and b"invalid choice" in proc.stderr


def test_cache_dir_variable_moves_every_cache(tmp_path):
    cache = tmp_path / "elsewhere"
    proc = run_cli("--vocabulary", str(SAMPLE), env={"KREADER_CACHE_DIR": str(cache)})
    assert proc.returncode == 0, proc.stderr
    names = {p.name.split("-")[0] for p in cache.iterdir()}
    assert {"dictionary", "lexicon"} <= names


def test_python_m_reader_is_the_kreader_command(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--dump", str(SAMPLE)],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == run_cli("--dump", str(SAMPLE)).stdout


def without(module: str, *args: str) -> subprocess.CompletedProcess:
    """kreader run as if ``module`` were not installed."""
    code = f"import sys; sys.modules[{module!r}] = None; from reader.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_serve_without_its_extra_says_what_to_install():
    proc = without("textual_serve", "--serve", str(SAMPLE))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "kreader: --serve needs the optional package textual-serve: install kreader[serve] "
        "(pipx install 'kreader[serve]', uv tool install 'kreader[serve]' or pip install 'kreader[serve]')"
    ]


def test_the_views_work_without_the_extras():
    proc = without("textual_plotext", "--figures", "--format", "json", str(SAMPLE))
    assert proc.returncode == 0 and '"figures": [' in proc.stdout


def test_chart_without_its_extra_says_what_to_install(monkeypatch):
    from widgets.figures import chart

    monkeypatch.setattr(chart, "PLOTEXT", False)
    plot = chart.FiguresChart._new_plot()
    text = str(plot.render())
    assert "kreader[chart]" in text and "textual-plotext" in text


def fake_site(tmp_path: Path, init: str | None) -> Path:
    """kreader's `reader` package whose __init__.py another distribution replaced (or removed)."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "reader", site / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    if init is None:
        (site / "reader" / "__init__.py").unlink()
    else:
        (site / "reader" / "__init__.py").write_text(init)
    return site


@pytest.mark.parametrize("init", ['__version__ = "3.26"\n', None], ids=["replaced", "removed"])
def test_a_foreign_reader_package_is_refused_in_one_line(tmp_path, init):
    site = fake_site(tmp_path, init)
    code = "import sys; sys.path.insert(0, sys.argv[1]); from reader.cli import main; sys.exit(main(['--version']))"
    # -S: without site-packages, where the development install's `reader` would be found instead
    proc = subprocess.run(
        [sys.executable, "-S", "-c", code, str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith("kreader: the Python package 'reader' in this environment is not kreader's")
    assert "pipx install kreader" in lines[0]
