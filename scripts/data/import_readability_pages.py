#!/usr/bin/env python3
"""Imports Mozilla Readability's test pages (Apache-2.0) as a main-text benchmark.

Only saved pages of real sites are kept: the test pages under 10,000 bytes are fixtures written by
hand for one rule each ("rtl-1", "remove-extra-brs") and are left out. Each kept page of
`test/test-pages/<name>/` becomes `tests/corpus/readability/<name>.html.zz` (the saved
page `source.html`, zlib-compressed) and `<name>.txt` (the text of `expected.html`, the article as
Readability.js extracts it: block elements on their own lines, tags dropped, entities decoded).

Usage, from the repository root, with a checkout (or bare clone) of github.com/mozilla/readability:
    python3 scripts/data/import_readability_pages.py <readability git dir> [commit] [pages dir]

Ports of Readability keep pages of the same layout (`<name>/source.html`, `<name>/expected.html`, the
expected article being the port's output) under another folder; a page whose name is already in the
corpus is skipped (delete the folder to import Mozilla's set afresh), so ports add only the pages
Mozilla's set lacks:
    python3 scripts/data/import_readability_pages.py <fivefilters/readability.php git dir> HEAD test/test-pages
    python3 scripts/data/import_readability_pages.py <neolee/swift-readability git dir> HEAD Tests/ReadabilityTests/Resources/ex-pages
"""
import html
import html.parser
import os
import subprocess
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "corpus", "readability")
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "br",
          "section", "article", "figcaption", "dd", "dt", "table", "ul", "ol", "hr"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(expected):
    p = Text()
    p.feed(expected)
    lines = (" ".join(l.split()) for l in "".join(p.parts).split("\n"))
    return "\n".join(l for l in lines if l) + "\n"


def main():
    repo, commit = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "HEAD")
    pages = (sys.argv[3] if len(sys.argv) > 3 else "test/test-pages").rstrip("/")
    git = lambda *a: subprocess.run(["git", "--git-dir", repo, *a], check=True, capture_output=True).stdout
    depth = pages.count("/") + 1
    listed = git("ls-tree", "-r", "--name-only", commit, pages).decode().split("\n")
    names = sorted({p.split("/")[depth] for p in listed if p.count("/") > depth})
    os.makedirs(OUT, exist_ok=True)
    have = {f[: -len(".html.zz")] for f in os.listdir(OUT) if f.endswith(".html.zz")}
    n = 0
    for name in names:
        if name in have:
            continue
        try:
            source = git("show", f"{commit}:{pages}/{name}/source.html")
            if len(source) < 10000:
                continue
            expected = git("show", f"{commit}:{pages}/{name}/expected.html").decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        with open(os.path.join(OUT, name + ".html.zz"), "wb") as f:
            f.write(zlib.compress(source, 9))
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text_of(expected))
        n += 1
    print(f"{n} pages from {commit} into {OUT}")


if __name__ == "__main__":
    main()
