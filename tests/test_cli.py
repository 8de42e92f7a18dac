"""The non-interactive CLI: views, errors as one line with exit 2, no escape codes in pipes."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE, run_cli


def _no_traceback(proc) -> None:
    assert b"Traceback" not in proc.stderr and b"Traceback" not in proc.stdout


def test_sections_lists_headings_with_counts():
    proc = run_cli("--sections", str(SAMPLE))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines[0].split()[:4] == ["index", "section", "title", "paragraphs"]
    assert [line.split()[1] for line in lines[1:]] == ["(lede)", "01", "02", "03"]
    assert b"\x1b" not in proc.stdout


def test_dump_prints_clean_text_with_headings():
    proc = run_cli("--dump", str(SAMPLE))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "# 01\n" in out and "# 02\n" in out
    assert "(guò)" not in out and "<p" not in out
    assert "\x1b" not in out


def test_dump_prints_a_markdown_heading_once_at_its_level(tmp_path):
    article = tmp_path / "md.txt"
    article.write_text("導語。\n## 營收概況\n正文。\n", encoding="utf-8")
    out = run_cli("--dump", str(article)).stdout.decode()
    assert out.splitlines()[2] == "## 營收概況"
    assert "# ##" not in out


def test_dump_in_simplified():
    out = run_cli("--dump", "--script", "simp", str(SAMPLE)).stdout.decode()
    assert "过去近两个月" in out


def test_no_file_opens_the_bundled_sample():
    proc = run_cli("--sections")
    assert proc.returncode == 0 and b"(lede)" in proc.stdout


def test_repairs_json():
    proc = run_cli("--repairs", "--format", "json", str(SAMPLE))
    data = json.loads(proc.stdout)
    kinds = {r["kind"] for r in data["repairs"]}
    assert {"pinyin", "html"} <= kinds
    assert all({"kind", "offset", "before", "after"} <= set(r) for r in data["repairs"])


def test_stdin_is_read_with_dash():
    proc = run_cli("--dump", "-", stdin="標題\n01\n正文。\n".encode("gb18030"))
    assert proc.returncode == 0
    assert proc.stdout.decode() == "標題\n\n# 01\n\n正文。\n\n"


def test_version_and_help():
    assert run_cli("--version").stdout.decode().startswith("kreader ")
    help_text = run_cli("--help").stdout.decode()
    for flag in ("--dump", "--sections", "--repairs", "--figures", "--keywords", "--format", "--script", "--version"):
        assert flag in help_text


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: str(p), "no article files in this folder"),  # a folder is its articles: none here
        (lambda p: "/bin/ls", "not a text article"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, setup, message):
    proc = run_cli("--dump", setup(tmp_path))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("kreader: ") and message in err and err.count("\n") == 1
    _no_traceback(proc)


def test_tui_without_a_terminal_is_refused_cleanly():
    proc = run_cli(str(SAMPLE))
    assert proc.returncode == 2
    assert b"needs a terminal" in proc.stderr
    _no_traceback(proc)


def test_empty_file_gives_an_empty_dump(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = run_cli("--dump", str(path))
    assert proc.returncode == 0 and proc.stdout == b""


def test_sections_count_their_figures():
    lines = run_cli("--sections", str(SAMPLE)).stdout.decode().splitlines()[1:]
    counts = [int(line.split()[-1]) for line in lines]
    figures = json.loads(run_cli("--figures", "--format", "json", str(SAMPLE)).stdout)["figures"]
    assert len(counts) == 4 and all(c > 0 for c in counts[:3])
    assert sum(counts) == len(figures)


def test_figures_in_three_formats():
    table = run_cli("--figures", str(SAMPLE)).stdout.decode()
    assert table.splitlines()[0].split()[:5] == ["text", "value", "value_max", "unit", "kind"]
    assert "223萬元" in table and "2,230,000" in table and "\x1b" not in table
    data = json.loads(run_cli("--figures", "--format", "json", str(SAMPLE)).stdout)
    assert data["encoding"] == "utf-8" and data["file"].endswith("sample-article.txt")
    first = data["figures"][0]
    assert set(first) == {
        "text",
        "value",
        "value_max",
        "unit",
        "kind",
        "qualifier",
        "vague",
        "label",
        "sentence",
        "section",
        "start",
        "end",
    }
    by_text = {f["text"]: f for f in data["figures"]}
    assert by_text["223萬元"]["value"] == 2230000 and by_text["223萬元"]["kind"] == "money"
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run_cli("--figures", "--format", "csv", str(SAMPLE)).stdout.decode())))
    assert len(rows) == len(data["figures"]) and rows[0]["text"] == first["text"]


def test_figures_script_conversion_keeps_offsets():
    trad = json.loads(run_cli("--figures", "--format", "json", str(SAMPLE)).stdout)["figures"]
    simp = json.loads(run_cli("--figures", "--format", "json", "--script", "simp", str(SAMPLE)).stdout)["figures"]
    assert [f["start"] for f in trad] == [f["start"] for f in simp]
    assert any(f["text"] == "223万元" for f in simp) and not any("萬" in f["text"] for f in simp)


def test_keywords_table_and_json():
    table = run_cli("--keywords", str(SAMPLE)).stdout.decode()
    assert table.splitlines()[0].split() == ["word", "weight", "count"]
    data = json.loads(run_cli("--keywords", "--format", "json", str(SAMPLE)).stdout)
    words = [k["word"] for k in data["keywords"]]
    assert len(words) == 20 and "快手" in words
    assert all(k["count"] == len(k["spans"]) > 0 for k in data["keywords"])


def test_json_output_escapes_invisible_characters_but_keeps_them():
    import io

    from reader.output.views import write_json

    data = {"a": "x\u202ey\U000e0001\x85中"}
    buf = io.StringIO()
    write_json(data, buf)
    out = buf.getvalue()
    assert all(c.isprintable() or c == "\n" for c in out)
    assert json.loads(out) == data
