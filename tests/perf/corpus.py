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
VERSION = "v2"  # v2: with the mojibake-damaged paragraphs (v1 left them out)


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


if __name__ == "__main__":
    print(make_corpus())
