#!/usr/bin/env python3
"""storydiff, trafilatura and readability-lxml side by side on the benchmark of real sites' pages
(tests/corpus/readability: Readability's saved pages from Mozilla and two ports, Apache-2.0 and MIT),
in one run, with one tokenizer (lower-cased runs of letters and digits, compared as bags, as
`clean::token_scores`). Figures for the held-out pages (`heldout.list`), the development pages and
all of them.

The expected text is Readability's output (the headline left out), so readability-lxml, a port of
an older Readability, shares its lineage; storydiff keeps the headline, which costs it a little
precision here.

Setup (registry packages, not needed by the product):
    python3 -m venv /tmp/refenv
    /tmp/refenv/bin/pip install trafilatura
    /tmp/refenv/bin/pip install --no-deps readability-lxml
    /tmp/refenv/bin/pip install chardet cssselect lxml_html_clean
Run from the repository root:
    /tmp/refenv/bin/python scripts/eval/readability_reference.py
    /tmp/refenv/bin/python scripts/eval/readability_reference.py --storydiff-json out.json
(the second scores storydiff's outputs saved earlier by `clean_eval --set readability --json`).
"""
import glob
import json
import os
import sys
import re
import zlib

from extractors import ROOT, f1, score, storydiff_outputs, systems as all_systems

CORPUS = os.path.join(ROOT, "tests", "corpus", "readability")


def heldout():
    with open(os.path.join(CORPUS, "heldout.list"), encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def main():
    if "--storydiff-json" in sys.argv:
        with open(sys.argv[sys.argv.index("--storydiff-json") + 1], encoding="utf-8") as f:
            ours = json.load(f)
    else:
        ours = storydiff_outputs("--set", "readability")
    systems = all_systems(ours)
    held = heldout()
    rows = {}  # (system, page) -> (overlap, got, wanted, empty)
    pages = sorted(glob.glob(os.path.join(CORPUS, "*.html.zz")))
    names = [os.path.basename(p)[: -len(".html.zz")] for p in pages]
    for path, name in zip(pages, names):
        html = zlib.decompress(open(path, "rb").read()).decode("utf-8", errors="replace")
        want = open(path[: -len(".html.zz")] + ".txt", encoding="utf-8").read()
        for s, run in systems.items():
            try:
                got = run(name, html)
            except Exception:  # a reference that fails on a page scores it empty
                got = ""
            rows[(s, name)] = (*score(got, want), not got.strip())
    for part, members in (("held-out", [n for n in names if n in held]),
                          ("development", [n for n in names if n not in held]),
                          ("all", names)):
        sites = {re.sub(r"-\d+$", "", n) for n in members}
        print(f"\n{part}: {len(members)} pages, {len(sites)} site names")
        print(f"{'system':<18}{'micro P':>9}{'micro R':>9}{'micro F1':>9}{'mean F1':>9}{'< 0.9':>7}{'empty':>7}")
        for s in systems:
            r = [rows[(s, n)] for n in members]
            o, g, w = (sum(x[i] for x in r) for i in range(3))
            page_f1 = [f1(*x[:3]) for x in r]
            low = sum(1 for x in page_f1 if x < 0.9)
            empty = sum(1 for x in r if x[3])
            print(f"{s:<18}{o / g if g else 0:>9.3f}{o / w:>9.3f}{f1(o, g, w):>9.3f}"
                  f"{sum(page_f1) / len(page_f1):>9.3f}{low:>7}{empty:>7}")


if __name__ == "__main__":
    main()
