"""The corpus pipeline: keys, blocks, per-block comparison, stitching, and the Dask example."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations

import pandas as pd
import pytest

import storydiff
from storydiff import pipeline
from conftest import ROOT, cluster_batch, seeds


@pytest.fixture(scope="module")
def analyzed(sample):
    return pipeline.analyze_partition(sample)


@pytest.fixture(scope="module")
def members(analyzed):
    return pipeline.blocks(pipeline.key_rows(analyzed), max_block=12)


def test_keys_depend_on_the_article_alone(sample, analyzed):
    again = pipeline.analyze_partition(sample.iloc[::-1])
    assert dict(zip(again["id"], again["keys"])) == dict(zip(analyzed["id"], analyzed["keys"]))
    assert dict(zip(again["id"], again["report"])) == dict(zip(analyzed["id"], analyzed["report"]))


def test_blocks_are_small_distinct_and_not_nested(members):
    groups = {b: frozenset(g) for b, g in members.groupby("block")["id"]}
    assert groups, "no blocks"
    assert all(2 <= len(g) <= 12 for g in groups.values())
    assert len(set(groups.values())) == len(groups)
    for a, b in combinations(groups.values(), 2):
        assert not a < b and not b < a


def test_blocks_on_dask_are_the_blocks_on_pandas(analyzed, members):
    dask = pytest.importorskip("dask")
    import dask.dataframe as dd

    rows = dd.from_pandas(analyzed[["id", "keys"]], npartitions=3).map_partitions(
        pipeline.key_rows, meta=pipeline.key_rows_meta())
    with dask.config.set(scheduler="synchronous"):
        got = pipeline.blocks(rows, max_block=12).compute()
    as_set = lambda m: {(b, i) for b, i in zip(m["block"], m["id"])}  # noqa: E731
    assert as_set(got) == as_set(members)


def test_oversized_keys_make_no_block():
    rows = pd.DataFrame({"id": [f"a{i}" for i in range(5)], "keys": [["big", f"k{i // 2}"] for i in range(5)]})
    m = pipeline.blocks(pipeline.key_rows(rows), max_block=4)
    assert sorted(map(sorted, (g for _, g in m.groupby("block")["id"]))) == [["a0", "a1"], ["a2", "a3"]]
    m = pipeline.blocks(pipeline.key_rows(rows), max_block=5)
    assert sorted(map(sorted, (g for _, g in m.groupby("block")["id"]))) == [["a0", "a1", "a2", "a3", "a4"]]


@pytest.mark.parametrize("articles", [seeds(), cluster_batch()], ids=["seeds", "cluster batch"])
def test_one_block_stitches_to_the_batch_clusters(articles):
    frame = pd.DataFrame(articles).assign(block="all")
    pairs = pipeline.compare_block(frame)
    report = storydiff.compare(articles)
    clusters = pipeline.stitch(sorted(a["id"] for a in articles), pairs)
    for grain in ["story", "event", "topic"]:
        got = sorted(sorted(g) for _, g in clusters.groupby(grain)["id"])
        assert got == sorted(sorted(c) for c in report["clusters"][grain]), grain


def test_blocking_keeps_the_pairs_one_batch_finds_related(sample, members):
    # The whole sample as one batch: the pairs the core calls the same story or event.
    report = storydiff.compare(sample[["id", "text", "date", "title"]])
    close = {(p["a"], p["b"]) for p in report["pairs"] if p["relation"] in ("same-story", "same-event")}
    shared = set()
    for _, ids in members.groupby("block")["id"]:
        shared |= {tuple(sorted(p)) for p in combinations(ids, 2)}
    found = {tuple(sorted(p)) for p in close} & shared
    recall = len(found) / len(close)
    print(f"{len(close)} close pairs in one batch, {len(found)} share a block ({recall:.3f})")
    assert len(close) >= 30
    assert recall >= 0.85, recall


def test_blocks_compared_from_the_analyses_analyze_only_what_a_block_changes(sample, analyzed):
    """Counted, not timed: each block compared from step 1's analyses gives the pairs of
    analyzing the block whole, and analyzes again only the articles whose cleaning the
    block changes (a short line recurring across it); without the analyses every article
    of every block is analyzed again."""
    members = pipeline.blocks(pipeline.key_rows(analyzed))
    frames = [f for _, f in members.merge(sample, on="id").merge(
        analyzed[["id", "analysis"]], on="id").groupby("block")]
    start = pipeline.analyses()
    reused = [pipeline.compare_block(f) for f in frames]
    again = pipeline.analyses() - start
    whole = [pipeline.compare_block(f.drop(columns="analysis")) for f in frames]
    every = pipeline.analyses() - start - again
    print(f"{len(sample)} articles, {len(members)} block memberships: blocks analyzed "
          f"{every} articles from their texts, {again} from the analyses")
    assert every == len(members)
    assert again < len(members) / 3
    assert sum(len(p) for p in whole) > 0
    for got, want in zip(reused, whole):
        assert got["pair"].tolist() == want["pair"].tolist()


def test_an_analysis_from_elsewhere_is_refused_with_what_to_do(sample, analyzed):
    frame = sample.head(2).merge(analyzed[["id", "analysis"]], on="id").assign(block="b")
    frame.loc[frame.index[0], "analysis"] = b"not an analysis"
    with pytest.raises(ValueError, match="analyze the article again"):
        pipeline.compare_block(frame)


def test_the_dask_example_runs_on_a_local_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "run"
    done = subprocess.run(
        [sys.executable, str(ROOT / "python/examples/dask_pipeline.py"), "--articles", "80",
         "--rows-per-partition", "20", "--workers", "2", "--out", str(out)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == 80 and summary["workers"] == 2
    assert 0 < summary["largest_block"] <= summary["max_block"]
    # Against the generator's stories (some versions are too short to block at all).
    assert summary["against_the_corpus_stories"]["block_recall"] >= 0.6
    articles = pd.read_parquet(out / "articles")
    assert sorted(articles.columns) == ["analysis", "id", "keys", "report"] and len(articles) == 80
    assert json.loads(articles["report"].iloc[0])["schema_version"] == storydiff.SCHEMA_VERSION
    clusters = pd.read_parquet(out / "clusters.parquet")
    assert sorted(clusters["id"]) == sorted(articles["id"])
    pairs = pd.read_parquet(out / "pairs")
    assert set(pairs["relation"]) <= {"same-topic", "same-event", "same-story"}
    # Each article analyzed once map-side; in the blocks, only where a block changes its cleaning.
    assert summary["analyses"]["map"] == 80
    assert summary["analyses"]["blocks"] < summary["block_memberships"] / 2, summary["analyses"]
