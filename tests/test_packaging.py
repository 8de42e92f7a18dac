"""The built wheel: its assets, licence and metadata; a fresh venv made from it, outside the
source tree, passes the smoke test (tests/smoke.py) and says what an extra would add."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        pytest.fail(proc.stdout[-2000:] + proc.stderr[-2000:])
    return next(out.glob("kreader-*.whl"))


def test_wheel_contains_packages_and_assets(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/assets/sample-article.txt" in names
    assert "reader/assets/jieba-userdict.txt" in names
    assert "reader/cli.py" in names and "widgets/__init__.py" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kreader = reader.cli:entry" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_wheel_finds_its_assets(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "from reader.locations import sample_article; p = sample_article(); print(p); assert p.is_file()"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target)}
    )
    assert proc.returncode == 0, proc.stderr
    assert str(target) in proc.stdout
    sample = (ROOT / "assets" / "sample-article.txt").read_bytes()
    assert (target / "reader" / "assets" / "sample-article.txt").read_bytes() == sample


def test_wheel_carries_the_licence_notice_and_metadata(wheel):
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    licences = [n for n in names if ".dist-info/licenses/" in n]
    assert {n.rsplit("/", 1)[1] for n in licences} == {"LICENSE", "NOTICE"}
    notice = archive.read(next(n for n in licences if n.endswith("NOTICE"))).decode()
    assert "CC-CEDICT" in notice and "CC BY-SA 4.0" in notice and "jieba" in notice and "OpenCC" in notice
    meta = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in meta
    for classifier in ("Operating System :: POSIX :: Linux", "Operating System :: MacOS", "Python :: 3.13"):
        assert classifier in meta
    requires = [line.split(": ", 1)[1] for line in meta.splitlines() if line.startswith("Requires-Dist: ")]
    core = [r for r in requires if "extra ==" not in r]
    assert not any(r.startswith(("textual-serve", "textual-plotext")) for r in core)  # extras, not for everyone
    assert all(">=" in r and "<" in r for r in core), core  # tested floor, untested majors capped
    assert {"serve", "chart", "all"} <= {
        line.split(": ", 1)[1] for line in meta.splitlines() if line.startswith("Provides-Extra")
    }


def make_venv(wheel, folder, extras: str = ""):
    """A fresh venv holding only the built wheel (and its dependencies): the venv's python."""
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    spec = f"{wheel}{extras}"
    if Path(uv).is_file():
        commands = [[uv, "venv", "--quiet", "--python", sys.executable, str(folder)]]
        commands.append([uv, "pip", "install", "--quiet", "--python", str(folder / "bin" / "python"), spec])
    else:
        commands = [[sys.executable, "-m", "venv", str(folder)], [str(folder / "bin" / "pip"), "install", "-q", spec]]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    for command in commands:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=folder.parent)
        if proc.returncode != 0:
            pytest.fail(f"{command[:3]}: {proc.stdout[-1500:]}{proc.stderr[-1500:]}")
    return folder / "bin" / "python"


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    return make_venv(wheel, tmp_path_factory.mktemp("fresh") / "venv")


def test_a_fresh_venv_from_the_wheel_passes_the_smoke_test(installed):
    from smoke import main as smoke

    assert smoke([str(installed)]) == 0  # every view, completion and a first paint, from outside the tree


def test_the_installed_command_reports_the_installed_versions(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    script = installed.with_name("kreader")
    proc = subprocess.run([str(script), "-V"], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == f"kreader {version('kreader')}"
    assert "textual-serve not installed" in proc.stdout and "textual-plotext not installed" in proc.stdout
    code = "import reader, sys; print(reader.__file__)"
    where = subprocess.run([str(installed), "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(installed.parent.parent) in where.stdout and str(ROOT) not in where.stdout


def test_without_the_serve_extra_serve_says_what_to_install(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    article = tmp_path / "a.txt"
    article.write_text("標題\n正文。\n", encoding="utf-8")
    proc = subprocess.run(
        [str(installed), "-m", "reader", "--serve", str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 2 and "install kreader[serve]" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_never_changes_the_system():
    def recipe(target: str) -> str:
        proc = subprocess.run(["make", "-n", target], capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert "apt-get" not in recipe("test") and "pytest" in recipe("test")
    assert "apt-get" in recipe("tools")  # the system tools are installed there, and only when asked
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("make tools") < ci.index("make test-lowest") < ci.index("make test\n")
