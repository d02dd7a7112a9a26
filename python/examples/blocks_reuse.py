"""The pipeline's block stage with and without step 1's analyses, in one process.

    python python/examples/blocks_reuse.py --articles 4000

Makes the example corpus (corpus.py), runs step 1 (``analyze_partition``: reports, keys
and analyses) and step 2 (``blocks``), then compares every block twice, alternating block
by block so that load from elsewhere falls on both alike: from the texts (every article
of every block analyzed again, as the pipeline did before it passed analyses on) and from
the analyses (only the articles whose cleaning a block changes are analyzed again).
Counts the articles analyzed (``pipeline.analyses()``, a counter, not a clock) and the
CPU time of this process for each, checks that both give the same pairs, and prints the
totals and their ratios, step 1 included.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-block", type=int, default=40)
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus
    import storydiff
    from storydiff import pipeline

    df = corpus.generate(args.articles, args.seed, storydiff)[["id", "text", "date", "title"]]
    count, clock = pipeline.analyses(), time.process_time()
    analyzed = pipeline.analyze_partition(df)
    step1 = {"analyses": pipeline.analyses() - count, "cpu": time.process_time() - clock}
    members = pipeline.blocks(pipeline.key_rows(analyzed), args.max_block)
    joined = members.merge(df, on="id").merge(analyzed[["id", "analysis"]], on="id")
    ways = {"from the texts": {"analyses": 0, "cpu": 0.0},
            "from the analyses": {"analyses": 0, "cpu": 0.0}}
    for _, frame in joined.groupby("block"):
        got = {}
        for way, f in [("from the texts", frame.drop(columns="analysis")), ("from the analyses", frame)]:
            count, clock = pipeline.analyses(), time.process_time()
            got[way] = pipeline.compare_block(f)["pair"].tolist()
            ways[way]["cpu"] += time.process_time() - clock
            ways[way]["analyses"] += pipeline.analyses() - count
        assert got["from the texts"] == got["from the analyses"], "the two ways disagree"
    n = len(df)
    print(f"{n} articles, {len(members)} block memberships in {members['block'].nunique()} blocks; "
          f"the same pairs both ways")
    print(f"  step 1 (analyze + keys + analyses): {step1['analyses']} analyses, {step1['cpu']:.1f} s CPU")
    for way, w in ways.items():
        total = step1["analyses"] + w["analyses"]
        print(f"  blocks {way:18}: {w['analyses']:6} analyses, {w['cpu']:7.1f} s CPU; "
              f"all steps {total / n:.2f} analyses per article, {step1['cpu'] + w['cpu']:.1f} s CPU")
    old, new = ways["from the texts"], ways["from the analyses"]
    print(f"  from the analyses / from the texts: block stage CPU {new['cpu'] / old['cpu']:.2f}, "
          f"steps 1 + 3 CPU {(step1['cpu'] + new['cpu']) / (step1['cpu'] + old['cpu']):.2f}")


if __name__ == "__main__":
    main()
