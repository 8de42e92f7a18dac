#!/usr/bin/env python3
"""Score kreader's cleaning on the wild2 files with devset2's ``check_clean`` logic (imported).

    PYTHONPATH=. python3 tests/wild2/score_wild2.py             # the combined files, one row each
    PYTHONPATH=. python3 tests/wild2/score_wild2.py --families  # each family alone on every text

Besides check_clean's figures, two of the trust properties are counted: ``paras`` = clean
paragraphs found whole as one paragraph of the dump (none lost, glued or split), and
``lost``/``extra`` = characters of the clean text missing from the dump / characters the dump has
that the clean text does not (whitespace aside).
"""

from __future__ import annotations

import difflib
import importlib.util
import io
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_wild2  # noqa: E402

from reader.load import load_document  # noqa: E402
from reader.output.views import print_dump  # noqa: E402


def _check_clean():
    spec = importlib.util.spec_from_file_location("check_clean", make_wild2.SHARED / "devset2" / "check_clean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CC = _check_clean()


def dump_of(path: Path) -> str:
    out = io.StringIO()
    print_dump(load_document(path), "original", out)
    return out.getvalue()


def score(entry: dict, dump: str) -> dict:
    r = CC.check(entry, dump)
    clean = entry["clean_text_trad"]
    paras = {CC.squeeze(p) for p in dump.split("\n\n") if p.strip()}
    want = [CC.squeeze(p) for p in clean.split("\n") if p.strip()]
    r["paras"] = sum(p in paras for p in want) / len(want)
    c, d = CC.squeeze(clean), CC.squeeze(dump)
    ops = difflib.SequenceMatcher(None, c, d, autojunk=False).get_opcodes()
    r["lost"] = sum(i2 - i1 for op, i1, i2, _j1, _j2 in ops if op in ("delete", "replace"))
    r["extra"] = sum(j2 - j1 for op, _i1, _i2, j1, j2 in ops if op in ("insert", "replace"))
    return r


HEADER = f"{'file':<24}{'sim':>7}{'paras':>7}{'lost':>6}{'extra':>6}{'boiler':>8}{'moji':>6}{'lossy':>6}{'ent':>5}{'tag':>5}  families"


def row(name: str, r: dict, families: str) -> str:
    return (
        f"{name:<24}{r['similarity']:>7.4f}{r['paras']:>7.2f}{r['lost']:>6}{r['extra']:>6}"
        f"{len(r['boilerplate_left']):>4}/{r['boilerplate_total']:<3}"
        f"{r['mojibake_restored']:>3}/{r['mojibake_total']:<2}{r['lossy_damaged_left']:>4}/{r['lossy_total']:<1}"
        f"{r['entities_left']:>5}{r['tags_left']:>5}  {families}"
    )


def combined() -> None:
    exp = json.loads((HERE / "expected.json").read_text("utf-8"))["articles"]
    print(HEADER)
    for key, entry in exp.items():
        r = score(entry, dump_of(HERE / next(iter(entry["files"]))))
        print(row(key, r, " ".join(entry["families"])), flush=True)


def families(only: list[str]) -> None:
    mw = make_wild2._make_wild()
    srcs = sorted(make_wild2.sources().items())
    print(
        f"{'family':<18}{'sim':>7}{'min':>7}{'paras':>7}{'lost':>6}{'extra':>6}{'boiler':>9}{'moji':>7}{'ent':>5}{'tag':>5}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for family in ("base", *make_wild2.FAMILIES):
            if only and family not in only:
                continue
            rs = []
            for i, (name, (clean, heads)) in enumerate(srcs):
                fams = () if family == "base" else (family,)
                text, entry = make_wild2.build(name, clean, heads, fams, 500 + i, mw)
                path = Path(tmp) / f"{name}.txt"
                make_wild2.write(path, text, "utf-8", False, "\n")
                rs.append(score(entry, dump_of(path)))
                if "-v" in sys.argv and rs[-1]["similarity"] < 0.999:
                    print("   ", name, f"{rs[-1]['similarity']:.4f}", rs[-1]["boilerplate_left"][:3])
            n = len(rs)
            bl = sum(len(r["boilerplate_left"]) for r in rs), sum(r["boilerplate_total"] for r in rs)
            mj = sum(r["mojibake_restored"] for r in rs), sum(r["mojibake_total"] for r in rs)
            print(
                f"{family:<18}{sum(r['similarity'] for r in rs) / n:>7.4f}{min(r['similarity'] for r in rs):>7.4f}"
                f"{sum(r['paras'] for r in rs) / n:>7.3f}{sum(r['lost'] for r in rs):>6}{sum(r['extra'] for r in rs):>6}"
                f"{bl[0]:>5}/{bl[1]:<3}{mj[0]:>4}/{mj[1]:<2}{sum(r['entities_left'] for r in rs):>5}"
                f"{sum(r['tags_left'] for r in rs):>5}",
                flush=True,
            )


if __name__ == "__main__":
    random.seed(0)
    if "--families" in sys.argv:
        families([a for a in sys.argv[1:] if not a.startswith("-")])
    else:
        combined()
