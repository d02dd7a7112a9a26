// Unit test under node of how a large result crosses from the worker to the page: the worker
// (www/worker-core.js) sends its long lists, and long lists inside their items, in parts, each
// message small; the bridge (www/bridge.js) puts them back so that the page gets the result as
// the engine made it (less the pairs the worker keeps).
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveEngine, FIRST_PAIRS, PART_BYTES, readArticles } from "../../www/worker-core.js";
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

/** `articles` as the engine writes them with `articlesAsJson` (src/wasm.rs): JSON text, each followed by a comma. */
function asJson(articles) {
  const texts = articles.map((a) => `${JSON.stringify(a)},`);
  const json = new TextEncoder().encode(texts.join(""));
  let end = 0;
  const ends = Uint32Array.from(texts, (t) => (end += new TextEncoder().encode(t).length));
  return { articlesJson: json, articleEnds: ends };
}

test("worker → page: the articles' JSON text goes in parts of text, a very long article as objects", async () => {
  const report = bigReport();
  // Article 7 is over a part's bytes, with a list of 2,000 facts; article 8 holds non-ASCII text.
  report.articles[7].facts = Array.from({ length: 2000 }, (_, i) => ({ text: `fact ${i} `.repeat(80) }));
  report.articles[8].title = "Almaty — Алматы «quoted»";
  const asked = [];
  const engine = { compare: (_, articlesAsJson) => (asked.push(articlesAsJson), { ...report, articles: [], ...asJson(report.articles) }) };
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
  assert.deepEqual(asked, [true], "the worker asks for the articles as JSON text");
  const texts = sent.filter((m) => m.type === "part" && m.json);
  assert.ok(texts.length >= 1000 / 50, `${texts.length} parts of text`);
  assert.ok(texts.every((m) => m.json.length <= PART_BYTES), "no part of text over PART_BYTES");
  assert.equal(transferred.length, texts.length, "each part's bytes are transferred, not copied");
  assert.ok(sent.some((m) => m.key === "articles/7/facts"), "the long article's long list goes in parts of its own");

  const bridge = new WorkerBridge("unused", { idleMs: Infinity });
  const got = new Promise((resolve, reject) => { bridge.current = { id: 1, resolve, reject }; });
  for (const m of sent) bridge.onMessage(m);
  const value = await got;
  assert.deepEqual(value.articles, report.articles, "every article, in order, as the engine wrote it");
  assert.equal("articlesJson" in value, false);
  assert.deepEqual(value.entities, report.entities);
  assert.equal(value.pairs.length, FIRST_PAIRS);

  // The whole report, for the exports, is read from the text in the worker.
  const run = sent.find((m) => m.type === "result").value.run;
  await onMessage({ data: { id: 2, method: "exportReport", args: [run, "json"] } });
  assert.deepEqual(exported[0].articles, report.articles);
  assert.equal(exported[0].pairs.length, 30);
});

test("readArticles reads any run of articles from the text", () => {
  const articles = [{ id: "a" }, { id: "b", text: "é «x»" }, { id: "c" }];
  const { articlesJson, articleEnds } = asJson(articles);
  assert.deepEqual(readArticles(articlesJson, articleEnds), articles);
  assert.deepEqual(readArticles(articlesJson, articleEnds, 1, 3), articles.slice(1));
  assert.deepEqual(readArticles(articlesJson, articleEnds, 1, 2), [articles[1]]);
  assert.deepEqual(readArticles(articlesJson, articleEnds, 2, 2), []);
});
