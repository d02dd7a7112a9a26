"""Articles and columns in, reports out: the thin layer over ``_storydiff``."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _storydiff

#: The fields an article may have, besides its text (as the CLI's JSON Lines input).
FIELDS = ("id", "text", "date", "title", "url")


def _is_arrow(x: Any) -> bool:
    return type(x).__module__.startswith("pyarrow")


def _is_pandas(x: Any) -> bool:
    return type(x).__module__.startswith("pandas")


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:  # NaN, NaT, pandas.NA
        return bool(v != v)
    except (TypeError, ValueError):
        return False


def _date(v: Any) -> Optional[str]:
    """A date as ``YYYY-MM-DD``: strings pass as given (the core checks them)."""
    if _missing(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, (_dt.date, _dt.datetime)) or hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    raise TypeError(f"date {v!r} is neither a string nor a date; write it as YYYY-MM-DD")


def _strings(values: Any, n: Optional[int], what: str, *, dates: bool = False) -> list:
    """A column (Arrow array, pandas Series, list, or None) as a list of str or None."""
    if values is None:
        if n is None:
            raise TypeError(f"{what} is required")
        return [None] * n
    if _is_arrow(values):
        values = values.to_pylist()
    elif _is_pandas(values):
        values = values.tolist()
    elif isinstance(values, str):
        raise TypeError(f"{what} must be a column (a list, Arrow array or pandas Series), not one string")
    values = list(values)
    if n is not None and len(values) != n:
        raise ValueError(f"{what} has {len(values)} rows but the texts have {n}; give one per article")
    if dates:
        return [_date(v) for v in values]
    out = []
    for v in values:
        if _missing(v):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        else:
            raise TypeError(f"{what} holds {type(v).__name__} {v!r}; it must hold strings")
    return out


def _columns(texts, ids=None, dates=None, titles=None, urls=None):
    texts = _strings(texts, None, "texts")
    n = len(texts)
    for i, t in enumerate(texts):
        if t is None:
            raise ValueError(f"text {i} is missing; every article needs a text")
    ids = _strings(ids, n, "ids") if ids is not None else [str(i) for i in range(n)]
    if any(i is None for i in ids):
        raise ValueError("an id is missing; give every article an id")
    return (
        ids,
        texts,
        _strings(dates, n, "dates", dates=True),
        _strings(titles, n, "titles"),
        _strings(urls, n, "urls"),
    )


def _records(articles: Union[Iterable[Union[str, Mapping[str, Any]]], Any]):
    """Columns of a batch given as dicts or strings, a pandas DataFrame or an Arrow table."""
    if _is_pandas(articles) or _is_arrow(articles):
        names = list(articles.columns) if _is_pandas(articles) else articles.column_names
        if "text" not in names:
            raise ValueError("the table needs a 'text' column")
        col = lambda f: articles[f] if f in names else None  # noqa: E731
        return _columns(col("text"), col("id"), col("date"), col("title"), col("url"))
    rows = []
    for i, a in enumerate(articles):
        if isinstance(a, str):
            rows.append({"id": str(i), "text": a})
        elif isinstance(a, Mapping):
            if "text" not in a:
                raise ValueError(f"article {i} has no 'text'")
            rows.append(a)
        else:
            raise TypeError(f"article {i} is a {type(a).__name__}; give a str or a dict with 'text'")
    return _columns(
        [r["text"] for r in rows],
        [r.get("id", str(i)) for i, r in enumerate(rows)],
        [r.get("date") for r in rows],
        [r.get("title") for r in rows],
        [r.get("url") for r in rows],
    )


def analyze_json(
    text: str,
    date: Optional[str] = None,
    title: Optional[str] = None,
    *,
    id: str = "article",
    url: Optional[str] = None,
) -> str:
    """The report of one article as JSON text: exactly the line ``storydiff analyze --jsonl``
    writes for ``{"id", "text", "date", "title", "url"}``."""
    return _storydiff.analyze_json(([id], [text], [_date(date)], [title], [url]))[0]


def analyze(
    text: str,
    date: Optional[str] = None,
    title: Optional[str] = None,
    *,
    id: str = "article",
    url: Optional[str] = None,
) -> dict:
    """Analyzes one article: its metadata, cleaned body, entities, dates, quantities,
    quotes and events, each finding a span ``start..end`` in code points of ``text``.

    ``date`` (``YYYY-MM-DD`` or a ``datetime.date``) anchors "on Thursday" and the like.
    Raises ``ValueError`` for an empty text or a date that is not a calendar date."""
    return json.loads(analyze_json(text, date, title, id=id, url=url))


def compare_json(articles) -> str:
    """The comparison of a batch as JSON text: exactly what ``storydiff compare --jsonl``
    writes for the same articles (less the final newline)."""
    return _storydiff.compare_json(_records(articles))


def compare(articles) -> dict:
    """Analyzes and compares a batch: clusters, pair scores, agreements, conflicts and
    what only one side reports.

    ``articles``: dicts with ``text`` and optionally ``id``, ``date``, ``title``, ``url``;
    plain strings (ids ``"0"``, ``"1"``, ...); or a pandas DataFrame or Arrow table with
    those columns. The whole batch is analyzed and compared in one call, so keep batches
    to a few hundred articles; for a corpus use :mod:`storydiff.pipeline`."""
    return json.loads(compare_json(articles))


def _like(values: list, template: Any, name: str):
    """``values`` in the kind of column ``template`` is: Arrow, pandas, or a list."""
    if _is_arrow(template):
        import pyarrow as pa

        return pa.array(values, type=pa.large_string())
    if _is_pandas(template):
        import pandas as pd

        return pd.Series(values, index=template.index, name=name, dtype=object)
    return values


def analyze_batch(
    texts,
    *,
    ids=None,
    dates=None,
    titles=None,
    urls=None,
    together: bool = True,
):
    """Analyzes a column of texts; returns a column of JSON reports of the same kind
    (an Arrow ``large_string`` array for an Arrow array or chunked array, a pandas
    Series with the same index for a Series, a list otherwise).

    ``together=True`` analyzes the column as one batch, as the CLI does: lines that
    recur across the batch are removed as site furniture and entity names are linked
    across it (both grow with the batch). ``together=False`` analyzes each article on
    its own, so that a report never depends on which rows shared a call: what a
    distributed pipeline wants. The GIL is released while the core works."""
    columns = _columns(texts, ids, dates, titles, urls)
    reports = _storydiff.analyze_json(columns, together=together)
    return _like(reports, texts, "report")


def analyze_table(table, *, keys: bool = True, analyses: bool = False):
    """Analyzes every row of a table on its own (columns ``text`` and optionally ``id``,
    ``date``, ``title``, ``url``); returns a table of the same kind (pandas DataFrame or
    Arrow table) with columns ``id``, ``report`` (the JSON report), with ``keys``,
    ``keys`` (the article's blocking keys, see :mod:`storydiff.pipeline`) and, with
    ``analyses``, ``analysis`` (the whole analysis as bytes, which
    :func:`storydiff.pipeline.compare_block` compares without analyzing again)."""
    columns = _records(table)
    ids = columns[0]
    packed = None
    if keys or analyses:
        reports, block_keys, packed = _storydiff.analyze_keys(columns, analyses=analyses)
    else:
        reports = _storydiff.analyze_json(columns, together=False)
    if _is_arrow(table):
        import pyarrow as pa

        cols = {"id": pa.array(ids, pa.string()), "report": pa.array(reports, pa.large_string())}
        if keys:
            cols["keys"] = pa.array(block_keys, pa.list_(pa.string()))
        if analyses:
            cols["analysis"] = pa.array(packed, pa.large_binary())
        return pa.table(cols)
    import pandas as pd

    index = table.index if _is_pandas(table) else None
    cols = {"id": ids, "report": reports}
    if keys:
        cols["keys"] = block_keys
    if analyses:
        cols["analysis"] = packed
    return pd.DataFrame(cols, index=index)
