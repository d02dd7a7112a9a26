"""The Python API: shapes, columns in and out, errors, and the GIL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import pyarrow as pa
import pandas as pd
import pytest

import storydiff
from conftest import cluster_batch, seeds

TEXT = "Police said 13 people were killed in Almaty on Thursday."


def spans(value, out=None):
    """Every {start, end, text} object under a report."""
    out = [] if out is None else out
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            out.append(value)
        for v in value.values():
            spans(v, out)
    elif isinstance(value, list):
        for v in value:
            spans(v, out)
    return out


def test_analyze_gives_the_report_with_spans_into_the_text():
    r = storydiff.analyze(TEXT, date="2022-01-06", title="Almaty")
    assert r["schema_version"] == storydiff.SCHEMA_VERSION
    assert (r["id"], r["date"], r["title"]) == ("article", "2022-01-06", "Almaty")
    assert [(q["text"], q["low"], q["counts"]) for q in r["quantities"]] == [("13 people", 13, "killed")]
    assert [d["value"] for d in r["dates"]] == ["2022-01-06"]
    assert ("Almaty", "PLACE") in [(e["text"], e["label"]) for e in r["entities"]]
    found = spans(r)
    assert found and all(TEXT[s["start"]:s["end"]] == s["text"] for s in found)


def test_offsets_are_code_points():
    text = "Überraschung: 😀 Police said 13 people were killed in Almaty on Thursday."
    r = storydiff.analyze(text, date="2022-01-06")
    for s in spans(r):
        assert text[s["start"]:s["end"]] == s["text"]


def test_dates_may_be_date_objects():
    a = storydiff.analyze(TEXT, date=dt.date(2022, 1, 6))
    assert a == storydiff.analyze(TEXT, date="2022-01-06")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: storydiff.analyze("   "), "empty"),
        (lambda: storydiff.analyze(TEXT, date="6 January 2022"), "YYYY-MM-DD"),
        (lambda: storydiff.compare([{"id": "a", "text": TEXT}, {"id": "a", "text": TEXT}]), "share this id"),
        (lambda: storydiff.analyze_batch(["a b c"], ids=["x", "y"]), "rows"),
        (lambda: storydiff.analyze_batch("one string"), "column"),
        (lambda: storydiff.analyze_batch([TEXT, None]), "missing"),
        (lambda: storydiff.compare([{"id": "a"}]), "no 'text'"),
        (lambda: storydiff.analyze_batch([TEXT], dates=[20220106]), "YYYY-MM-DD"),
    ],
)
def test_errors_say_what_to_do(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_compare_takes_dicts_strings_and_tables():
    articles = cluster_batch()
    as_dicts = storydiff.compare(articles)
    assert len(as_dicts["articles"]) == len(articles)
    assert len(as_dicts["pairs"]) == len(articles) * (len(articles) - 1) // 2
    frame = pd.DataFrame(articles)
    assert storydiff.compare(frame) == as_dicts
    assert storydiff.compare(pa.Table.from_pandas(frame)) == as_dicts
    plain = storydiff.compare([a["text"] for a in articles[:2]])
    assert [a["id"] for a in plain["articles"]] == ["0", "1"]


def test_batch_columns_come_back_in_their_kind():
    articles = seeds()
    texts = [a["text"] for a in articles]
    ids = [a["id"] for a in articles]
    as_list = storydiff.analyze_batch(texts, ids=ids)
    assert isinstance(as_list, list) and len(as_list) == 5
    arrow = storydiff.analyze_batch(pa.array(texts), ids=pa.array(ids))
    assert isinstance(arrow, pa.Array) and arrow.type == pa.large_string()
    assert arrow.to_pylist() == as_list
    chunked = storydiff.analyze_batch(pa.chunked_array([texts[:2], texts[2:]]), ids=ids)
    assert chunked.to_pylist() == as_list
    series = pd.Series(texts, index=[10, 11, 12, 13, 14])
    out = storydiff.analyze_batch(series, ids=pd.Series(ids, index=series.index))
    assert isinstance(out, pd.Series) and list(out.index) == [10, 11, 12, 13, 14]
    assert out.tolist() == as_list


def test_together_links_names_across_the_batch_and_alone_does_not_depend_on_it():
    articles = seeds()
    texts = [a["text"] for a in articles]
    alone = storydiff.analyze_batch(texts, together=False)
    # Each report alone is the report of a batch of one.
    for i, (text, report) in enumerate(zip(texts, alone)):
        assert report == storydiff.analyze_batch([text], ids=[str(i)])[0]
    assert alone[1:] == storydiff.analyze_batch(texts[1:], ids=[str(i) for i in range(1, 5)], together=False)
    # Together, names are the batch's: 002 spells "Qasim Jomart Tokayev"; linked, the
    # batch has one name for the president in every article that mentions him.
    together = [json.loads(r) for r in storydiff.analyze_batch(texts)]
    names = {e["entity"] for r in together for e in r["entities"] if "Tokayev" in e["text"]}
    assert len(names) == 1, names


def test_analyze_table_gives_reports_and_keys():
    frame = pd.DataFrame(seeds())
    out = storydiff.analyze_table(frame)
    assert list(out.columns) == ["id", "report", "keys"]
    assert out["id"].tolist() == frame["id"].tolist()
    assert all(isinstance(k, list) and k == sorted(set(k)) and k for k in out["keys"])
    arrow = storydiff.analyze_table(pa.Table.from_pandas(frame))
    assert isinstance(arrow, pa.Table)
    assert arrow.column("report").to_pylist() == out["report"].tolist()
    assert arrow.column("keys").to_pylist() == out["keys"].tolist()
    without = storydiff.analyze_table(frame, keys=False)
    assert list(without.columns) == ["id", "report"]
    assert without["report"].tolist() == out["report"].tolist()
    packed = storydiff.analyze_table(frame, analyses=True)
    assert list(packed.columns) == ["id", "report", "keys", "analysis"]
    assert packed["report"].tolist() == out["report"].tolist()
    assert all(isinstance(a, bytes) and a for a in packed["analysis"])
    arrow = storydiff.analyze_table(pa.Table.from_pandas(frame), analyses=True)
    assert arrow.column("analysis").to_pylist() == packed["analysis"].tolist()


def test_the_gil_is_released_while_the_core_works():
    texts = [a["text"] for a in seeds()] * 4
    ticks, stop = [0], threading.Event()

    def count():
        while not stop.is_set():
            ticks[0] += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        # How fast the counter counts while this thread sleeps (sleeping releases the GIL).
        before = ticks[0]
        time.sleep(0.2)
        rate = (ticks[0] - before) / 0.2
        before, start = ticks[0], time.perf_counter()
        storydiff.analyze_batch(texts, together=False)
        took = time.perf_counter() - start
        during = ticks[0] - before
    finally:
        stop.set()
        t.join()
    # Holding the GIL, the core would let the counter run only around the call (a switch
    # interval or two, 5 ms each: under 1% of the call here); released, it counts all along,
    # though on a busy machine the counting thread gets only part of a core.
    assert took > 0.1, took
    assert during > 0.1 * rate * took, (during, rate, took)


def test_the_module_docstring_example_runs():
    import doctest

    failed, tried = doctest.testmod(storydiff, verbose=False)
    assert tried > 0 and failed == 0
