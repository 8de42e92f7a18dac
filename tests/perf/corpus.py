"""A deterministic large Chinese corpus for benchmarks (generated, never committed).

Many varied copies of sample-like text: the paragraphs of the bundled sample
and of the dev set, shuffled with a fixed seed, numbers varied, grouped into
sections with headings, damaged the same way: pinyin notes and GBK mojibake
runs are kept from the source where they were (about one paragraph in eight
has a mojibake run, as in the sample), so cleaning does its real work.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS_DIR = HERE / "corpus"
VERSION = "v3"  # v2: with the mojibake-damaged paragraphs; v3: wild paragraphs recombined from sentences


def _paragraphs() -> list[str]:
    texts = [(ROOT / "assets" / "sample-article.txt").read_text(encoding="utf-8")]
    for name, enc in (("d1.txt", "utf-8"), ("d2.gb18030.txt", "gb18030")):
        path = ROOT.parent / "shared" / "devset" / name
        if path.is_file():
            texts.append(path.read_text(encoding=enc))
    paras = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if len(line) > 20 and not line.startswith("<"):
                paras.append(line)
    return paras


def make_corpus(megabytes: float = 10.0, seed: int = 20261125) -> Path:
    """Write (once) and return a UTF-8 file of about ``megabytes`` MB."""
    CORPUS_DIR.mkdir(exist_ok=True)
    path = CORPUS_DIR / f"corpus-{megabytes:g}mb-{seed}-{VERSION}.txt"
    if path.is_file():
        return path
    rng = random.Random(seed)
    paras = _paragraphs()
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    section = 0
    while size < target:
        section += 1
        heading = f"{section:02d}" if section % 3 else f"第{section}章 市場觀察"
        block = [heading]
        for _ in range(rng.randint(8, 20)):
            p = rng.choice(paras)
            if "?" not in p:  # a damaged paragraph keeps its bytes as they are
                p = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), p)
            block.append(p)
        chunk = "\n".join(block) + "\n"
        out.append(chunk)
        size += len(chunk.encode("utf-8"))
    path.write_text("".join(out), encoding="utf-8")
    return path


def _make_wild():
    """devset2's make_wild.py (its damage functions), or None when ../shared is not there."""
    import importlib.util

    path = ROOT.parent / "shared" / "devset2" / "make_wild.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("make_wild", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _wild_sources() -> list[str]:
    """Clean paragraphs of varied articles: the dev sets' sources and the holdout's."""
    paths = sorted((ROOT.parent / "shared").glob("devset*/src/*.src.txt"))
    paths += sorted((ROOT / "tests" / "holdout" / "src").glob("*.src.txt"))
    paras = []
    for path in paths:
        paras += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.strip()) > 20]
    return paras


def _sentences(paragraphs: list[str]) -> list[str]:
    """The sentences of the paragraphs, each with its closing mark.

    >>> _sentences(["甲乙。丙丁！", "戊己"])
    ['甲乙。', '丙丁！', '戊己']
    """
    return [s for p in paragraphs for s in re.findall(r"[^。！？]+[。！？]?", p)]


def varied_paragraph(rng: random.Random, sentences: list[str]) -> str:
    """A new paragraph of two to five sentences drawn from the pool, its numbers varied: the
    corpus does not repeat paragraphs, so the solver's and the grammar's caches are not flattered.

    >>> varied_paragraph(random.Random(1), ["價格2元。", "銷量3萬。"])
    '價格9元。銷量10萬。價格9元。'
    """
    picked = [rng.choice(sentences) for _ in range(rng.randint(2, 5))]
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), "".join(picked))


def make_wild_corpus(megabytes: float = 10.0, seed: int = 20261203) -> Path | None:
    """A corpus damaged the way devset2's wild files are, with make_wild's own functions: a clause
    in about one paragraph in six read as GB18030 (reversible) or as GBK with U+FFFD (lossy),
    tags and entities around and in the paragraphs, boilerplate lines between them."""
    wild = _make_wild()
    if wild is None:
        return None
    CORPUS_DIR.mkdir(exist_ok=True)
    path = CORPUS_DIR / f"wild-{megabytes:g}mb-{seed}-{VERSION}.txt"
    if path.is_file():
        return path
    rng = random.Random(seed)
    sentences = _sentences(_wild_sources())
    furniture = [b for cfg in wild.WILD.values() for b in (*cfg["top"], *cfg["bottom"])]
    furniture += [b for cfg in wild.WILD.values() for group in cfg["mid"].values() for b in group]
    target, size, out = int(megabytes * 1_000_000), 0, []
    while size < target:
        p = varied_paragraph(rng, sentences)
        if rng.random() < 1 / 6:
            clauses = re.findall(r"[^，。；]+[，。；]", p)
            if clauses:
                k = rng.randrange(len(clauses))
                damage = wild.lossless_mojibake if rng.random() < 0.7 else wild.lossy_mojibake
                damaged = damage(clauses[k])
                if damaged:
                    p = p.replace(clauses[k], damaged, 1)
        p = p.replace("“", "&ldquo;").replace("”", "&rdquo;")
        line = rng.choice(["<p>{}</p>", '<p style="text-indent: 2em;">{}</p>', "{}<br>", "&nbsp;&nbsp;{}"]).format(p)
        if rng.random() < 0.1:
            line += "\n" + rng.choice(furniture)
        out.append(line + "\n")
        size += len(out[-1].encode("utf-8"))
    path.write_text("".join(out), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(make_corpus())
