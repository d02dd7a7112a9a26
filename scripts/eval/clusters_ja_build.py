#!/usr/bin/env python3
"""Builds tests/eval/clusters/twins_ja.json: full-length Japanese Wikinews reports of
typhoons (dev) and earthquakes (held out), for event clustering.

Usage: python3 scripts/eval/clusters_ja_build.py ORIGIN_TSV

ORIGIN_TSV is `full-articles/origin.tsv.gz` of https://github.com/tm4roon/jawikinews-headline-dataset
(commit cfdf15830a6bd3f734cd4bdac3b7692e23825988), unzipped: 3,669 Japanese Wikinews articles
(columns id, article, headline), the words separated by spaces (MeCab, as that dataset gives
them). Japanese Wikinews text is CC BY 2.5.

A report's text is its headline, a blank line, then the article as the dataset gives it (MeCab's
spaces kept, so that the TF-IDF baseline sees words), cut where the page's list of related news
("2016 年 8 月 16 日 ( 火 ) : ...") or its list of sources ("『title』。 publisher 、 date 。")
begins: those are page furniture, and the related-news list is the same on every typhoon page.
A report's date is its first source's date (the day the article was written), when it has one.
tests/eval/clusters/twins_ja_events.tsv names each report's kind and gold event, read by hand.

Each kind goes wholly to one split, fixed before anything was scored: typhoons (2005 and 2006)
dev, earthquakes (2005-2018) held out. Headlines that name two typhoons are left out.
"""
import re, sys

from cluster_sets import write_set

EVENTS = "tests/eval/clusters/twins_ja_events.tsv"
KIND_SPLIT = {"typhoon": "dev", "earthquake": "heldout"}
SOURCE = ("tm4roon/jawikinews-headline-dataset full-articles/origin.tsv.gz @ "
          "cfdf15830a6bd3f734cd4bdac3b7692e23825988 (Japanese Wikinews, CC BY 2.5); each report's "
          "url is its Japanese Wikinews page, by headline")
RELATED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\([月火水木金土日]\):")
SOURCES = re.compile(r"『[^』]{1,120}』。[^。『]{1,40}、(\d{4})年(\d{1,2})月(\d{1,2})日。")


def joined(s):
    """`s` without the spaces that touch a non-ASCII character, and for each character kept
    its index in `s`."""
    keep = [i for i, c in enumerate(s)
            if not (c == " " and ((i > 0 and ord(s[i - 1]) > 127)
                                  or (i + 1 < len(s) and ord(s[i + 1]) > 127)))]
    return "".join(s[i] for i in keep), keep


def main(origin, events=EVENTS, kind_split=KIND_SPLIT, out_path="tests/eval/clusters/twins_ja.json",
         sources=SOURCES):
    """Writes `out_path` from the reports that `events` names, each kind to its split; `sources`
    finds the first entry of a page's list of sources."""
    rows = {}
    for line in open(origin, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        rows[f[0]] = f
    out = []
    for line in open(events, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rid, kind, event, title = line.rstrip("\n").split("\t")
        _, article, headline = rows[rid]
        head, _ = joined(headline)
        assert head == title, (rid, head, title)
        flat, index = joined(article)
        ends = [m.start() for m in (RELATED.search(flat), sources.search(flat)) if m]
        body = article[: index[min(ends)]] if ends else article
        m = sources.search(flat)
        date = f"{m.group(1)}-{int(m.group(2)):02}-{int(m.group(3)):02}" if m else None
        out.append({
            "id": f"{event}-{rid}",
            "event": event,
            "split": kind_split[kind],
            "lang": "ja",
            "date": date,
            "kind": kind,
            "url": "https://ja.wikinews.org/wiki/" + title.replace(" ", "_"),
            "dataset_id": int(rid),
            "licence": "CC BY 2.5",
            "text": headline.strip() + "\n\n" + body.strip() + "\n",
        })
    out.sort(key=lambda a: (a["date"] or "", a["id"]))
    write_set(out_path, SOURCE, out)


if __name__ == "__main__":
    main(sys.argv[1])
