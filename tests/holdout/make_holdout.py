#!/usr/bin/env python3
"""Build kreader's independent holdout set (h1, h2, h3) exactly like the public dev set.

Run (from anywhere):  python3 make_holdout.py [-v]
Needs: opencc, pypinyin (the project venv has both) and ../../../shared/devset/make_devset.py.

Inputs : src/h{1,2,3}.src.txt (clean Simplified text; "## title" lines are the article's
         own sub-headings, everything before the first one is the lede)
         figures_holdout.py    (hand-written figure lists; the dev set's policy)
Outputs: h1.txt (UTF-8), h2.gb18030.txt (GB18030), h3.txt (UTF-8), expected.json
         (same schema as shared/devset/expected.json, so shared/devset/score.py scores it).

The damage functions (S2T, layout, ascii_commas, add_pinyin, inject_mojibake, HTML_TAG)
and the JSON helpers (figure_items, num) are imported from the dev set's make_devset.py,
never copied, so these files are damaged by the very code that damaged d1/d2.
`-v` lists every numeral of the clean text that no listed figure covers.
"""

import importlib.util
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEVSET = os.environ.get("KREADER_DEVSET") or os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "devset"))


_MAKE_DEVSET = []


def make_devset():
    """The dev set's make_devset module (loaded on first use, so importing this file needs no devset)."""
    if not _MAKE_DEVSET:
        spec = importlib.util.spec_from_file_location("make_devset", os.path.join(DEVSET, "make_devset.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _MAKE_DEVSET.append(module)
    return _MAKE_DEVSET[0]


ARTICLES = {
    # name: (layout style, ascii-comma rate, mojibake runs, html cut, seed)
    "h1": ("num", 0.5, 3, 301, 71),
    "h2": ("num+title", 0.4, 3, 254, 83),
    "h3": ("cn", 0.6, 3, 318, 97),
}
FILES = {"h1": {"h1.txt": "utf-8"}, "h2": {"h2.gb18030.txt": "gb18030"}, "h3": {"h3.txt": "utf-8"}}


def read_src(name):
    """(lede paragraphs, [(heading, paragraphs)]) from src/NAME.src.txt, as make_devset reads its src."""
    lede, sections = [], []
    with open(os.path.join(HERE, "src", name + ".src.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("## "):
                sections.append((line[3:], []))
            elif sections:
                sections[-1][1].append(line)
            else:
                lede.append(line)
    return lede, sections


def build(name):
    """The same steps, in the same order and with the same rng use, as make_devset.build."""
    md = make_devset()
    style, crate, nmoj, cut, seed = ARTICLES[name]
    rng = random.Random(seed)
    lede, sections = read_src(name)
    clean, names, titles = md.layout(lede, sections, style)
    clean = md.ascii_commas(clean, crate, rng)
    annot, npy = md.add_pinyin(clean)
    damaged, runs = md.inject_mojibake(annot, clean, nmoj, rng)
    damaged = damaged + md.HTML_TAG[:cut]
    assert len(runs) == nmoj, (name, runs)
    for run in runs:
        assert run["damaged"] in damaged and run["original"] in clean, run
    return {
        "clean_text_trad": clean,
        "sections": names,
        "section_titles": titles,
        "mojibake": runs,
        "pinyin_annotations": npy,
        "damaged": damaged,
    }


NUMERAL = re.compile(r"[0-9]+|[一兩二三四五六七八九十百千萬億半幾數]")


def check_figures(name, figs, text, verbose=False):
    """Assign every listed figure to its own occurrence (longest first); list numerals left uncovered."""
    used = [False] * len(text)
    bad = []
    for f in sorted(figs, key=lambda f: -len(f[0])):
        for m in re.finditer(re.escape(f[0]), text):
            if not any(used[m.start() : m.end()]):
                for i in range(m.start(), m.end()):
                    used[i] = True
                break
        else:
            bad.append(f[0])
    required = sum(1 for f in figs if "o" not in (f[4] if len(f) > 4 else ""))
    print("==", name, "listed", len(figs), "required", required, "unassignable:", bad)
    if verbose:
        for m in NUMERAL.finditer(text):
            if not used[m.start()]:
                ctx = text[max(0, m.start() - 8) : m.end() + 6].replace("\n", "⏎")
                print("   uncovered", repr(m.group()), "…" + ctx)
    return not bad


def main(argv):
    sys.path.insert(0, HERE)
    import figures_holdout

    verbose = "-v" in argv
    out = {"policy": figures_holdout.__doc__, "articles": {}}
    ok = True
    for name in ARTICLES:
        r = build(name)
        for fn, enc in FILES[name].items():
            with open(os.path.join(HERE, fn), "w", encoding=enc, newline="") as f:
                f.write(r["damaged"])
            with open(os.path.join(HERE, fn), encoding=enc, newline="") as f:
                assert f.read() == r["damaged"], fn
        figs = getattr(figures_holdout, name.upper())
        ok &= check_figures(name, figs, r["clean_text_trad"], verbose)
        out["articles"][name] = {
            "files": FILES[name],
            "clean_text_trad": r["clean_text_trad"],
            "sections": r["sections"],
            "section_titles": r["section_titles"],
            "mojibake": r["mojibake"],
            "pinyin_annotations": r["pinyin_annotations"],
            "figures": make_devset().figure_items(figs, r["clean_text_trad"]),
        }
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    for name, a in out["articles"].items():
        req = [f for f in a["figures"] if not f.get("optional")]
        print(
            name,
            "chars(clean)=%d" % len(a["clean_text_trad"]),
            "figures=%d (+%d optional, %d vague)"
            % (len(req), len(a["figures"]) - len(req), sum(1 for f in req if f.get("vague"))),
            "pinyin=%d" % a["pinyin_annotations"],
            "mojibake=%d" % len(a["mojibake"]),
            "ascii_commas=%d" % a["clean_text_trad"].count(","),
            "fullwidth_commas=%d" % a["clean_text_trad"].count("，"),
            "sections={}".format(a["sections"]),
        )
        for m in a["mojibake"]:
            print("   ", m)
    if not ok:
        sys.exit("some figures could not be assigned to an occurrence")


if __name__ == "__main__":
    main(sys.argv)
