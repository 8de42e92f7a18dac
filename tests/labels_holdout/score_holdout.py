#!/usr/bin/env python3
"""Score kreader's labels on the blind holdout with the dev set's own ``score_labels.py``.

usage: score_holdout.py KREADER [-v]     (KREADER: an executable, e.g. /tmp/kr-lab)

Runs ``KREADER --figures --format json src/<key>.txt`` for every article and prints
score_labels.py's line for it (right/empty/wrong, accuracy, coverage), then the pooled counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSET2 = HERE.parent.parent.parent / "shared" / "devset2"


def scorer():
    """The dev set's score_labels module (imported, not copied)."""
    sys.path.insert(0, str(DEVSET2))
    import score_labels  # noqa: PLC0415

    return score_labels


def score(key: str, figures: list, no_vague: bool = False) -> tuple[dict, list]:
    """(counts, details) of ``figures`` (kreader's JSON items) for the article ``key``."""
    arts = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["articles"]
    labels = json.loads((HERE / "labels_holdout.json").read_text(encoding="utf-8"))
    return scorer().score_labels(arts[key], labels[key], figures, no_vague)


def main(argv: list[str]) -> None:
    cmd, verbose = argv[1], "-v" in argv
    arts = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["articles"]
    sl = scorer()
    total = dict(right=0, empty=0, wrong=0, neutral=0, matched=0, required=0)
    for key in arts:
        out = subprocess.run(
            [cmd, "--figures", "--format", "json", str(HERE / "src" / f"{key}.txt")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        counts, details = score(key, json.loads(out)["figures"])
        print(sl.line(key, counts))
        total = {k: total[k] + counts[k] for k in total}
        if verbose:
            for cls, e, g, acc in details:
                if cls != "right":
                    got, ok = json.dumps(g.get("label"), ensure_ascii=False), json.dumps(acc, ensure_ascii=False)
                    print(f"  {cls.upper():<5} {e['text']} label={got} acceptable={ok}")
    print(sl.line("pooled", total))


if __name__ == "__main__":
    main(sys.argv)
