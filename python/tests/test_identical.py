"""Python, the CLI and the wasm build give the same reports for the same articles.

Against the CLI the JSON text is compared byte for byte. Against the wasm build (dist/pkg,
built by scripts/build) the page's objects are serialized with JSON.stringify, and so are
the CLI's and Python's reports after parsing: the one difference between a JavaScript
object and serde's text is how a whole float is spelled (3.0 / 3).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import storydiff
from conftest import ROOT, cluster_batch, run_cli, seeds

PKG = Path(os.environ.get("STORYDIFF_WASM_PKG", ROOT / "dist" / "pkg"))
HERE = Path(__file__).resolve().parent


def batches(sample):
    corpus = sample[["id", "text", "date", "title"]].head(40).to_dict("records")
    return {
        "seeds": seeds(),
        "seeds undated": [{"id": a["id"], "text": a["text"]} for a in seeds()],
        "cluster batch": cluster_batch(),
        "corpus sample": corpus,
        "one article": [{"id": "x", "text": "Police said 13 people were killed on Thursday.",
                         "date": "2022-01-06", "title": "Thirteen killed"}],
    }


def python_analyze(articles) -> bytes:
    reports = storydiff.analyze_batch(
        [a["text"] for a in articles], ids=[a["id"] for a in articles],
        dates=[a.get("date") for a in articles], titles=[a.get("title") for a in articles])
    return "".join(r + "\n" for r in reports).encode("utf-8")


def python_compare(articles) -> bytes:
    return (storydiff.compare_json(articles) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def all_batches(sample):
    return batches(sample)


@pytest.mark.parametrize("name", ["seeds", "seeds undated", "cluster batch", "corpus sample", "one article"])
def test_analyze_is_byte_identical_to_the_cli(cli, all_batches, name):
    articles = all_batches[name]
    assert python_analyze(articles) == run_cli(cli, "analyze", articles)


@pytest.mark.parametrize("name", ["seeds", "seeds undated", "cluster batch", "corpus sample"])
def test_compare_is_byte_identical_to_the_cli(cli, all_batches, name):
    articles = all_batches[name]
    assert python_compare(articles) == run_cli(cli, "compare", articles)


def test_one_article_is_the_cli_on_that_article(cli):
    a = seeds()[1]
    line = run_cli(cli, "analyze", [{"id": "article", "text": a["text"], "date": a["date"]}])
    assert (storydiff.analyze_json(a["text"], a["date"]) + "\n").encode() == line
    assert storydiff.analyze(a["text"], a["date"]) == json.loads(line)


def test_each_block_of_the_pipeline_is_the_cli_on_that_block(cli, sample):
    from storydiff import pipeline

    # The pipeline's way: each block compared from the articles' own analyses.
    analyzed = storydiff.analyze_table(sample, analyses=True)
    members = pipeline.blocks(pipeline.key_rows(analyzed))
    blocks = members.merge(sample, on="id").merge(analyzed[["id", "analysis"]], on="id")
    checked = 0
    for block, frame in blocks.groupby("block"):
        frame = frame.sort_values("id")
        rows = frame[["id", "text", "date", "title"]].to_dict("records")
        want = json.loads(run_cli(cli, "compare", rows))
        got = pipeline.compare_block(frame)
        related = [p for p in want["pairs"] if p["relation"] != "unrelated"]
        assert got["pair"].map(json.loads).tolist() == related
        checked += 1
        if checked == 8:
            break
    assert checked == 8


def node_lines(args, stdin: str) -> list[str]:
    done = subprocess.run(["node", str(HERE / "wasm_reports.mjs"), *args], input=stdin.encode("utf-8"),
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8").splitlines()


@pytest.mark.skipif(not (PKG / "storydiff_bg.wasm").exists() or shutil.which("node") is None,
                    reason="needs node and the wasm build in dist/pkg (bash scripts/build)")
@pytest.mark.parametrize("name", ["seeds", "cluster batch", "corpus sample"])
def test_wasm_gives_the_same_reports(cli, all_batches, name):
    articles = all_batches[name]
    jsonl = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    canon = lambda text: node_lines(["canon"], text)  # noqa: E731
    wasm_analyze = node_lines(["analyze", str(PKG)], jsonl)
    assert canon(python_analyze(articles).decode()) == wasm_analyze
    assert canon(run_cli(cli, "analyze", articles).decode()) == wasm_analyze
    wasm_compare = node_lines(["compare", str(PKG)], jsonl)
    assert canon(python_compare(articles).decode()) == wasm_compare
