"""What builds a blind holdout (tests/holdout2, tests/holdout3) from its own articles and tables.

Each holdout's make_holdoutN.py holds its data (the articles' damage parameters, genres, wild
damage, hand-written figure lists) in a :class:`Holdout` and calls :func:`main`; the work itself
is devset2's (../shared/devset2/make_devset2.py is imported and its own functions damage the
text, assign the figure spans and check every numeral is covered).
"""

import importlib
import importlib.util
import json
import os
import random
import sys
from dataclasses import dataclass

DEVSET2 = os.environ.get("KREADER_DEVSET2") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "devset2")
)


@dataclass(frozen=True)
class Holdout:
    here: str  # the holdout's folder: src/ in, the damaged files and expected.json out
    articles: dict  # name: layout style, ascii-comma rate, mojibake runs, html cut, seed, (a) file, (a) encoding
    genre: dict
    wild: dict  # name: make_wild's parameters for the (b) file
    traditional: tuple  # the articles written in Traditional
    figures_module: str  # figures_holdoutN: the hand-written lists beside make_holdoutN.py
    labels_file: str = ""  # where the required figures' acceptable labels go, if the lists have them


_MODULE: list = []


def devset2(h):
    """devset2's make_devset2 module (it imports make_devset and make_wild beside it), with the
    holdout's wild damage added to make_wild's table."""
    if not _MODULE:
        spec = importlib.util.spec_from_file_location("make_devset2", os.path.join(DEVSET2, "make_devset2.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make_wild.WILD.update(h.wild)
        _MODULE.append(module)
    return _MODULE[0]


def read_src(h, name):
    """(lede paragraphs, [(heading, paragraphs)]) from src/NAME.src.txt."""
    lede, sections = [], []
    with open(os.path.join(h.here, "src", name + ".src.txt"), encoding="utf-8") as f:
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


def build_a(h, name):
    """make_devset2.build_a's steps (the dev set's damage, seed advanced until encodable)."""
    md2 = devset2(h)
    dm = md2.dm
    style, crate, nmoj, cut, seed, fn, enc = h.articles[name]
    lede, sections = read_src(h, name)
    for s in range(seed, seed + 5000):
        rng = random.Random(s)
        clean, names, titles = dm.layout(lede, sections, style)
        clean = dm.ascii_commas(clean, crate, rng)
        annot, npy = dm.add_pinyin(clean)
        # (inject_mojibake with want=0 would take every candidate, so skip it)
        damaged, runs = dm.inject_mojibake(annot, clean, nmoj, rng) if nmoj else (annot, [])
        damaged = damaged + dm.HTML_TAG[:cut]
        if len(runs) < nmoj:
            continue
        try:
            damaged.encode(enc)
        except UnicodeEncodeError:
            continue
        break
    else:
        raise SystemExit(f"{name}: no seed gives an encodable file")
    return {
        "clean": clean,
        "names": names,
        "titles": titles,
        "runs": runs,
        "npy": npy,
        "damaged": damaged,
        "seed_used": s,
        "file": fn,
        "encoding": enc,
    }


def wild_clean(h, name):
    lede, sections = read_src(h, name)
    lines, heads = list(lede), set()
    for h, paras in sections:
        heads.add(len(lines))
        lines.append(h)
        lines += paras
    return "\n".join(lines) + "\n", heads


def write_wild(h, name, result):
    cfg = h.wild[name]
    data = result["text"].encode(cfg["encoding"])
    if cfg["bom"]:
        data = {"utf-8": b"\xef\xbb\xbf", "gb18030": b"\x84\x31\x95\x33"}[cfg["encoding"]] + data
    with open(os.path.join(h.here, cfg["file"]), "wb") as f:
        f.write(data)
    back = data.decode(cfg["encoding"] + ("-sig" if cfg["bom"] and cfg["encoding"] == "utf-8" else ""))
    assert back.lstrip("\ufeff") == result["text"], name


def occurrence(text, fig):
    """Which match of fig's text (str.find order, overlapping) the figure is."""
    n, at = 0, text.find(fig["text"])
    while 0 <= at < fig["start"]:
        n, at = n + 1, text.find(fig["text"], at + 1)
    return n


def label_entries(text, figs, entries, convert, problems, key):
    """The labels file's list for one key: every required figure, in expected.json's order."""
    out = []
    for d in figs:
        if d.get("optional"):
            continue
        entry = entries[d["_i"]]
        labels = [convert(lab) for lab in (entry[5] if len(entry) > 5 else [])]
        problems += [f"{key}: label {lab!r} of {d['text']!r} not in the text" for lab in labels if lab not in text]
        out.append({"text": d["text"], "value": d["value"], "occurrence": occurrence(text, d), "labels": labels})
    return out


def article(h, name, F, problems, labels):
    md2 = devset2(h)
    figs = [tuple(md2.parse(e)) for e in getattr(F, name.upper())]
    nots = list(getattr(F, "NOT_" + name.upper())) + ["*" + g for g in md2.F.GENERIC_NOT]
    wclean, heads = wild_clean(h, name)
    wfigs, pb = md2.assign(wclean, figs, nots, name + ".wild")
    problems += pb
    a = build_a(h, name)
    tfigs = [(md2.S2T.convert(f[0]),) + tuple(f[1:]) for f in figs]
    if h.articles[name][0] in ("num", "num+title"):
        tfigs += [(m, int(m), "number", None, "o") for m in a["names"][1:]]
    tnots = [("*" if n.startswith("*") else "") + md2.S2T.convert(n.lstrip("*")) for n in nots]
    afigs, pa = md2.assign(a["clean"], tfigs, tnots, name)
    problems += [p for p in pa if "non-figure" not in p]
    res = md2.make_wild.wild(name, wclean, wfigs, heads)
    write_wild(h, name, res)
    lost = [(m["start"], m["end"]) for m in res["wild_mojibake"] if not m["recoverable"]]
    for d in wfigs:
        if any(d["start"] < e and d["end"] > s for s, e in lost):
            d["lost"] = d["optional"] = True
    bl = "\n".join(res["boilerplate"])
    bfigs = []
    for e in F.BOILER[name]:
        assert e[0] in bl, e
        bfigs.append({"text": e[0], "value": e[1], "kind": e[2], "optional": True, "boilerplate": True})
    with open(os.path.join(h.here, a["file"]), "w", encoding=a["encoding"], newline="") as f:
        f.write(a["damaged"])
    cfg = h.wild[name]
    entries = getattr(F, name.upper())
    labels[name] = label_entries(a["clean"], afigs, entries, md2.S2T.convert, problems, name)
    labels[name + ".wild"] = label_entries(wclean, wfigs, entries, str, problems, name + ".wild")
    return {
        name: {
            "genre": h.genre[name],
            "files": {a["file"]: a["encoding"]},
            "clean_text_trad": a["clean"],
            "sections": a["names"],
            "section_titles": a["titles"],
            "mojibake": a["runs"],
            "pinyin_annotations": a["npy"],
            "figures": [md2.public(d) for d in afigs],
        },
        name + ".wild": {
            "genre": h.genre[name],
            "files": {cfg["file"]: cfg["encoding"] + ("-sig" if cfg["bom"] else "")},
            "source_script": "traditional" if name in h.traditional else "simplified",
            "clean_text": wclean,
            "boilerplate": res["boilerplate"],
            "wild_mojibake": [
                {k: m[k] for k in ("damaged", "original", "recoverable", "decoded_as")} for m in res["wild_mojibake"]
            ],
            "damage": {
                "newline": "CRLF" if cfg["newline"] == "\r\n" else "LF",
                "bom": cfg["bom"],
                "fullwidth_figures": res["fullwidth"],
                "thousands_figures": res["thousands"],
                "entities": res["entities"],
                "tags": res["tags"],
                "boilerplate_lines": len(res["boilerplate"]),
            },
            "figures": [md2.public(d, ("lost",)) for d in wfigs] + bfigs,
        },
    }


def main(h):
    """Write the holdout's damaged files, expected.json and (when it has one) its labels file."""
    sys.path.insert(0, h.here)
    F = importlib.import_module(h.figures_module)
    out = {"policy": F.__doc__, "articles": {}}
    problems, labels = [], {}
    for name in h.articles:
        out["articles"].update(article(h, name, F, problems, labels))
    with open(os.path.join(h.here, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    if h.labels_file:
        with open(os.path.join(h.here, h.labels_file), "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False, indent=1)
    for key, a in out["articles"].items():
        req = [f for f in a["figures"] if not f.get("optional")]
        text = a.get("clean_text_trad") or a["clean_text"]
        vague = sum(1 for f in req if f.get("vague"))
        print(f"{key:<14} {list(a['files'])[0]:<22} chars={len(text):4d} required={len(req):3d}", end=" ")
        print(f"optional={len(a['figures']) - len(req):2d} vague={vague}")
    if problems:
        print("\n".join(problems))
        sys.exit(f"{len(problems)} problems")
