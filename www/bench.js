// The browser benchmark: times the wasm engine on the example articles next to two anchors
// measured in the same run on the same text, and reports medians and ratios (see bench.html).
import init, { analyze, compare } from "../pkg/storydiff.js";

const params = new URLSearchParams(location.search);
const ROUNDS = Math.max(1, Number(params.get("rounds")) || 15);

async function loadSeeds() {
  const base = new URL("seeds/", document.baseURI);
  const manifest = await (await fetch(new URL("manifest.json", base))).json();
  return Promise.all(
    manifest.articles.map(async ({ id, file }) => ({ id, name: file, text: await (await fetch(new URL(file, base))).text() })),
  );
}

/** Median wall time in ms of `fn` over ROUNDS runs, after one warm-up run. */
function time(fn) {
  fn();
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function run() {
  await init();
  const articles = await loadSeeds();
  const all = articles.map((a) => a.text).join("\n\n");
  const bytes = new TextEncoder().encode(all).length;
  const segmenter = new Intl.Segmenter("en", { granularity: "word" });
  let sink = 0;
  const rows = [
    ["anchor: split at white space", () => { sink += all.split(/\s+/).length; }],
    ["anchor: Intl.Segmenter words", () => { for (const s of segmenter.segment(all)) if (s.isWordLike) sink++; }],
    ["analyze (5 articles)", () => { sink += analyze(articles).length; }],
    ["compare (analyze + compare)", () => { sink += compare(articles).pairs.length; }],
  ].map(([what, fn]) => ({ what, ms: time(fn) }));
  const [split, seg] = rows;
  const results = rows.map((r) => ({
    what: r.what,
    median_ms: +r.ms.toFixed(3),
    mb_per_s: +(bytes / 1e6 / (r.ms / 1e3)).toFixed(2),
    vs_split: +(r.ms / split.ms).toFixed(1),
    vs_segmenter: +(r.ms / seg.ms).toFixed(1),
  }));
  const body = document.querySelector("#results tbody");
  for (const r of results) {
    const tr = body.insertRow();
    for (const v of [r.what, r.median_ms, r.mb_per_s, r.vs_split, r.vs_segmenter]) tr.insertCell().textContent = String(v);
  }
  const summary = { rounds: ROUNDS, bytes, articles: articles.length, results, sink };
  document.getElementById("json").textContent = JSON.stringify(summary, null, 2);
  document.getElementById("status").textContent = `Done: ${ROUNDS} rounds over ${bytes} bytes in ${articles.length} articles.`;
  document.body.dataset.done = "1";
}

run().catch((e) => {
  document.getElementById("status").textContent = `The benchmark failed: ${e.message || e}`;
  document.body.dataset.done = "error";
});
