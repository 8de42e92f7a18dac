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
The steps themselves are ../holdout_maker.py's, shared by every blind holdout.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

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


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(HERE))  # tests/: holdout_maker.py does the work
    from holdout_maker import Holdout, main

    main(Holdout(HERE, ARTICLES, GENRE, WILD, TRADITIONAL, "figures_holdout3", "labels_holdout3.json"))
