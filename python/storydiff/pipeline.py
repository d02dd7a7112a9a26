"""A corpus too big for one batch: analyze map-side, block, compare per block, stitch.

:func:`storydiff.compare` holds its whole batch in one process (every article analyzed,
names linked across all of them, pairs scored), so a corpus of millions is never one batch.
The pipeline, each step a function of pandas DataFrames that an engine maps over partitions
or groups (Dask ``map_partitions`` / ``groupby().apply``, Spark
``mapInPandas`` / ``applyInPandas``, Ray ``map_batches``):

1. :func:`analyze_partition`: every article on its own (so results never depend on the
   partitioning), its JSON report, its blocking keys (rare names with the event's
   fortnight, pairs of names, MinHash bands of rare words; see ``compare::blocking`` in
   the Rust core) and the analysis itself, as bytes, for step 3.
2. :func:`key_rows` then :func:`blocks`: articles that share a key form a block; keys
   whose block is larger than ``max_block`` are dropped (they name what too many
   articles share to tell an event), and blocks with the same members are kept once.
   Works on pandas and Dask DataFrames alike.
3. :func:`compare_block`: each block compared as one batch, exactly as
   ``storydiff compare`` compares those articles; the related pairs come back. Given
   step 1's analyses, an article is analyzed again only where the block changes its
   cleaning (a short line recurring across the block is set aside as furniture), so
   the corpus is analyzed about once, not once per block an article is in
   (:func:`analyses` counts).
4. :func:`stitch`: the pairs of all blocks joined into corpus-wide story, event and topic
   clusters (a pair compared in two blocks counts with its stronger relation; a pair
   that shares no block counts as unrelated).
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from . import _storydiff
from ._api import _records, analyze_table

#: Largest block compared. A block of n articles costs n(n-1)/2 pair scores (and n analyses
#: when the articles come without theirs).
MAX_BLOCK = 40

#: The columns :func:`compare_block` returns, in order.
PAIR_COLUMNS = [
    "block",
    "a",
    "b",
    "relation",
    "score",
    "words",
    "entities",
    "events",
    "dates",
    "numbers",
    "coverage",
    "pair",
]


def analyze_partition(frame, *, analyses: bool = True):
    """Columns ``id``, ``text`` and optionally ``date``, ``title``, ``url`` in; ``id``,
    ``report`` (JSON text), ``keys`` (the blocking keys, one string, separated by
    newlines, which no key holds: plain strings travel and store everywhere) and, with
    ``analyses``, ``analysis`` (bytes: what :func:`compare_block` compares without
    analyzing again; read back only by the same version of storydiff) out. Each
    article on its own."""
    out = analyze_table(frame, keys=True, analyses=analyses)
    out["keys"] = ["\n".join(k) for k in out["keys"]]
    if analyses:
        out["analysis"] = out["analysis"].astype(_bytes_dtype())
    return out


def _bytes_dtype():
    """Arrow's binary type in pandas, where pyarrow is installed (what Dask and Parquet
    keep as bytes; an object column Dask would take for strings), else ``object``."""
    import pandas as pd

    try:
        import pyarrow as pa
    except ImportError:
        return "object"
    return pd.ArrowDtype(pa.large_binary())


def analyze_meta(*, analyses: bool = True):
    """The empty frame :func:`analyze_partition` returns (Dask's ``meta``)."""
    import pandas as pd

    columns = {"id": pd.Series([], dtype="str"),
               "report": pd.Series([], dtype="str"),
               "keys": pd.Series([], dtype="str")}
    if analyses:
        columns["analysis"] = pd.Series([], dtype=_bytes_dtype())
    return pd.DataFrame(columns)


def analyses() -> int:
    """How many articles this process has analyzed so far: each article of each call
    that analyzes counts once (:func:`compare_block` counts only those it analyzed
    again). On a cluster, sum it over the workers (Dask: ``client.run(analyses)``)."""
    return _storydiff.analyses()


def _hash(s: str, salt: bytes) -> int:
    # 31 bits, so that sums over a block never overflow an int64.
    return zlib.crc32(salt + s.encode("utf-8")) & 0x7FFFFFFF


def key_rows(analyzed):
    """One row ``(key, id, h1, h2)`` per key of each article (``h1``, ``h2``: two hashes
    of the id, whose sums over a block identify its members). ``keys`` may be lists or
    :func:`analyze_partition`'s newline-separated strings."""
    import pandas as pd

    rows = analyzed[["id", "keys"]].copy()
    rows["keys"] = [k.split("\n") if isinstance(k, str) else list(k) for k in rows["keys"]]
    rows = rows.explode("keys")
    rows = rows[rows["keys"].notna() & (rows["keys"] != "")]
    rows = rows.rename(columns={"keys": "key"})[["key", "id"]]
    ids = rows["id"].astype(object)
    return pd.DataFrame(
        {
            "key": pd.Series(rows["key"].to_numpy(), dtype="str"),
            "id": pd.Series(ids.to_numpy(), dtype="str"),
            "h1": ids.map(lambda s: _hash(s, b"1")).to_numpy(dtype="int64"),
            "h2": ids.map(lambda s: _hash(s, b"2")).to_numpy(dtype="int64"),
        }
    )


def key_rows_meta():
    import pandas as pd

    return pd.DataFrame({"key": pd.Series([], dtype="str"), "id": pd.Series([], dtype="str"),
                         "h1": pd.Series([], dtype="int64"), "h2": pd.Series([], dtype="int64")})


def _step(frame):
    """A Dask frame computed and kept in the workers' memory (a pandas frame as it is):
    each step of :func:`blocks` starts from data, not from the plan of the ones before,
    which keeps Dask's planner to small graphs."""
    return frame.persist() if hasattr(frame, "persist") else frame


def blocks(rows, max_block: int = MAX_BLOCK):
    """Blocks from :func:`key_rows` output (a pandas or Dask DataFrame): rows
    ``(block, id)``. Keys shared by fewer than two or more than ``max_block`` articles
    make no block; keys shared by the same articles make one block, named after its
    members (their count and two sums of hashes); a block inside a larger one is
    dropped (its pairs are compared there)."""
    sig = rows.groupby("key").agg({"id": "count", "h1": "sum", "h2": "sum"})
    sig = sig.rename(columns={"id": "n"})
    sig = sig[(sig["n"] >= 2) & (sig["n"] <= max_block)]
    sig = sig.assign(
        block=sig["n"].astype(str) + "-" + sig["h1"].astype(str) + "-" + sig["h2"].astype(str)
    )
    sig = _step(sig[["block"]].reset_index())
    members = _step(rows[["key", "id"]].merge(sig, on="key")[["block", "id"]].drop_duplicates())
    # A block whose members all belong to a larger block adds no pair: drop it.
    size = _step(members.groupby("block")["id"].count().rename("n").reset_index())
    both = members.merge(members.rename(columns={"block": "other"}), on="id")
    both = both[both["block"] != both["other"]]
    shared = _step(both.groupby(["block", "other"])["id"].count().rename("shared").reset_index())
    shared = shared.merge(size, on="block")
    inside = _step(shared[shared["shared"] == shared["n"]][["block"]].drop_duplicates())
    inside = inside.assign(inside=True)
    members = members.merge(inside, on="block", how="left")
    return members[members["inside"].isna()][["block", "id"]]


def compare_block(frame) -> Any:
    """One block (columns ``block``, ``id``, ``text`` and optionally ``date``, ``title``,
    ``url`` and :func:`analyze_partition`'s ``analysis``) compared as one batch; returns
    its related pairs (same topic or closer), one row each (:data:`PAIR_COLUMNS`;
    ``pair``: the pair's JSON as the report has it). The same pairs with or without the
    analyses; with them, only the articles whose cleaning the block changes are analyzed
    again."""
    import pandas as pd

    if len(frame) < 2:
        return pd.DataFrame({c: [] for c in PAIR_COLUMNS})
    frame = frame.sort_values("id")
    block = frame["block"].iloc[0]
    if "analysis" in frame.columns:
        packed = [bytes(a) for a in frame["analysis"]]
        text, _ = _storydiff.compare_analyzed(_records(frame), packed)
    else:
        text = _storydiff.compare_json(_records(frame))
    report = json.loads(text)
    rows = []
    for p in report["pairs"]:
        if p["relation"] == "unrelated":
            continue
        e = p["evidence"]
        rows.append(
            [block, p["a"], p["b"], p["relation"], p["score"], e["words"], e["entities"],
             e["events"], e["dates"], e["numbers"], e["coverage"],
             json.dumps(p, ensure_ascii=False, separators=(",", ":"))]
        )
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def pairs_meta():
    import pandas as pd

    types = {"score": "float64", "words": "float64", "entities": "float64", "events": "float64",
             "dates": "float64", "numbers": "float64", "coverage": "float64"}
    return pd.DataFrame({c: pd.Series([], dtype=types.get(c, "str")) for c in PAIR_COLUMNS})


def stitch(ids, pairs):
    """Corpus-wide clusters: ``ids`` (every article's id) and the related ``pairs`` of all
    blocks (columns ``a``, ``b``, ``relation``, ``score``) in; one row per article out,
    ``id``, ``story``, ``event``, ``topic``, each cluster named by its first article's id.

    Linked groups of more than 500 articles are not agglomerated (the work grows with the
    cube of a group): at the event grain such a group keeps its story clusters as events,
    at the topic grain its event clusters as topics. ``frame.attrs["groups_over_limit"]``
    says how many there were."""
    import pandas as pd

    ids = list(ids)
    number = {i: n for n, i in enumerate(ids)}
    if len(number) != len(ids):
        raise ValueError("two articles share an id; give each article its own id")
    a = [number[x] for x in pairs["a"]]
    b = [number[x] for x in pairs["b"]]
    story, event, topic, over = _storydiff.stitch(
        len(ids), a, b, [str(r) for r in pairs["relation"]], [float(s) for s in pairs["score"]]
    )
    out = pd.DataFrame(
        {
            "id": ids,
            "story": [ids[i] for i in story],
            "event": [ids[i] for i in event],
            "topic": [ids[i] for i in topic],
        }
    )
    out.attrs["groups_over_limit"] = over
    return out
