"""Shared inputs: the repository's seeds and evaluation batch, and the CLI to compare with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "examples"))


def seeds() -> list[dict]:
    """The five real articles of seeds/, with the dates an archive would record."""
    dates = ["2022-03-19", "2022-03-19", "2022-01-06", "2022-01-05", "2021-04-18"]
    files = sorted((ROOT / "seeds").glob("*.txt"))
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "date": d}
            for p, d in zip(files, dates)]


def cluster_batch() -> list[dict]:
    """The clustering evaluation batch (short reports written for storydiff)."""
    batch = json.loads((ROOT / "tests/eval/clusters/batch1.json").read_text(encoding="utf-8"))
    return [{"id": a["id"], "text": a["text"], "date": a["date"]} for a in batch["articles"]]


@pytest.fixture(scope="session")
def cli() -> str:
    """The storydiff CLI: $STORYDIFF_CLI, else target/{release,debug}/storydiff, built if
    missing (cargo build --bin storydiff)."""
    path = os.environ.get("STORYDIFF_CLI")
    if path:
        return path
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ["debug", "release"]:
        p = target / profile / "storydiff"
        if p.exists():
            return str(p)
    subprocess.run(["cargo", "build", "--quiet", "--bin", "storydiff"], cwd=ROOT, check=True)
    return str(target / "debug" / "storydiff")


def run_cli(cli: str, command: str, articles: list[dict]) -> bytes:
    """``storydiff COMMAND --jsonl`` on the articles, as JSON Lines on standard input."""
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    done = subprocess.run([cli, command, "--jsonl"], input=lines.encode("utf-8"),
                          capture_output=True, check=True)
    return done.stdout


@pytest.fixture(scope="session")
def sample():
    """A small sample of the example's corpus (recombined from the repository's texts)."""
    import corpus

    return corpus.generate(120, seed=11)
