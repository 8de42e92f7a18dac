#!/usr/bin/env python3
"""Build kreader's second blind holdout (holdout2: six articles of genres the dev sets lack).

Run (from anywhere):  python3 make_holdout2.py [-v]      (the project venv has opencc, pypinyin)

Inputs : src/<name>.src.txt  clean text in the article's own script ("## " = its own heading)
         figures_holdout2.py hand-written figure lists + the policy notes (its docstring)
Outputs: <name>.<enc>.txt (a) and <name>.wild.txt (b) damaged files, expected.json
         (devset2's schema, so ../../../shared/devset2/score.py scores every key).

Nothing is copied from the dev sets: ../../../shared/devset2/make_devset2.py is imported and
its own functions do the work -- the first dev set's damage (make_devset: s2t, layout, ASCII
commas, pinyin, GBK mojibake, HTML tail) for (a), make_wild.wild() for (b), assign() for the
figure spans and the every-numeral-covered check.  Only the per-article parameters below (and
the boilerplate lines of the wild files, added to make_wild.WILD) are ours.
The steps themselves are ../holdout_maker.py's, shared by every blind holdout.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# name: layout style, ascii-comma rate, mojibake runs, html cut, seed, (a) file, (a) encoding
ARTICLES = {
    "cold": ("num+title", 0.5, 3, 290, 201, "cold.gb18030.txt", "gb18030"),
    "flu": ("cn", 0.4, 2, 240, 202, "flu.txt", "utf-8"),
    "housing": ("num", 0.5, 1, 310, 203, "housing.txt", "utf-8"),
    "court": ("cn", 0.3, 0, 260, 204, "court.big5hkscs.txt", "big5hkscs"),
    "grain": ("num+title", 0.6, 0, 280, 205, "grain.utf16.txt", "utf-16"),
    "ev": ("cn", 0.5, 1, 300, 206, "ev.txt", "utf-8"),
}
GENRE = {
    "cold": "weather: cold wave, snow, typhoons (℃, 零下, 毫米, 级, times of day)",
    "flu": "Taiwan health news, Traditional (人次, 例, 歲, 毫克, 新台幣, 成)",
    "housing": "housing prices and land finance (同比, 个百分点, 亿元, 分数, 负值)",
    "court": "Hong Kong courts and crime, Traditional (判監 年/個月, 港元, 歲, 時)",
    "grain": "agriculture (亩, 公顷, 斤, 吨, 元/斤, 零下)",
    "ev": "autos and EVs (kWh, km, kW, 马力, 秒, 万元 ranges)",
}
WILD = {
    "cold": dict(
        file="cold.wild.txt",
        encoding="gb18030",
        bom=False,
        newline="\r\n",
        seed=301,
        fullwidth=4,
        thousands=1,
        lossy=True,
        nbsp_units=0,
        top=["当前位置：首页 > 天气 > 正文", "发布时间：2026-12-03　来源：中国天气网"],
        mid={3: ["点击进入专题：寒潮来袭"]},
        bottom=["责任编辑：张宁", "分享到：微信 微博 QQ空间", "扫码关注天气资讯，获取最新预警"],
    ),
    "flu": dict(
        file="flu.wild.txt",
        encoding="utf-8",
        bom=True,
        newline="\n",
        seed=302,
        fullwidth=3,
        thousands=1,
        lossy=False,
        nbsp_units=0,
        top=["來源：健康新聞網　記者 林怡君／台北報導"],
        mid={2: ["圖片來源：疾管署提供"]},
        bottom=["分享到：Facebook LINE", "【免責聲明】本文僅供參考，不能取代專業醫療建議。", "責任編輯：陳佩玲"],
    ),
    "housing": dict(
        file="housing.wild.txt",
        encoding="utf-8",
        bom=False,
        newline="\n",
        seed=303,
        fullwidth=4,
        thousands=3,
        lossy=True,
        nbsp_units=0,
        top=["来源：经济观察　作者：佚名"],
        mid={4: ["点击进入专题：楼市观察"]},
        bottom=["责任编辑：刘洋", "分享到：微信 微博", "【免责声明】本文仅代表作者个人观点，不构成投资建议。"],
    ),
    "court": dict(
        file="court.wild.txt",
        encoding="utf-8",
        bom=False,
        newline="\r\n",
        seed=304,
        fullwidth=3,
        thousands=2,
        lossy=False,
        nbsp_units=0,
        top=["點擊進入專題：法庭新聞"],
        mid={1: ["被告由懲教人員押解離開法院。資料圖片"]},
        bottom=["分享到：Facebook WhatsApp", "責任編輯：黃家豪"],
    ),
    "grain": dict(
        file="grain.wild.txt",
        encoding="gb18030",
        bom=False,
        newline="\n",
        seed=305,
        fullwidth=3,
        thousands=2,
        lossy=True,
        nbsp_units=0,
        top=["发布时间：2026-12-01", "来源：农民日报"],
        mid={2: ["图片来源：视觉中国"]},
        bottom=["责任编辑：赵明", "分享到：微信 微博", "扫码关注三农资讯"],
    ),
    "ev": dict(
        file="ev.wild.txt",
        encoding="utf-8",
        bom=True,
        newline="\r\n",
        seed=306,
        fullwidth=3,
        thousands=1,
        lossy=False,
        nbsp_units=0,
        top=["当前位置：首页 > 汽车 > 新能源"],
        mid={1: ["图片来源：厂商官方"]},
        bottom=["责任编辑：王磊", "分享到：微信 微博 QQ空间"],
    ),
}

TRADITIONAL = ("flu", "court")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(HERE))  # tests/: holdout_maker.py does the work
    from holdout_maker import Holdout, main

    main(Holdout(HERE, ARTICLES, GENRE, WILD, TRADITIONAL, "figures_holdout2"))
