"""storydiff over a corpus on Dask: analyze, block, compare per block, stitch, write Parquet.

On this machine (a local Dask cluster, one single-threaded worker process per core), on a
corpus it makes itself (see corpus.py: recombined from the repository's real texts, not
news):

    python python/examples/dask_pipeline.py --articles 100000 --out /tmp/storydiff-run

On a real cluster, unchanged: install the storydiff wheel (and dask, pyarrow, pandas) on
every worker, put the corpus in shared storage as Parquet with columns id, text and
optionally date, title, url, and give the scheduler and the paths:

    python dask_pipeline.py --scheduler tcp://scheduler:8786 \\
        --input s3://bucket/corpus/ --out s3://bucket/storydiff/

Writes under --out: articles/ (id, report, keys, analysis), pairs/ (the related pairs of every
block), clusters.parquet (each article's story, event and topic cluster), summary.json
(times, sizes, peak memory, and the blocking recall where the corpus has a story column).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path


class PeakMemory:
    """Samples the resident memory of this process and all its children (the workers)."""

    def __init__(self, every: float = 0.25):
        import psutil

        self.me, self.every, self.peak = psutil.Process(), every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            for p in [self.me, *self.me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def blocking_recall(corpus, members, clusters) -> dict:
    """Against the corpus's ``story`` column: the share of same-story pairs that share a
    block, and the pairwise precision and recall of the story and event clusters."""
    from collections import Counter
    from itertools import combinations

    story = dict(zip(corpus["id"], corpus["story"]))
    truth = Counter(story.values())
    truth_pairs = sum(n * (n - 1) // 2 for n in truth.values())
    shared = set()
    for _, ids in members.groupby("block")["id"]:
        for a, b in combinations(sorted(ids), 2):
            if story[a] == story[b]:
                shared.add((a, b))
    out = {"truth_pairs": truth_pairs,
           "truth_pairs_in_a_block": len(shared),
           "block_recall": round(len(shared) / truth_pairs, 4) if truth_pairs else None}
    for grain in ["story", "event"]:
        found = tp = 0
        for _, ids in clusters.groupby(grain)["id"]:
            ids = sorted(ids)
            found += len(ids) * (len(ids) - 1) // 2
            tp += sum(1 for a, b in combinations(ids, 2) if story[a] == story[b])
        out[f"{grain}_clusters_pairs"] = found
        out[f"{grain}_clusters_precision"] = round(tp / found, 4) if found else None
        out[f"{grain}_clusters_recall"] = round(tp / truth_pairs, 4) if truth_pairs else None
    return out


def run(args) -> dict:
    import dask.dataframe as dd
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    import storydiff
    from storydiff import pipeline

    out = args.out.rstrip("/")
    local = "://" not in out
    if local:
        Path(out).mkdir(parents=True, exist_ok=True)
    times = {}
    t = time.perf_counter()

    def lap(name):
        nonlocal t
        now = time.perf_counter()
        times[name] = round(now - t, 1)
        print(f"  {name}: {times[name]} s", flush=True)
        t = now

    if args.input:
        corpus_path = args.input
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import corpus

        corpus_path = f"{out}/corpus.parquet"
        # One row group per partition of the analysis.
        corpus.generate(args.articles, args.seed, storydiff).to_parquet(
            corpus_path, index=False, row_group_size=args.rows_per_partition)
        lap("make the corpus")

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        workers = args.workers or os.cpu_count()
        client = Client(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address=None))
    lap("start the cluster")

    articles = dd.read_parquet(corpus_path, split_row_groups=True)
    fields = [c for c in ["id", "text", "date", "title", "url"] if c in articles.columns]
    articles = articles[fields]

    def analyses():
        """Articles the workers have analyzed so far (each worker counts its own)."""
        return sum(client.run(pipeline.analyses).values())

    at_start = analyses()
    # 1. Every article on its own, map-side: its report, its blocking keys and the
    # analysis itself, which step 3 compares without analyzing the article again.
    analyzed = articles.map_partitions(pipeline.analyze_partition, meta=pipeline.analyze_meta())
    analyzed.to_parquet(f"{out}/articles", write_index=False)
    lap("analyze + keys (map)")
    mapped = analyses()

    # 2. Blocks: articles sharing a key; oversized keys dropped; same members kept once.
    rows = dd.read_parquet(f"{out}/articles", columns=["id", "keys"]).map_partitions(
        pipeline.key_rows, meta=pipeline.key_rows_meta())
    members = pipeline.blocks(rows, args.max_block).persist()
    members_local = members.compute()
    lap("blocks (group by key)")

    # 3. Each block compared as one batch (as `storydiff compare` would), in parallel.
    packed = dd.read_parquet(f"{out}/articles", columns=["id", "analysis"])
    joined = members.merge(articles.merge(packed, on="id"), on="id")
    joined["group"] = joined["block"]
    pairs = joined.groupby("group").apply(pipeline.compare_block, meta=pipeline.pairs_meta())
    pairs.to_parquet(f"{out}/pairs", write_index=False)
    lap("compare per block")
    compared = analyses()

    # 4. Clusters across blocks, on the driver: only ids and related pairs travel.
    ids = dd.read_parquet(f"{out}/articles", columns=["id"])["id"].compute().tolist()
    related = dd.read_parquet(f"{out}/pairs", columns=["a", "b", "relation", "score"]).compute()
    clusters = pipeline.stitch(ids, related)
    clusters.to_parquet(f"{out}/clusters.parquet", index=False)
    lap("stitch clusters")

    sizes = members_local.groupby("block").size()
    n = len(ids)
    summary = {
        "articles": n,
        "characters": int(dd.read_parquet(corpus_path, columns=["text"])["text"].str.len().sum().compute()),
        "workers": len(client.scheduler_info()["workers"]),
        "max_block": args.max_block,
        "blocks": int(len(sizes)),
        "largest_block": int(sizes.max()) if len(sizes) else 0,
        "mean_block": round(float(sizes.mean()), 2) if len(sizes) else 0,
        "articles_in_a_block": int(members_local["id"].nunique()),
        "block_memberships": int(sizes.sum()),
        # Analyses of an article, summed over the workers: once each map-side, and again
        # in a block only where the block changes its cleaning (without the analyses
        # passed on, once more per block membership).
        "analyses": {"map": mapped - at_start, "blocks": compared - mapped,
                     "per_article": round((compared - at_start) / n, 3) if n else None},
        "pairs_scored": int((sizes * (sizes - 1) // 2).sum()),
        "pairs_scored_if_one_batch": n * (n - 1) // 2,
        "related_pairs": int(len(related)),
        "relations": related["relation"].value_counts().to_dict(),
        "linked_groups_too_large_to_agglomerate": clusters.attrs.get("groups_over_limit"),
        "story_clusters_of_2_or_more": int((clusters.groupby("story").size() > 1).sum()),
        "event_clusters_of_2_or_more": int((clusters.groupby("event").size() > 1).sum()),
        "seconds": times,
    }
    corpus_df = pd.read_parquet(corpus_path)
    if "story" in corpus_df.columns:
        summary["against_the_corpus_stories"] = blocking_recall(corpus_df, members_local, clusters)
    client.close()
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output folder (local path or fsspec URL)")
    ap.add_argument("--input", help="Parquet corpus (id, text, date?, title?, url?); default: make one")
    ap.add_argument("--articles", type=int, default=1000, help="size of the corpus to make")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scheduler", help="address of a running Dask scheduler; default: a local cluster")
    ap.add_argument("--workers", type=int, help="local worker processes (default: one per core)")
    ap.add_argument("--max-block", type=int, default=40, help="drop keys shared by more articles")
    ap.add_argument("--rows-per-partition", type=int, default=2000,
                    help="articles per row group of the corpus it makes (a partition each)")
    args = ap.parse_args()
    memory = PeakMemory()
    t0 = time.perf_counter()
    summary = run(args)
    summary["wall_seconds"] = round(time.perf_counter() - t0, 1)
    summary["peak_memory_mb"] = round(memory.stop() / 2**20)
    print(json.dumps(summary, indent=2))
    if "://" not in args.out:
        Path(args.out, "summary.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
