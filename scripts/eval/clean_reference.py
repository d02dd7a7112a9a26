#!/usr/bin/env python3
"""Measure storydiff's HTML main-text extraction against Readability-class
references on the project's corpus (tests/corpus/html), in one run, with one
tokenizer (lower-cased runs of letters and digits, compared as bags).

Setup (registry packages, not needed by the product):
    python3 -m venv /tmp/refenv
    /tmp/refenv/bin/pip install trafilatura readability-lxml
Run from the repository root:
    /tmp/refenv/bin/python scripts/eval/clean_reference.py

Two scorings: "with title" compares against the expected text as written
(headline first, as storydiff keeps it in the body); "body only" drops the
headline from the expected text and from the start of every output, since
trafilatura and Readability leave the headline out of the main text.
"""
import glob
import os

from extractors import ROOT, score, storydiff_outputs, systems as all_systems

CORPUS = os.path.join(ROOT, "tests", "corpus", "html")


def drop_title(text, title):
    t = (text or "").lstrip()
    return t[len(title):] if t.startswith(title) else t


def main():
    systems = all_systems(storydiff_outputs())
    totals = {(s, m): [0, 0, 0] for s in systems for m in ("title", "body")}
    pages = sorted(glob.glob(os.path.join(CORPUS, "*.html")))
    print(f"{'page':<18}" + "".join(f"{s:>28}" for s in systems))
    for path in pages:
        name = os.path.splitext(os.path.basename(path))[0]
        html = open(path, encoding="utf-8").read()
        want = open(path[:-5] + ".txt", encoding="utf-8").read()
        title = want.split("\n", 1)[0].strip()
        want_body = want.split("\n", 1)[1] if "\n" in want else ""
        row = f"{name:<18}"
        for s, run in systems.items():
            got = run(name, html)
            for mode, (g, w) in (("title", (got, want)), ("body", (drop_title(got, title), want_body))):
                o, ng, nw = score(g, w)
                acc = totals[(s, mode)]
                acc[0] += o; acc[1] += ng; acc[2] += nw
            o, ng, nw = score(got, want)
            row += f"{'P %.3f R %.3f' % (o / ng if ng else 1, o / nw if nw else 1):>28}"
        print(row)
    for mode in ("title", "body"):
        row = f"{'all, ' + ('with title' if mode == 'title' else 'body only'):<18}"
        for s in systems:
            o, ng, nw = totals[(s, mode)]
            p, r = o / ng if ng else 1, o / nw if nw else 1
            f = 2 * p * r / (p + r) if p + r else 0
            row += f"{'P %.3f R %.3f F %.3f' % (p, r, f):>28}"
        print(row)


if __name__ == "__main__":
    main()
