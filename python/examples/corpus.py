"""A large corpus of varied articles, recombined from the real texts in this repository.

Nothing here is news. The sentences come from the repository's own texts: the five real
articles in ``seeds/`` and the texts written for storydiff's evaluation under ``tests/``
(cluster reports, quote documents, timex challenge documents, entity and quantity
sentences, the HTML corpus's expected texts); evaluation texts that name Kazakhstan,
Belarus, Russia, Kyrgyzstan or Uzbekistan are left out, as are the timex development
and test parts (paraphrases of the seeds' events). From them the generator makes
*stories*: a template document whose names are swapped for other names of the same kind
found in those texts, with a publication day drawn between 2015 and 2024. Each story is
published in one to six *versions* (half the stories add the sentences of a second
document as background): sentences dropped, a sentence of another story
added, a day later. So versions of a story are rewrites of one report (and the truth for
the blocking measure), while different stories may share template sentences with other
names and days, as real reports of similar events do.

    python corpus.py --articles 100000 --out corpus.parquet

Columns: ``id``, ``text``, ``date``, ``title``, ``story`` (the story the article is a
version of). Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Evaluation texts that name these are not used (the seeds are: they are the repository's
# own real articles).
EXCLUDED = re.compile(
    r"kazakh|belarus|russia|kyrgyz|uzbek|kremlin|putin|moscow|minsk|bishkek|tashkent|"
    r"almaty|astana|nur-sultan|lukashenk|tokayev|wagner|rostov|navalny|soviet",
    re.IGNORECASE,
)


def _strip_marks(line: str) -> str:
    return re.sub(r"\[(?:PERSON|ORG|PLACE) ([^\]]*)\]", r"\1", line)


def sources() -> list[dict]:
    """The template documents: ``{"source", "text", "title"?}``."""
    docs = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        docs.append({"source": f"seeds/{p.name}", "text": p.read_text(encoding="utf-8")})
    other = []
    batch = json.loads((ROOT / "tests/eval/clusters/batch1.json").read_text(encoding="utf-8"))
    for a in batch["articles"]:
        other.append({"source": f"tests/eval/clusters/batch1.json#{a['id']}", "text": a["text"]})
    for p in sorted((ROOT / "tests/eval/quotes").glob("*.json")):
        for d in json.loads(p.read_text(encoding="utf-8"))["docs"]:
            other.append({"source": f"tests/eval/quotes/{p.name}#{d['id']}", "text": d["text"]})
    for name in ["challenge.jsonl", "challenge2.jsonl"]:
        for line in (ROOT / "tests/eval/timex" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                other.append({"source": f"tests/eval/timex/{name}#{d['id']}", "text": d["text"]})
    for p in sorted((ROOT / "tests/corpus/html").glob("*.txt")):
        other.append({"source": f"tests/corpus/html/{p.name}", "text": p.read_text(encoding="utf-8")})
    # Single sentences, five to a document.
    lines = []
    for p in sorted((ROOT / "tests/eval/entities").glob("*.txt")):
        lines += [(f"tests/eval/entities/{p.name}", _strip_marks(l))
                  for l in p.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    q = json.loads((ROOT / "tests/eval/quantities/sentences.json").read_text(encoding="utf-8"))
    lines += [("tests/eval/quantities/sentences.json", c["text"]) for c in q["cases"] if c.get("lang") == "en"]
    lines = [(s, l) for s, l in lines if not EXCLUDED.search(l)]
    for i in range(0, len(lines), 5):
        chunk = lines[i : i + 5]
        other.append({"source": chunk[0][0], "text": " ".join(l for _, l in chunk)})
    docs += [d for d in other if not EXCLUDED.search(d["text"])]
    return docs


class Templates:
    """The sources analyzed once: sentences and name mentions, and the name pools."""

    def __init__(self, storydiff):
        docs = sources()
        reports = storydiff.analyze_batch(
            [d["text"] for d in docs], ids=[str(i) for i in range(len(docs))], together=False
        )
        self.docs = []
        self.names = {"PERSON": set(), "ORG": set(), "PLACE": set()}
        for d, r in zip(docs, reports):
            r = json.loads(r)
            text = d["text"]
            cps = list(text)  # offsets are code points
            sentences = [(s["start"], s["end"]) for s in r["sentences"]]
            mentions = sorted((e["start"], e["end"], e["label"], e["entity"]) for e in r["entities"])
            for _, _, label, name in mentions:
                if not EXCLUDED.search(name):
                    self.names[label].add(name)
            self.docs.append({"source": d["source"], "cps": cps, "sentences": sentences,
                              "mentions": mentions, "title": r.get("title")})
        self.names = {k: sorted(v) for k, v in self.names.items()}
        self.docs = [d for d in self.docs if len(d["sentences"]) >= 2]

    def sentences(self, doc: dict, mapping: dict) -> list[str]:
        """The document's sentences with each name replaced by ``mapping``'s."""
        out = []
        for s, e in doc["sentences"]:
            parts, at = [], s
            for ms, me, label, name in doc["mentions"]:
                if ms < at or me > e:
                    continue
                new = mapping.get(name)
                if new is None:
                    continue
                surface = "".join(doc["cps"][ms:me])
                if surface != name and len(surface.split()) == 1 and len(new.split()) > 1:
                    new = new.split()[-1]  # "Tokayev" for "Kassym-Jomart Tokayev"
                parts.append("".join(doc["cps"][at:ms]))
                parts.append(new)
                at = me
            parts.append("".join(doc["cps"][at:e]))
            out.append(" ".join("".join(parts).split()))
        return [x for x in out if x]

    def mapping(self, doc: dict, rng: random.Random) -> dict:
        return {name: rng.choice(self.names[label]) for _, _, label, name in doc["mentions"]
                if self.names[label]}


def _version(rng: random.Random, body: list[str], extra: list[str], title: str) -> tuple[str, str]:
    kept = [s for s in body if rng.random() < 0.85] or body[:2]
    if extra and rng.random() < 0.3:
        kept.insert(rng.randrange(1, len(kept) + 1), rng.choice(extra))
    paragraphs, i = [], 0
    while i < len(kept):
        n = rng.choice([1, 2, 3])
        paragraphs.append(" ".join(kept[i : i + n]))
        i += n
    return title, title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(n: int, seed: int = 7, storydiff=None):
    """``n`` articles as a pandas DataFrame (id, text, date, title, story)."""
    import datetime as dt

    import pandas as pd

    if storydiff is None:
        import storydiff
    t = Templates(storydiff)
    rng = random.Random(seed)
    first, days = dt.date(2015, 1, 1), (dt.date(2024, 12, 31) - dt.date(2015, 1, 1)).days
    rows = []
    story = 0
    while len(rows) < n:
        doc = rng.choice(t.docs)
        mapping = t.mapping(doc, rng)
        sentences = t.sentences(doc, mapping)
        if len(sentences) < 2:
            continue
        title = (t.sentences({**doc, "sentences": [doc["sentences"][0]]}, mapping) or sentences)[0]
        if doc["title"] and len(title) > 140:
            title = title[:140].rsplit(" ", 1)[0]
        body = sentences[1:] if len(sentences) > 2 else sentences
        if rng.random() < 0.5:  # background from another document
            other = rng.choice(t.docs)
            body = body + t.sentences(other, t.mapping(other, rng))
        other = rng.choice(t.docs)
        extra = t.sentences(other, t.mapping(other, rng))
        day = first + dt.timedelta(days=rng.randrange(days))
        versions = rng.choices([1, 2, 3, 4, 5, 6], weights=[50, 22, 13, 8, 4, 3])[0]
        for v in range(versions):
            if len(rows) >= n:
                break
            head, text = _version(rng, body, extra, title)
            date = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]) if v else 0)
            rows.append({"id": f"s{story:06d}v{v}", "text": text, "date": date.isoformat(),
                         "title": head, "story": f"s{story:06d}"})
        story += 1
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="a .parquet or .jsonl file")
    args = ap.parse_args()
    df = generate(args.articles, args.seed)
    if args.out.endswith(".jsonl"):
        df.to_json(args.out, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(args.out, index=False)
    print(f"{len(df)} articles, {df['story'].nunique()} stories, "
          f"{df['text'].str.len().sum() / 1e6:.1f} M characters -> {args.out}")


if __name__ == "__main__":
    main()
