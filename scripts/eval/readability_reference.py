#!/usr/bin/env python3
"""storydiff, trafilatura and readability-lxml side by side on the benchmark of real sites' pages
(tests/corpus/readability: Mozilla Readability's saved pages, Apache-2.0), in one run, with one
tokenizer (lower-cased runs of letters and digits, compared as bags, as `clean::token_scores`).

The expected text is Readability.js's output (the headline left out), so readability-lxml, a port of
an older Readability, shares its lineage; storydiff keeps the headline, which costs it a little
precision here.

Setup (registry packages, not needed by the product):
    python3 -m venv /tmp/refenv
    /tmp/refenv/bin/pip install trafilatura
    /tmp/refenv/bin/pip install --no-deps readability-lxml
    /tmp/refenv/bin/pip install chardet cssselect lxml_html_clean
Run from the repository root:
    /tmp/refenv/bin/python scripts/eval/readability_reference.py
"""
import collections
import glob
import json
import os
import re
import subprocess
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "corpus", "readability")


def tokens(text):
    return [t.lower() for t in re.findall(r"[^\W_]+", text or "")]


def score(got, want):
    g, w = tokens(got), collections.Counter(tokens(want))
    overlap = 0
    for t in g:
        if w[t] > 0:
            w[t] -= 1
            overlap += 1
    return overlap, len(g), len(tokens(want))


def f1(o, ng, nw):
    p, r = (o / ng if ng else 0.0), (o / nw if nw else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def storydiff_outputs():
    out = subprocess.run(
        ["cargo", "run", "-q", "--example", "clean_eval", "--", "--set", "readability", "--json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def trafilatura_output(html):
    import trafilatura
    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def readability_output(html):
    from readability import Document
    import lxml.html
    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content()


def main():
    ours = storydiff_outputs()
    systems = {"storydiff": lambda name, html: ours[name],
               "trafilatura": lambda name, html: trafilatura_output(html),
               "readability-lxml": lambda name, html: readability_output(html)}
    stats = {s: {"o": 0, "g": 0, "w": 0, "f1": [], "empty": 0} for s in systems}
    pages = sorted(glob.glob(os.path.join(CORPUS, "*.html.zz")))
    for path in pages:
        name = os.path.basename(path)[: -len(".html.zz")]
        html = zlib.decompress(open(path, "rb").read()).decode("utf-8", errors="replace")
        want = open(path[: -len(".html.zz")] + ".txt", encoding="utf-8").read()
        for s, run in systems.items():
            try:
                got = run(name, html)
            except Exception:  # a reference that fails on a page scores it empty
                got = ""
            o, ng, nw = score(got, want)
            st = stats[s]
            st["o"] += o; st["g"] += ng; st["w"] += nw
            st["f1"].append(f1(o, ng, nw))
            st["empty"] += not got.strip()
    sites = {re.sub(r"-\d+$", "", os.path.basename(p)[: -len(".html.zz")]) for p in pages}
    print(f"{len(pages)} pages, {len(sites)} site names")
    print(f"{'system':<18}{'micro P':>9}{'micro R':>9}{'micro F1':>9}{'mean F1':>9}{'< 0.9':>7}{'empty':>7}")
    for s, st in stats.items():
        p, r = st["o"] / st["g"] if st["g"] else 0, st["o"] / st["w"]
        mean = sum(st["f1"]) / len(st["f1"])
        low = sum(1 for x in st["f1"] if x < 0.9)
        print(f"{s:<18}{p:>9.3f}{r:>9.3f}{f1(st['o'], st['g'], st['w']):>9.3f}{mean:>9.3f}{low:>7}{st['empty']:>7}")


if __name__ == "__main__":
    main()
