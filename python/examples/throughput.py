"""Throughput per core: the Python package against the native CLI on the same articles.

    cargo build --release --bin storydiff
    python python/examples/throughput.py --cli target/release/storydiff --articles 2000

Both run in this one process's core, one batch at a time, alternating batch by batch so
that load from elsewhere on the machine falls on both alike: the CLI as
``storydiff analyze --jsonl --threads 1`` on the batch's JSON Lines (spawn, read, analyze,
write; one thread, as one core), the
package as ``analyze_batch`` on the same columns (the same work: one batch, the same
reports), and as the pipeline's ``analyze_table`` (each article on its own, with its
blocking keys). Prints characters per second for each and the ratios.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", required=True, help="the storydiff binary (a release build)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=100, help="articles per batch")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus
    import storydiff

    df = corpus.generate(args.articles, args.seed, storydiff)[["id", "text", "date", "title"]]
    batches = [df.iloc[i : i + args.batch] for i in range(0, len(df), args.batch)]
    chars = int(df["text"].str.len().sum())
    took = {"cli": 0.0, "analyze_batch": 0.0, "analyze_table": 0.0}
    for b in batches:
        jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in b.to_dict("records"))
        t = time.perf_counter()
        subprocess.run([args.cli, "analyze", "--jsonl", "--threads", "1"], input=jsonl.encode("utf-8"),
                       stdout=subprocess.DEVNULL, check=True)
        took["cli"] += time.perf_counter() - t
        t = time.perf_counter()
        storydiff.analyze_batch(b["text"], ids=b["id"], dates=b["date"], titles=b["title"])
        took["analyze_batch"] += time.perf_counter() - t
        t = time.perf_counter()
        storydiff.analyze_table(b)
        took["analyze_table"] += time.perf_counter() - t
    rate = {k: chars / v for k, v in took.items()}
    print(f"{len(df)} articles, {chars / 1e6:.2f} M characters, batches of {args.batch}")
    for k, v in rate.items():
        print(f"  {k:14} {v / 1e6:.3f} M chars/s  ({took[k]:.1f} s)  {v / rate['cli']:.2f} x the CLI")


if __name__ == "__main__":
    main()
