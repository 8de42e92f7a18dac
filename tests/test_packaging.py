"""The built wheel carries the assets, and they are found from an installed package."""

from __future__ import annotations

import subprocess
import sys
import zipfile

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
    assert "kreader = reader.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


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
