"""storydiff: compare how different outlets report the same news.

The same Rust core as the storydiff CLI and web page, for Python:

>>> import storydiff
>>> report = storydiff.analyze("Police said 13 people were killed in Almaty on Thursday.",
...                            date="2022-01-06")
>>> [(q["text"], q["counts"]) for q in report["quantities"]]
[('13 people', 'killed')]
>>> result = storydiff.compare([
...     {"id": "a", "text": "Police said 13 people were killed in Almaty on Thursday."},
...     {"id": "b", "text": "At least eight people were killed in Almaty, police said."},
... ])
>>> [(p["a"], p["b"]) for p in result["pairs"]]
[('a', 'b')]

- :func:`analyze`, :func:`compare`: one article, one batch; dicts shaped like the
  CLI's JSON (``schema/report.schema.json``). ``analyze_json`` and ``compare_json``
  return the CLI's exact bytes.
- :func:`analyze_batch`, :func:`analyze_table`: columns in, columns out (Arrow
  arrays, pandas Series and DataFrames, or lists); the core runs with the GIL
  released, so threads analyze in parallel.
- :mod:`storydiff.pipeline`: blocking keys, per-block comparison and corpus-wide
  clusters, as pandas functions any engine can map (the Dask example is in
  ``python/examples/``).
"""

from ._storydiff import SCHEMA_VERSION, VERSION as __version__
from ._api import (
    analyze,
    analyze_batch,
    analyze_json,
    analyze_table,
    compare,
    compare_json,
)
from . import pipeline

__all__ = [
    "SCHEMA_VERSION",
    "analyze",
    "analyze_batch",
    "analyze_json",
    "analyze_table",
    "compare",
    "compare_json",
    "pipeline",
]
