"""`kreader a.txt b.txt …` and `kreader DIR` in the plain views: each article in turn, folders
expanded (hidden files skipped, natural order), bad entries skipped with one line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli

ARTICLE = "導語(dǎo)。\n01\n今年銷售額增長了15%,達到200萬元。\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "10.txt").write_text(ARTICLE.replace("15%", "10%"), encoding="utf-8")
    (d / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (d / ".2.txt.swp").write_bytes(b"\x00swap")
    (d / "sub").mkdir()
    (d / "sub" / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def test_a_folder_prints_its_articles_in_natural_order_under_a_header_each(folder):
    result = run_cli("--dump", str(folder))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    headers = [line for line in out.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {folder / '2.txt'} <==", f"==> {folder / '10.txt'} <=="]
    assert "15%" in out.split(headers[1])[0] and "10%" in out.split(headers[1])[1]


def test_a_folder_skips_the_code_data_and_media_beside_its_articles(folder):
    """A scraper's folder (or the dev set's) holds scripts, expected.json and pictures beside the
    articles: they are not listed as articles; named on the command line, a file is opened."""
    (folder / "score.py").write_text("print('文')\n", encoding="utf-8")
    (folder / "expected.json").write_text('{"文": 1}', encoding="utf-8")
    (folder / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    result = run_cli("--sections", "--format", "json", str(folder))
    assert result.returncode == 0, result.stderr
    assert [Path(item["file"]).name for item in json.loads(result.stdout)] == ["2.txt", "10.txt"]
    named = run_cli("--sections", "--format", "json", str(folder / "score.py"))
    assert named.returncode == 0 and json.loads(named.stdout)


def test_json_of_several_articles_is_one_array_naming_each_file(folder):
    for view in ("--figures", "--sections", "--keywords", "--repairs", "--vocabulary"):
        result = run_cli(view, "--format", "json", str(folder / "2.txt"), str(folder / "10.txt"))
        assert result.returncode == 0, (view, result.stderr)
        items = json.loads(result.stdout)
        assert [Path(item["file"]).name for item in items] == ["2.txt", "10.txt"], view


def test_a_binary_entry_is_skipped_with_one_line_and_the_exit_status_says_so(folder, tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    result = run_cli("--figures", "--format", "json", str(folder / "2.txt"), str(binary))
    assert result.returncode == 2
    assert [Path(item["file"]).name for item in json.loads(result.stdout)] == ["2.txt"]
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "x.bin" in err[0] and "skipped" in err[0] and "Traceback" not in err[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dump", "EMPTY"], "no article files in this folder"),
        (["--dump", "BIN", "MISSING"], "none of the 2 articles could be read"),
        (["BIN", "MISSING"], "none of the 2 articles could be opened"),
        (["--figures", "--format", "csv", "A", "B"], "--format csv prints one article"),
        (["--dump", "-", "A"], "standard input ('-') can only be read as the one article"),
        (["--serve", "A", "B"], "--serve serves one article"),
    ],
)
def test_bad_lists_are_one_line_errors(tmp_path, folder, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / ".hidden-only").mkdir()
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    names = {
        "EMPTY": str(tmp_path / "empty"),
        "BIN": str(binary),
        "MISSING": str(tmp_path / "missing.txt"),
        "A": str(folder / "2.txt"),
        "B": str(SAMPLE),
    }
    result = run_cli(*[names.get(a, a) for a in args])
    err = result.stderr.decode()
    assert result.returncode == 2 and message in err and len(err.strip().splitlines()) >= 1
    assert "Traceback" not in err and result.stdout == b""


def test_output_to_one_of_the_articles_is_refused(folder):
    result = run_cli("--dump", "-o", str(folder / "10.txt"), str(folder))
    assert result.returncode == 2 and b"over the article" in result.stderr
    assert "10%" in (folder / "10.txt").read_text(encoding="utf-8")
