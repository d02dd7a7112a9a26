#!/usr/bin/env python3
"""Builds tests/eval/clusters/twins_fr.json: full-length French Wikinews reports of
May-December 2012, every one held out, for event clustering.

Usage: python3 scripts/eval/clusters_fr_build.py DOCUMENTS_DIR

DOCUMENTS_DIR is `WikinewsKeyphraseCorpus-master/documents/` of the archive
`src/WikinewsKeyphraseCorpus-master.zip` in https://github.com/boudinfl/wikinews-2013-pre
(commit 8ab885018297334ddaa869bbed38bd77cd0276b4's tree; the corpus of Bougouin, Boudin and
Daille, IJCNLP 2013: 100 French Wikinews articles, one HTML file each, named by the
article's French Wikinews page id). French Wikinews text is CC BY 2.5.

A report's text is its headline, a blank line, then the lead and the paragraphs verbatim
(markup removed, soft hyphens dropped, blank lines between paragraphs); its date is the
dateline's ("22 mai 2012. -"). tests/eval/clusters/twins_fr_events.tsv names each report's
kind and gold event, read by hand.
"""
import html, re, sys

from cluster_sets import write_set

EVENTS = "tests/eval/clusters/twins_fr_events.tsv"
SOURCE = ("boudinfl/wikinews-2013-pre src/WikinewsKeyphraseCorpus-master.zip (French Wikinews, "
          "May-December 2012, CC BY 2.5); each report's url is its source")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
DATE = re.compile(r"(\d{1,2})(?:er)? (" + "|".join(MONTHS) + r") (\d{4})")


def read(path):
    t = open(path, encoding="utf-8").read()
    title = html.unescape(re.sub("<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", t, re.S).group(1))).strip()
    body = t.split("</h1>", 1)[1]
    paras = [html.unescape(re.sub("<[^>]+>", "", m)) for m in
             re.findall(r"<(?:h2|p)[^>]*>(.*?)</(?:h2|p)>", body, re.S)]
    paras = [re.sub(r"\s+", " ", p.replace("\xad", "")).strip() for p in paras]
    return title, [p for p in paras if p]


def main(docs):
    out = []
    for line in open(EVENTS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        pid, kind, event, title = line.rstrip("\n").split("\t")
        head, paras = read(f"{docs}/{pid}.html")
        assert head == title, (pid, head, title)
        text = "\n\n".join(paras)
        m = DATE.search(text)
        date = f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02}-{int(m.group(1)):02}" if m else None
        out.append({
            "id": f"{event}-{pid}",
            "event": event,
            "split": "heldout",
            "lang": "fr",
            "date": date,
            "kind": kind,
            "url": "https://fr.wikinews.org/wiki/" + title.replace(" ", "_"),
            "page_id": int(pid),
            "licence": "CC BY 2.5",
            "text": title + "\n\n" + text + "\n",
        })
    out.sort(key=lambda a: (a["date"] or "", a["id"]))
    write_set("tests/eval/clusters/twins_fr.json", SOURCE, out)


if __name__ == "__main__":
    main(sys.argv[1])
