#!/usr/bin/env python3
"""Build kreader's third blind holdout (holdout3: six articles of genres the dev sets lack).

Run (from anywhere):  python3 make_holdout3.py [-v]      (the project venv has opencc, pypinyin)

Inputs : src/<name>.src.txt  clean text in the article's own script ("## " = its own heading)
         figures_holdout3.py hand-written figure lists + the policy notes (its docstring)
Outputs: <name>.<enc>.txt (a) and <name>.wild.txt (b) damaged files, expected.json
         (devset2's schema, so ../../../shared/devset2/score.py scores every key).

Nothing is copied from the dev sets: ../../../shared/devset2/make_devset2.py is imported and
its own functions do the work -- the first dev set's damage (make_devset: s2t, layout, ASCII
commas, pinyin, GBK mojibake, HTML tail) for (a), make_wild.wild() for (b), assign() for the
figure spans and the every-numeral-covered check.  Only the per-article parameters below (and
the boilerplate lines of the wild files, added to make_wild.WILD) are ours.
"""

import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEVSET2 = os.environ.get("KREADER_DEVSET2") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "devset2")
)

# name: layout style, ascii-comma rate, mojibake runs, html cut, seed, (a) file, (a) encoding
ARTICLES = {
    "flood": ("num+title", 0.5, 2, 270, 401, "flood.gb18030.txt", "gb18030"),
    "dengue": ("cn", 0.4, 1, 250, 402, "dengue.big5hkscs.txt", "big5hkscs"),
    "presale": ("num", 0.5, 1, 300, 403, "presale.txt", "utf-8"),
    "exam": ("num+title", 0.4, 2, 280, 404, "exam.utf16.txt", "utf-16"),
    "waste": ("cn", 0.6, 1, 260, 405, "waste.txt", "utf-8"),
    "rail": ("num", 0.3, 0, 290, 406, "rail.big5hkscs.txt", "big5hkscs"),
}
GENRE = {
    "flood": "disaster: floods (毫米, mm, 米/秒, 级, 千公顷, 亩, 斤, death tolls, times of day)",
    "dengue": "Taiwan public health, Traditional (每10萬人, 千分之, 例, 歲, 級, 新台幣 fines)",
    "presale": "Taiwan real estate, Traditional (坪, 萬元/坪, 平方米, 棟, 倍, 個百分點, 三分之二)",
    "exam": "education: college entrance exams (二〇二四年, 分数线, 千分之, 录取率, 9:00)",
    "waste": "court and fines: pollution case (有期徒刑 年/个月, 罚金, 吨, mg, km/h, 倍)",
    "rail": "Hong Kong transport, Traditional (km/h, kWh, 公里, 時/分, 港幣, 四分之一至三分之一, full-width)",
}
TRADITIONAL = ("dengue", "presale", "rail")
WILD = {
    "flood": dict(
        file="flood.wild.txt",
        encoding="gb18030",
        bom=False,
        newline="\r\n",
        seed=501,
        fullwidth=4,
        thousands=2,
        lossy=True,
        nbsp_units=0,
        top=["当前位置：首页 > 社会 > 防汛抗洪", "发布时间：2026-07-22　来源：应急管理部网站"],
        mid={4: ["点击进入专题：2026防汛进行时"]},
        bottom=["责任编辑：李娜", "分享到：微信 微博 QQ空间"],
    ),
    "dengue": dict(
        file="dengue.wild.txt",
        encoding="utf-8",
        bom=True,
        newline="\n",
        seed=502,
        fullwidth=3,
        thousands=1,
        lossy=False,
        nbsp_units=0,
        top=["來源：健康醫療網　記者 王志明／台南報導"],
        mid={3: ["圖片來源：台南市政府提供"]},
        bottom=["分享到：Facebook LINE", "責任編輯：林美惠"],
    ),
    "presale": dict(
        file="presale.wild.txt",
        encoding="utf-8",
        bom=False,
        newline="\n",
        seed=503,
        fullwidth=4,
        thousands=2,
        lossy=True,
        nbsp_units=0,
        top=["點擊進入專題：房市動態"],
        mid={5: ["示意圖。資料照片"]},
        bottom=["【免責聲明】本文僅供參考，不構成投資建議。", "責任編輯：張志豪"],
    ),
    "exam": dict(
        file="exam.wild.txt",
        encoding="gb18030",
        bom=False,
        newline="\r\n",
        seed=504,
        fullwidth=3,
        thousands=3,
        lossy=False,
        nbsp_units=0,
        top=["当前位置：首页 > 教育 > 高考", "来源：中国教育在线"],
        mid={2: ["图片来源：视觉中国"]},
        bottom=["责任编辑：周洁", "扫码关注高考资讯，获取最新政策"],
    ),
    "waste": dict(
        file="waste.wild.txt",
        encoding="utf-8",
        bom=False,
        newline="\r\n",
        seed=505,
        fullwidth=3,
        thousands=2,
        lossy=True,
        nbsp_units=0,
        top=["来源：法治日报　作者：佚名"],
        mid={3: ["点击进入专题：环境执法"]},
        bottom=["责任编辑：孙强", "分享到：微信 微博"],
    ),
    "rail": dict(
        file="rail.wild.txt",
        encoding="utf-8",
        bom=True,
        newline="\r\n",
        seed=506,
        fullwidth=2,
        thousands=2,
        lossy=False,
        nbsp_units=0,
        top=["點擊進入專題：交通新聞"],
        mid={2: ["高鐵列車駛出西九龍站。資料圖片"]},
        bottom=["分享到：Facebook WhatsApp", "責任編輯：何家明"],
    ),
}

_MODULE = []
LABELS: dict = {}


def devset2():
    """devset2's make_devset2 module (it imports make_devset and make_wild beside it)."""
    if not _MODULE:
        spec = importlib.util.spec_from_file_location("make_devset2", os.path.join(DEVSET2, "make_devset2.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make_wild.WILD.update(WILD)
        _MODULE.append(module)
    return _MODULE[0]


def read_src(name):
    """(lede paragraphs, [(heading, paragraphs)]) from src/NAME.src.txt."""
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


def build_a(name):
    """make_devset2.build_a's steps (the dev set's damage, seed advanced until encodable)."""
    md2 = devset2()
    dm = md2.dm
    style, crate, nmoj, cut, seed, fn, enc = ARTICLES[name]
    lede, sections = read_src(name)
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


def wild_clean(name):
    lede, sections = read_src(name)
    lines, heads = list(lede), set()
    for h, paras in sections:
        heads.add(len(lines))
        lines.append(h)
        lines += paras
    return "\n".join(lines) + "\n", heads


def write_wild(name, result):
    cfg = WILD[name]
    data = result["text"].encode(cfg["encoding"])
    if cfg["bom"]:
        data = {"utf-8": b"\xef\xbb\xbf", "gb18030": b"\x84\x31\x95\x33"}[cfg["encoding"]] + data
    with open(os.path.join(HERE, cfg["file"]), "wb") as f:
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
    """labels_holdout3.json's list for one key: every required figure, in expected.json's order."""
    out = []
    for d in figs:
        if d.get("optional"):
            continue
        entry = entries[d["_i"]]
        labels = [convert(lab) for lab in (entry[5] if len(entry) > 5 else [])]
        problems += [f"{key}: label {lab!r} of {d['text']!r} not in the text" for lab in labels if lab not in text]
        out.append({"text": d["text"], "value": d["value"], "occurrence": occurrence(text, d), "labels": labels})
    return out


def article(name, F, problems):
    md2 = devset2()
    figs = [tuple(md2.parse(e)) for e in getattr(F, name.upper())]
    nots = list(getattr(F, "NOT_" + name.upper())) + ["*" + g for g in md2.F.GENERIC_NOT]
    wclean, heads = wild_clean(name)
    wfigs, pb = md2.assign(wclean, figs, nots, name + ".wild")
    problems += pb
    a = build_a(name)
    tfigs = [(md2.S2T.convert(f[0]),) + tuple(f[1:]) for f in figs]
    if ARTICLES[name][0] in ("num", "num+title"):
        tfigs += [(m, int(m), "number", None, "o") for m in a["names"][1:]]
    tnots = [("*" if n.startswith("*") else "") + md2.S2T.convert(n.lstrip("*")) for n in nots]
    afigs, pa = md2.assign(a["clean"], tfigs, tnots, name)
    problems += [p for p in pa if "non-figure" not in p]
    res = md2.make_wild.wild(name, wclean, wfigs, heads)
    write_wild(name, res)
    lost = [(m["start"], m["end"]) for m in res["wild_mojibake"] if not m["recoverable"]]
    for d in wfigs:
        if any(d["start"] < e and d["end"] > s for s, e in lost):
            d["lost"] = d["optional"] = True
    bl = "\n".join(res["boilerplate"])
    bfigs = []
    for e in F.BOILER[name]:
        assert e[0] in bl, e
        bfigs.append({"text": e[0], "value": e[1], "kind": e[2], "optional": True, "boilerplate": True})
    with open(os.path.join(HERE, a["file"]), "w", encoding=a["encoding"], newline="") as f:
        f.write(a["damaged"])
    cfg = WILD[name]
    entries = getattr(F, name.upper())
    LABELS[name] = label_entries(a["clean"], afigs, entries, md2.S2T.convert, problems, name)
    LABELS[name + ".wild"] = label_entries(wclean, wfigs, entries, str, problems, name + ".wild")
    return {
        name: {
            "genre": GENRE[name],
            "files": {a["file"]: a["encoding"]},
            "clean_text_trad": a["clean"],
            "sections": a["names"],
            "section_titles": a["titles"],
            "mojibake": a["runs"],
            "pinyin_annotations": a["npy"],
            "figures": [md2.public(d) for d in afigs],
        },
        name + ".wild": {
            "genre": GENRE[name],
            "files": {cfg["file"]: cfg["encoding"] + ("-sig" if cfg["bom"] else "")},
            "source_script": "traditional" if name in TRADITIONAL else "simplified",
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


def main():
    sys.path.insert(0, HERE)
    import figures_holdout3 as F

    out = {"policy": F.__doc__, "articles": {}}
    problems = []
    for name in ARTICLES:
        out["articles"].update(article(name, F, problems))
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    with open(os.path.join(HERE, "labels_holdout3.json"), "w", encoding="utf-8") as f:
        json.dump(LABELS, f, ensure_ascii=False, indent=1)
    for key, a in out["articles"].items():
        req = [f for f in a["figures"] if not f.get("optional")]
        text = a.get("clean_text_trad") or a["clean_text"]
        vague = sum(1 for f in req if f.get("vague"))
        print(f"{key:<14} {list(a['files'])[0]:<22} chars={len(text):4d} required={len(req):3d}", end=" ")
        print(f"optional={len(a['figures']) - len(req):2d} vague={vague}")
    if problems:
        print("\n".join(problems))
        sys.exit(f"{len(problems)} problems")


if __name__ == "__main__":
    main()
