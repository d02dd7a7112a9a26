// Unit test under node of how a large result crosses from the worker to the page: the worker
// (www/worker-core.js) sends its long lists, and long lists inside their items, in parts, each
// message small; the bridge (www/bridge.js) puts them back so that the page gets the result as
// the engine made it (less the pairs the worker keeps).
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveEngine, FIRST_PAIRS, PART_BYTES, pairList, readItems } from "../../www/worker-core.js";
import { WorkerBridge } from "../../www/bridge.js";

/** A report as large as 1,000 articles make, with one entity of 3,000 joins. */
function bigReport() {
  const articles = Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, title: `Story ${i}`, entities: [{ start: 0, end: 4, text: "Anna" }] }));
  const entities = [
    { id: 0, name: "Anna", label: "PERSON", members: articles.map((a) => ({ article: a.id, mentions: [0] })), variants: ["Anna"],
      merges: Array.from({ length: 3000 }, (_, i) => ({ a: "Anna", b: `Anna ${i}`, reason: "variant", confidence: 0.8 })) },
    { id: 1, name: "Town", label: "PLACE", members: [], variants: ["Town"], merges: [] },
  ];
  const pairs = Array.from({ length: 30 }, (_, i) => ({ a: "a0", b: `a${i + 1}`, score: 1 - i / 100, relation: "same-event" }));
  return { schema_version: 1, articles, entities, pairs, tables: [], clusters: { event: [["a0", "a1"]], story: [], topic: [] } };
}

test("worker → page: long lists go in small parts and come back whole", async () => {
  const report = bigReport();
  const sent = [];
  let onMessage = null;
  const scope = { addEventListener: (type, fn) => { onMessage = fn; }, postMessage: (m) => sent.push(structuredClone(m)) };
  serveEngine(scope, { compare: () => report }, async () => {});
  await onMessage({ data: { id: 1, method: "compare", args: [[]] } });
  const parts = sent.filter((m) => m.type === "part");
  assert.ok(parts.length >= 1000 / 50 + 3000 / 500, `${parts.length} parts`);
  const biggest = Math.max(...sent.map((m) => JSON.stringify(m).length));
  assert.ok(biggest < 100_000, `no message over 100 KB (the largest: ${biggest} bytes)`);

  const bridge = new WorkerBridge("unused", { idleMs: Infinity });
  const got = new Promise((resolve, reject) => { bridge.current = { id: 1, resolve, reject }; });
  for (const m of sent) bridge.onMessage(m);
  const value = await got;
  assert.deepEqual(value.articles, report.articles);
  assert.deepEqual(value.entities, report.entities, "the 3,000 joins of one entity too");
  assert.deepEqual(value.clusters, report.clusters);
  assert.equal(value.pairs.length, FIRST_PAIRS, "the worker keeps the other pairs");
  assert.deepEqual(value.pairCounts, { total: 30, related: 30, unrelated: 0 });
});

/** `items` as the engine writes a list with `listsAsJson` (src/wasm.rs): JSON text, each followed by a comma. */
function asJson(items) {
  const texts = items.map((a) => `${JSON.stringify(a)},`);
  let end = 0;
  const ends = Uint32Array.from(texts, (t) => (end += new TextEncoder().encode(t).length));
  return [new TextEncoder().encode(texts.join("")), ends];
}

/** `report` as the engine gives it with `listsAsJson`: its articles and pairs as JSON text. */
function withListsAsJson(report) {
  const [articlesJson, articleEnds] = asJson(report.articles);
  const [pairsJson, pairEnds] = asJson(report.pairs);
  const pairScores = Float64Array.from(report.pairs, (p) => p.score);
  const pairRelated = Uint8Array.from(report.pairs, (p) => (p.relation === "unrelated" ? 0 : 1));
  return { ...report, articles: [], pairs: [], articlesJson, articleEnds, pairsJson, pairEnds, pairScores, pairRelated };
}

test("worker → page: the articles' JSON text goes in parts of text, a very long article as objects", async () => {
  const report = bigReport();
  // Article 7 is over a part's bytes, with a list of 2,000 facts; article 8 holds non-ASCII text.
  report.articles[7].facts = Array.from({ length: 2000 }, (_, i) => ({ text: `fact ${i} `.repeat(80) }));
  report.articles[8].title = "Almaty — Алматы «quoted»";
  const asked = [];
  const engine = { compare: (_, listsAsJson) => (asked.push(listsAsJson), withListsAsJson(report)) };
  const sent = [];
  const transferred = [];
  let onMessage = null;
  const scope = {
    addEventListener: (type, fn) => { onMessage = fn; },
    postMessage: (m, transfer) => { sent.push(structuredClone(m)); transferred.push(...(transfer || [])); },
  };
  const exported = [];
  serveEngine(scope, engine, async () => {}, (r) => (exported.push(r), { name: "x", text: "", type: "text/plain" }));
  await onMessage({ data: { id: 1, method: "compare", args: [[]] } });
  assert.deepEqual(asked, [true], "the worker asks for the lists as JSON text");
  const texts = sent.filter((m) => m.type === "part" && m.json);
  assert.ok(texts.length >= 1000 / 50, `${texts.length} parts of text`);
  assert.ok(texts.every((m) => m.json.length <= PART_BYTES), "no part of text over PART_BYTES");
  assert.equal(transferred.length, texts.length, "each part's bytes are transferred, not copied");
  assert.ok(sent.some((m) => m.key === "articles/7/facts"), "the long article's long list goes in parts of its own");
  const result = sent.find((m) => m.type === "result").value;
  assert.deepEqual(Object.keys(result).filter((k) => /Json|Ends|pairScores|pairRelated/.test(k)), [], "the text stays in the worker");

  const bridge = new WorkerBridge("unused", { idleMs: Infinity });
  const got = new Promise((resolve, reject) => { bridge.current = { id: 1, resolve, reject }; });
  for (const m of sent) bridge.onMessage(m);
  const value = await got;
  assert.deepEqual(value.articles, report.articles, "every article, in order, as the engine wrote it");
  assert.deepEqual(value.entities, report.entities);
  assert.deepEqual(value.pairs, report.pairs.slice(0, FIRST_PAIRS), "the best pairs, read from their text");
  assert.deepEqual(value.pairCounts, { total: 30, related: 30, unrelated: 0 });

  // More pairs, and the whole report for the exports, are read from the text in the worker.
  const more = [];
  scope.postMessage = (m) => more.push(m);
  await onMessage({ data: { id: 2, method: "pairs", args: [result.run, true, FIRST_PAIRS, 50] } });
  assert.deepEqual(more.find((m) => m.type === "result").value, report.pairs.slice(FIRST_PAIRS));
  await onMessage({ data: { id: 3, method: "exportReport", args: [result.run, "json"] } });
  assert.deepEqual(exported[0].articles, report.articles);
  assert.deepEqual(exported[0].pairs, report.pairs, "every pair, in the report's order");
});

test("pairs given as JSON text come in the order the objects would", () => {
  // Ties, both kinds, and scores out of order.
  const scores = [0.5, 0.9, 0.5, 0.1, 0.9, 0.5, 0.3, 0.5];
  const pairs = scores.map((score, i) => ({ a: `a${i}`, b: `b${i}`, score, relation: i % 3 === 0 ? "unrelated" : "same-event" }));
  for (const related of [true, false]) {
    const objects = pairList({ pairs }, related);
    const text = pairList(withListsAsJson({ articles: [], pairs }), related);
    assert.equal(text.length, objects.length);
    assert.deepEqual(text.slice(0, 99), objects.slice(0, 99));
    assert.deepEqual(text.slice(1, 3), objects.slice(1, 3));
  }
  assert.deepEqual(pairList({ pairs }, true).slice(0, 3).map((p) => p.a), ["a1", "a4", "a2"]);
});

test("readItems reads any run of items from the text", () => {
  const items = [{ id: "a" }, { id: "b", text: "é «x»" }, { id: "c" }];
  const [json, ends] = asJson(items);
  assert.deepEqual(readItems(json, ends), items);
  assert.deepEqual(readItems(json, ends, 1, 3), items.slice(1));
  assert.deepEqual(readItems(json, ends, 1, 2), [items[1]]);
  assert.deepEqual(readItems(json, ends, 2, 2), []);
});
