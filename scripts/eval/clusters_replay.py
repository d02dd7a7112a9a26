#!/usr/bin/env python3
"""Replays storydiff's event clustering on the pairs of `cluster_eval -- --pairs SPLIT`
with an event model refitted on other signals, to compare candidate signals on dev.

    cargo run --release --example cluster_eval -- --pairs dev > pairs.csv
    python3 scripts/eval/clusters_replay.py pairs.csv [LINK] [SIGNAL ...]

Fits a logistic regression over the signals named (default: those of
data/words/compare/event_model.tsv) on every pair of every set, each set weighted
equally (as fit_event_model.py does), then clusters each set by average linkage over the
event evidence (the probability's rise above that of a pair sharing nothing), joining
while the mean over two groups' member pairs is above LINK (default 0.30), and prints
B-cubed P / R / F1 per set. Every pair is scored here; batches over 64 reports score
candidate pairs only, so the figures for `wording` and `languages` differ a little from
cluster_eval's. A signal written `name=weight` keeps that weight, the others fitted around it
(`bias=weight` too; every signal so written replays a given model). Derived signals: `far` (days over 7), `logdays` (ln(1 + days)), `a*b` (a product).
Needs numpy.
"""
import csv, math, sys
import numpy as np

DEFAULT = ["words", "entities", "events", "dates", "numbers", "facts", "coverage", "conflict",
           "actors=-4", "far"]


def signal(r, name):
    if "*" in name:
        return math.prod(signal(r, part) for part in name.split("*"))
    days = int(r["days"])
    if name == "far":
        return 1.0 if days > 7 else 0.0
    if name == "logdays":
        return math.log1p(days) if days >= 0 else 0.0
    return float(r[name])


def fit(x, y, s, l2=1e-3, offset=0.0):
    w = np.zeros(x.shape[1])
    for _ in range(30):
        z = np.clip(x @ w + offset, -30, 30)
        p = 1 / (1 + np.exp(-z))
        g = x.T @ (s * (p - y)) + l2 * w
        h = (x * (s * p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def cluster(n, links, link):
    members = {i: [i] for i in range(n)}
    weight = {}
    for (a, b), e in links.items():
        if e > 0:
            weight.setdefault(a, {})[b] = e
            weight.setdefault(b, {})[a] = e
    while True:
        best = None
        for a, to in weight.items():
            for b, e in to.items():
                if a < b:
                    share = e / (len(members[a]) * len(members[b]))
                    if share > link and (best is None or share > best[0]):
                        best = (share, a, b)
        if best is None:
            break
        _, a, b = best
        members[a] += members.pop(b)
        for c, e in weight.pop(b).items():
            if c == a:
                continue
            weight[a][c] = weight[a].get(c, 0) + e
            weight[c].pop(b)
            weight[c][a] = weight[c].get(a, 0) + e
        weight[a].pop(b, None)
    return list(members.values())


def b_cubed(found, gold):
    f = {i: k for k, c in enumerate(found) for i in c}
    g = {i: k for k, c in enumerate(gold) for i in c}
    fs = {k: set(c) for k, c in enumerate(found)}
    gs = {k: set(c) for k, c in enumerate(gold)}
    p = sum(len(fs[f[i]] & gs[g[i]]) / len(fs[f[i]]) for i in f) / len(f)
    r = sum(len(fs[f[i]] & gs[g[i]]) / len(gs[g[i]]) for i in f) / len(f)
    return p, r, 2 * p * r / (p + r)


def main(path, link, names):
    rows = list(csv.DictReader(open(path)))
    per_set = {}
    for r in rows:
        per_set[r["set"]] = per_set.get(r["set"], 0) + 1
    fixed = {k.split("=")[0]: float(k.split("=")[1]) for k in names if "=" in k}
    names = [k.split("=")[0] for k in names if not k.startswith("bias=")]
    x = np.array([[1.0] + [signal(r, k) for k in names] for r in rows])
    y = np.array([float(r["same"]) for r in rows])
    s = np.array([1.0 / per_set[r["set"]] for r in rows])
    free = [0] * ("bias" not in fixed) + [i + 1 for i, k in enumerate(names) if k not in fixed]
    w = np.zeros(x.shape[1])
    w[0] = fixed.get("bias", 0.0)
    for i, k in enumerate(names):
        w[i + 1] = fixed.get(k, 0.0)
    offset = x @ w
    if free:
        w[free] = fit(x[:, free], y, s, offset=offset)
    print(" ".join(f"{k}={v:+.3f}" for k, v in zip(["bias"] + names, w)))
    prior = 1 / (1 + math.exp(-w[0]))
    ev = np.maximum(0, (1 / (1 + np.exp(-np.clip(x @ w, -30, 30))) - prior) / (1 - prior))
    out = []
    for name in per_set:
        idx = [i for i, r in enumerate(rows) if r["set"] == name]
        n = 1 + max(max(int(rows[i]["a"]), int(rows[i]["b"])) for i in idx)
        links = {(int(rows[i]["a"]), int(rows[i]["b"])): ev[i] for i in idx}
        # Gold: the union of same-event pairs (events are cliques).
        parent = list(range(n))
        def find(v):
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v
        for i in idx:
            if rows[i]["same"] == "1":
                parent[find(int(rows[i]["a"]))] = find(int(rows[i]["b"]))
        gold = {}
        for v in range(n):
            gold.setdefault(find(v), []).append(v)
        p, r, f = b_cubed(cluster(n, links, link), list(gold.values()))
        out.append(f)
        print(f"{name:<10} {p:.3f} / {r:.3f} / {f:.3f}")
    print(f"mean F1 {sum(out) / len(out):.3f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    link = float(args[1]) if len(args) > 1 else 0.30
    main(args[0], link, args[2:] or DEFAULT)
