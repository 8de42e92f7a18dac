#!/usr/bin/env python3
"""Wild damage nobody on the dev set has seen: builds ``tests/wild2/*.txt`` and ``expected.json``.

Run (from the repository, needs ``../shared/devset2/make_wild.py``)::

    python3 tests/wild2/make_wild2.py

Every article of ``../shared/devset*/src``, ``tests/holdout/src`` and ``tests/wild2/src`` (three
texts written for this set: Simplified, Taiwan and Hong Kong Traditional, Latin words, numbers and
「」『』 quotes) goes through devset2's ``wild()`` with a new seed and a new site's page furniture,
then through the extra damage families below, chosen per file (seeded, deterministic).  Each family
is also applied alone to every text (``<family>.<text>`` entries of ``expected.json``, made on
demand by ``score_wild2.py --families``), so that a table can say which family costs what.

Families (what real scrapers produce and the dev set does not):
  cp1252-clause / cp1252-line / cp1252-file   UTF-8 read as cp1252 (ftfy's family), a clause, a
                                               whole paragraph, or the whole page
  big5-clause                                  UTF-8 read as Big5 (with U+FFFD where Big5 fails)
  double-entities                              ``&amp;nbsp;`` ``&amp;#12290;`` ``&amp;ldquo;``
  numeric-entities                             ``&#20013;`` ``&#x4E2D;`` ``&#X4e2d;`` ``&#0012290;`` ``&#12290``
  script-style                                 ``<script>``/``<style>`` blocks (one line and several)
  comments                                     ``<!-- -->`` on one line and over lines
  br-runs                                      two paragraphs on one line joined by ``<br><br>``
                                               or ``</p><p>``
  invisible                                    ``\\u3000`` and NBSP indents, NBSP, zero-width
                                               characters, soft hyphens, a BOM in the middle
  newlines-cr                                  old-Mac CR line ends
  cr-split                                     a paragraph split by a stray CR (the clean text
                                               keeps it whole)
  furniture                                    more boilerplate of other sites (both scripts)
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"


def _make_wild():
    spec = importlib.util.spec_from_file_location("make_wild", SHARED / "devset2" / "make_wild.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sources() -> dict[str, tuple[str, set[int]]]:
    """name -> (clean text, heading line indices); ``## `` marks a heading in the sources."""
    paths = (
        sorted(SHARED.glob("devset/src/*.src.txt"))
        + sorted(SHARED.glob("devset2/src/*.src.txt"))
        + sorted((ROOT / "tests" / "holdout" / "src").glob("*.src.txt"))
        + sorted((HERE / "src").glob("*.src.txt"))
    )
    out = {}
    for p in paths:
        lines, heads = [], set()
        for ln in p.read_text("utf-8").splitlines():
            if not ln.strip():
                continue
            if ln.startswith("## "):
                heads.add(len(lines))
                ln = ln[3:]
            lines.append(ln)
        out[p.name.split(".")[0]] = ("\n".join(lines) + "\n", heads)
    return out


def is_trad(text: str) -> bool:
    return sum(text.count(c) for c in "們這說個來時國會經為與") > sum(text.count(c) for c in "们这说个来时国会经为与")


# Page furniture of other sites: (top, bottom) pools per script.  Every line is something a
# Chinese news or portal page carries around an article.
FURNITURE = {
    "simp": (
        [
            "原标题：{title}",
            "文章来源：新华网",
            "本文来源：澎湃新闻　作者：周扬",
            "2024-11-12 08:30　来源：经济观察网",
            "首页 > 财经 > 正文",
            "字号：大 中 小",
        ],
        [
            "责任编辑：张丽",
            "（编辑：刘洋）",
            "【免责声明】本文仅代表作者本人观点，与本站无关。",
            "点击进入专题：{title}",
            "扫码下载APP，阅读更多精彩内容",
            "分享到：微信 朋友圈 微博",
            "Copyright © 2003-2024 经济观察网 版权所有",
            "版权所有 未经书面授权不得转载",
            "返回搜狐，查看更多",
            "声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
            "打开APP阅读全文",
            "举报/反馈",
        ],
        [
            "相关阅读：",
            "央行：下阶段将继续实施稳健的货币政策",
            "前三季度国内生产总值同比增长4.8%",
            "楼市新政落地满月 成交回暖",
        ],
    ),
    "trad": (
        [
            "原標題：{title}",
            "來源：中央社",
            "文章來源：香港01　撰文：李思穎",
            "更新時間：2024/11/12 08:30",
            "首頁 > 財經 > 即時",
        ],
        [
            "編輯：林小美",
            "責任編輯：黃家豪",
            "圖片來源：路透社",
            "【版權聲明】本網站所刊載之內容，未經授權不得轉載。",
            "© 2024 香港01 版權所有",
            "Copyright © 2024 The Central News Agency. All Rights Reserved.",
            "分享：Facebook LINE WhatsApp",
            "訂閱電子報",
            "點擊進入專題：{title}",
            "掃碼下載APP，緊貼最新消息",
        ],
        [
            "延伸閱讀：",
            "颱風山陀兒逼近　氣象署發布海上警報",
            "台股早盤漲逾百點　台積電領軍",
            "更多新聞：",
            "立法院三讀通過預算案",
        ],
    ),
}

FAMILIES = (
    "cp1252-clause",
    "cp1252-line",
    "cp1252-file",
    "big5-clause",
    "double-entities",
    "numeric-entities",
    "script-style",
    "comments",
    "br-runs",
    "invisible",
    "newlines-cr",
    "cr-split",
    "furniture",
)


def _clauses(text: str, lo: int = 6, hi: int = 30) -> list[str]:
    found = re.findall(r"[^，。；！？：、\n]+[，。；！？]", text)
    return [c for c in found if lo <= len(c) <= hi and not re.search(r"[&<>　\s]", c)]


def _once(out: str, s: str) -> bool:
    return out.count(s) == 1


def _pick_clause(rng, clean: str, out: str, taken: list[str]) -> str | None:
    cands = [c for c in _clauses(clean) if _once(out, c) and not any(c in t or t in c for t in taken)]
    return rng.choice(cands) if cands else None


def sloppy_cp1252(s: str) -> str:
    """UTF-8 bytes read as cp1252; the five bytes cp1252 leaves undefined read as Latin-1 (as
    browsers and ftfy's 'sloppy-windows-1252' do)."""
    return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in s.encode())


def _body_lines(out_lines: list[str], clean_lines: list[str]) -> list[int]:
    """Indices of output lines that hold a clean paragraph's text (after entities)."""
    import html

    plain = [re.sub(r"<[^>]+>", "", html.unescape(x)).strip() for x in out_lines]
    keys = {c.strip() for c in clean_lines if len(c) > 20}
    return [k for k, p in enumerate(plain) if p in keys]


def damage(family: str, out: str, clean: str, rng: random.Random, moji: list, boiler: list, trad: bool) -> str:
    """``out`` (LF-separated wild() output) with one more family's damage."""
    lines = out.split("\n")
    clean_lines = clean.rstrip("\n").split("\n")
    body = _body_lines(lines, clean_lines)
    if family in ("cp1252-clause", "big5-clause"):
        c = _pick_clause(rng, clean, out, [m["original"] for m in moji])
        if c is None:
            return out
        if family == "cp1252-clause":
            d, recov, label = sloppy_cp1252(c), True, "cp1252"
        else:
            d = c.encode().decode("big5", errors="replace")
            recov = "\ufffd" not in d and d.encode("big5") == c.encode()
            label = "big5" + ("" if recov else "+replace")
        moji.append({"damaged": d, "original": c, "recoverable": recov, "decoded_as": label})
        return out.replace(c, d)
    if family == "cp1252-line":
        cands = [k for k in body if "&" not in lines[k] and not any(m["damaged"] in lines[k] for m in moji)]
        if not cands:
            return out
        k = rng.choice(cands)
        inner = re.sub(r"^(?:<[^>]+>)+|(?:<[^>]+>)+$", "", lines[k])
        moji.append({"damaged": sloppy_cp1252(inner), "original": inner, "recoverable": True, "decoded_as": "cp1252"})
        lines[k] = lines[k].replace(inner, sloppy_cp1252(inner))
        return "\n".join(lines)
    if family == "cp1252-file":
        return sloppy_cp1252(out)
    if family == "double-entities":
        out = out.replace("&nbsp;", "&amp;nbsp;", 2).replace("&ldquo;", "&amp;ldquo;", 1)
        out = out.replace("&rdquo;", "&amp;rdquo;", 1).replace("&#12290;", "&amp;#12290;", 1)
        return _in_body(out, lines, body, rng, {"，": "&amp;#65292;", "。": "&amp;#x3002;"}, 2)
    if family == "numeric-entities":
        han = {c: fmt for c, fmt in zip("的是在了中国年月日人", _NUMERIC_FORMS * 2)}
        return _in_body(out, lines, body, rng, {**han, "，": "&#65292", "“": "&#8220;", "”": "&#x201d;"}, 8)
    if family == "script-style":
        k = rng.choice(body) if body else 0
        lines.insert(k + 1, '<script type="text/javascript">var _hmt = _hmt || [];')
        lines.insert(
            k + 2, '(function() { var hm = document.createElement("script"); hm.src = "//hm.baidu.com/hm.js?x"; })();'
        )
        lines.insert(k + 3, "</script>")
        lines.insert(0, "<style>.article p{text-indent:2em;color:#333;} .ad{display:none}</style>")
        lines.append("<script>document.write('<div class=\"ad\">广告</div>');</script>")
        return "\n".join(lines)
    if family == "comments":
        k = rng.choice(body) if body else 0
        lines.insert(k + 1, "<!-- 广告位 ad_slot_1 -->")
        lines.insert(k + 2, "<!--")
        lines.insert(k + 3, '相关推荐 开始 <div class="rec">')
        lines.insert(k + 4, "-->")
        lines[0] = "<!-- publish: 2024-11-12 -->" + lines[0]
        return "\n".join(lines)
    if family == "br-runs":
        pairs = [k for k in body if k + 1 in body]
        for k in sorted(rng.sample(pairs, min(2, len(pairs))), reverse=True):
            joiner = rng.choice(["<br><br>", "<br/><br />\u3000\u3000", "</p><p>", "<br>\n<br>"])
            lines[k : k + 2] = [lines[k] + joiner + lines[k + 1]]
        return "\n".join(lines)
    if family == "invisible":
        for k in body:
            r = rng.random()
            if r < 0.3:
                lines[k] = "\u3000\u3000" + lines[k]
            elif r < 0.45:
                lines[k] = "\xa0\xa0" + lines[k]
        out = "\n".join(lines)
        return _in_body(out, lines, [], rng, {}, 0, extra=("\u200b", "\u00ad", "\u200d", "\ufeff", "\u2060"))
    if family == "newlines-cr":
        return out.replace("\n", "\r")
    if family == "cr-split":
        cands = [k for k in body if "，" in lines[k]]
        for k in rng.sample(cands, min(2, len(cands))):
            at = lines[k].find("，")
            lines[k] = lines[k][: at + 1] + "\r" + lines[k][at + 1 :]
        return "\n".join(lines)
    if family == "furniture":
        top, bottom, related = FURNITURE["trad" if trad else "simp"]
        title = clean_lines[0][:14]
        heads = [t.format(title=title) for t in rng.sample(top, 2)]
        tails = [t.format(title=title) for t in rng.sample(bottom, 4)] + related
        boiler += heads + tails
        return "\n".join(heads + lines[:-1] + tails + [lines[-1]])
    raise ValueError(family)


_NUMERIC_FORMS = ("&#{d};", "&#x{x};", "&#X{X};", "&#00{d};", "&#x00{x};")


def _numeric(c: str, form: str) -> str:
    return form.format(d=ord(c), x=format(ord(c), "x"), X=format(ord(c), "X"))


def _in_body(out, lines, body, rng, table, n, extra=()):
    """Replace up to ``n`` characters of body lines by their table entry; insert ``extra``
    invisible characters between two Han characters of body text."""
    lines = out.split("\n")
    done = 0
    keys = list(table)
    rng.shuffle(keys)
    for c in keys:
        if done >= n:
            break
        for k in body:
            at = lines[k].find(c)
            if at > 0 and not re.search(r"&[#\w]*$", lines[k][:at]):
                form = table[c]
                lines[k] = lines[k][:at] + (_numeric(c, form) if "{" in form else form) + lines[k][at + 1 :]
                done += 1
                break
    for ch in extra:
        k = rng.randrange(len(lines))
        spots = [m.start() + 1 for m in re.finditer(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])", lines[k])]
        if spots:
            at = rng.choice(spots)
            lines[k] = lines[k][:at] + ch + lines[k][at:]
    return "\n".join(lines)


# (families of the combined file, encoding, BOM, newline) per text, in sorted order of names
PLAN = [
    (("cp1252-clause", "double-entities", "br-runs", "furniture"), "utf-8", False, "\r\n"),
    (("big5-clause", "numeric-entities", "script-style", "invisible"), "utf-8", True, "\n"),
    (("cp1252-line", "comments", "cr-split", "furniture"), "utf-8", False, "\n"),
    (("cp1252-file",), "utf-8", False, "\n"),
    (("double-entities", "numeric-entities", "furniture", "newlines-cr"), "utf-8", False, "cr"),
    (("script-style", "comments", "br-runs", "invisible", "cp1252-clause"), "utf-8", False, "\r\n"),
    (("furniture", "cr-split", "big5-clause", "double-entities"), "utf-8", False, "\n"),
    (("invisible", "numeric-entities", "furniture", "cp1252-line"), "gb18030", False, "\r\n"),
]


def build(name, clean, heads, families, seed, mw):
    """The damaged text and its expected.json entry."""
    trad = is_trad(clean)
    rng = random.Random(seed)
    lines = clean.rstrip("\n").split("\n")
    mid = {min(3, len(lines) - 1): ["圖片來源：美聯社" if trad else "图片来源：视觉中国"]}
    mw.WILD[name] = dict(
        file=name,
        encoding="utf-8",
        bom=False,
        newline="\n",
        seed=seed,
        fullwidth=0,
        thousands=0,
        lossy=seed % 3 == 0,
        nbsp_units=0,
        top=[],
        mid=mid,
        bottom=[],
    )
    res = None
    for attempt in range(20):  # as devset2 does: a seed whose mojibake candidates exist
        try:
            res = mw.wild(name, clean, [], heads, rng=random.Random(seed + 1000 * attempt))
            break
        except AssertionError:
            mw.WILD[name]["lossy"] = False
    assert res is not None, name
    out, moji, boiler = res["text"].rstrip("\n"), list(res["wild_mojibake"]), list(res["boilerplate"])
    for family in families:
        out = damage(family, out, clean, rng, moji, boiler, trad)
    for m in moji:
        m.pop("start", None), m.pop("end", None)
    return out + "\n", {
        "clean_text_trad": clean,
        "boilerplate": boiler,
        "wild_mojibake": moji,
        "families": list(families),
    }


def write(path: Path, text: str, encoding: str, bom: bool, newline: str) -> None:
    if newline == "\r\n":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def main(argv: list[str]) -> None:
    mw = _make_wild()
    srcs = sources()
    articles = {}
    for i, (name, (clean, heads)) in enumerate(sorted(srcs.items())):
        families, encoding, bom, newline = PLAN[i % len(PLAN)]
        text, entry = build(name, clean, heads, families, 900 + i, mw)
        fname = f"{name}.wild2.txt"
        write(HERE / fname, text, encoding, bom, newline)
        entry["files"] = {fname: encoding + ("-sig" if bom else "")}
        articles[name + ".wild2"] = entry
    (HERE / "expected.json").write_text(
        json.dumps({"articles": articles}, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    print("wrote", len(articles), "files")


if __name__ == "__main__":
    main(sys.argv)
