#!/usr/bin/env python3
"""Builds tests/eval/clusters/twins_full.json: full-length English Wikinews reports of
events of a recurring kind (storms, earthquakes, crashes, fires, attacks, deaths, votes...).

Usage: python3 scripts/eval/clusters_full_build.py WIKINEWS_2019_CSV WIKINEWS_2020_CSV

The CSVs are data/wikinews_2019.csv and data/wikinews_2020.csv of
https://github.com/vanatteveldt/wikinews at commit 347254178bf343f3801aac1d03c41cc09c35decb (English Wikinews articles,
CC BY 2.5, columns url, date, title, text). tests/eval/clusters/twins_full_events.tsv names,
for each report kept, its kind and its gold event (read by hand: follow-ups of one happening
over days are one event). A report's text is its headline, a blank line, then the article's
text verbatim (its dateline included); its date is the article's publication date.

Each kind goes wholly to the dev or the held-out split (KIND_SPLIT), fixed before any tuning,
so that nothing tuned on one kind of event is scored on it.
"""
import csv, sys

from cluster_sets import write_set

KIND_SPLIT = {
    "storm": "dev", "aircrash": "dev", "stabbing": "dev", "death": "dev",
    "withdrawal": "dev", "sport": "dev", "pandemic": "dev", "software": "dev",
    "earthquake": "heldout", "fire": "heldout", "collapse": "heldout",
    "roadcrash": "heldout", "shooting": "heldout", "bombing": "heldout",
    "vote": "heldout", "interview": "heldout", "government": "heldout",
}
EVENTS = "tests/eval/clusters/twins_full_events.tsv"
SOURCE = ("vanatteveldt/wikinews data/wikinews_2019.csv and data/wikinews_2020.csv @ 347254178bf343f3801aac1d03c41cc09c35decb "
          "(English Wikinews, CC BY 2.5); each report's url is its source")


def main(paths):
    rows = {}
    for p in paths:
        for r in csv.DictReader(open(p, encoding="utf-8")):
            rows[r["title"].strip()] = r
    out, seen = [], {}
    for line in open(EVENTS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, event, title = line.rstrip("\n").split("\t")
        r = rows[title]
        n = seen.get(event, 0)
        seen[event] = n + 1
        out.append({
            "id": f"{event}-{n}",
            "event": event,
            "split": KIND_SPLIT[kind],
            "lang": "en",
            "date": r["date"],
            "kind": kind,
            "url": r["url"].replace("org//wiki", "org/wiki"),
            "licence": "CC BY 2.5",
            "text": title + "\n\n" + r["text"].strip() + "\n",
        })
    out.sort(key=lambda a: (a["date"], a["id"]))
    write_set("tests/eval/clusters/twins_full.json", SOURCE, out)


if __name__ == "__main__":
    main(sys.argv[1:])
