"""What scripts/eval/clean_reference.py and readability_reference.py share: the tokenizer and bag
scoring of `clean::token_scores` (lower-cased runs of letters and digits, compared as bags), and the
three extractors run side by side (storydiff through `examples/clean_eval.rs`, trafilatura,
readability-lxml; the last two from the registry, eval-only, never a product dependency)."""
import collections
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tokens(text):
    return [t.lower() for t in re.findall(r"[^\W_]+", text or "")]


def score(got, want):
    """(overlap, tokens got, tokens wanted), the tokens compared as bags."""
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


def storydiff_outputs(*args):
    """{page: extracted text} from `clean_eval --json` (release build, as the figures are quoted)."""
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "--example", "clean_eval", "--", *args, "--json"],
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


def systems(ours):
    """The three extractors, each a function of (page name, html)."""
    return {"storydiff": lambda name, html: ours[name],
            "trafilatura": lambda name, html: trafilatura_output(html),
            "readability-lxml": lambda name, html: readability_output(html)}
