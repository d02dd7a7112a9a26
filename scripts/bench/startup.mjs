// Start-up and size benchmark of the page (after bash scripts/build): opens dist/index.html#examples
// (served from 127.0.0.1) and dist/storydiff.html#examples (file://) in headless Chromium, each
// RUNS times in a fresh browser context (no cache), and reports the median time from navigation
// to the page ready: the five examples analyzed and their event clusters drawn. Beside it, in the
// same run, two anchors: the same page with no examples (ready to take input) and a blank page.
// It also prints what the served build fetched at load (every response, the examples apart),
// the wasm, the language pack (fetched only for other languages than English) and the single
// file, raw, gzipped and brotli-compressed.
//
// Given several builds (dist folders), it runs them in turn within each round, so that all see
// the same machine load, and prints each build's medians and their ratios to the first build's.
//
//   node scripts/bench/startup.mjs [--runs 9] [--json target/bench/startup.json] [--chromium-arg ARG ...] [DIST ...]
//
// --chromium-arg passes a flag to Chromium, e.g. --chromium-arg=--js-flags=--liftoff-only to see
// what V8's tiers cost on the first calls.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { parseArgs } from "node:util";
import { DIST, launch, serve } from "../../tests/e2e/helpers.mjs";

const { values: opt, positionals } = parseArgs({
  options: { runs: { type: "string", default: "9" }, json: { type: "string" }, "chromium-arg": { type: "string", multiple: true } },
  allowPositionals: true,
});
const DISTS = (positionals.length ? positionals : [DIST]).map((d) => path.resolve(d));
const RUNS = Math.max(1, Number(opt.runs) || 9);

// Installed before any page script: notes the time (ms after navigation start) at which the
// results first show event clusters, and when the page says it is ready for input.
const PROBE = () => {
  const mark = () => {
    const clusters = document.querySelector("#clusters");
    if (window.__inputReadyAt === undefined && document.body?.dataset.ready === "1") {
      window.__inputReadyAt = performance.now();
    }
    if (window.__clusteredAt === undefined && clusters && clusters.childElementCount > 0 &&
        !document.querySelector("#results").hidden) {
      window.__clusteredAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The storydiff marks and measures of a page or worker's timeline, its time origin with them. */
const TIMELINE = () => ({
  origin: performance.timeOrigin,
  entries: performance.getEntries().filter((e) => e.name.startsWith("storydiff:"))
    .map((e) => ({ name: e.name, start: e.startTime, end: e.startTime + e.duration })),
});

/**
 * Where the time of one load went, in ms after navigation, from the marks of the page
 * (www/runner.js), of its analysis worker (www/worker-core.js, www/worker.js) and of the engine
 * (src/wasm.rs): each phase's duration, and when the worker started and the clusters showed.
 */
async function phasesOf(page, clusteredAt) {
  const main = await page.evaluate(TIMELINE);
  let worker = null;
  for (const w of page.workers()) {
    const t = await w.evaluate(TIMELINE).catch(() => null);
    if (t && t.entries.some((e) => e.name === "storydiff:compare")) worker = t;
  }
  if (!worker) return null;
  const shift = worker.origin - main.origin; // worker time + shift = page time
  const at = (list, name) => list.find((x) => x.name === name) || null;
  const w = (name) => at(worker.entries, name);
  const p = (name) => at(main.entries, name);
  const call = w("storydiff:compare");
  // The engine's marks inside the call (a warm-up call before it marks them too).
  const mark = (name) => worker.entries.find((x) => x.name === name && x.start >= call.start)?.start ?? NaN;
  // The engine's warm-up, in steps while the worker was idle (none when a call came first).
  const warm = worker.entries.filter((x) => x.name === "storydiff:warm-up");
  return {
    "worker started (at)": shift,
    "fetch + compile": w("storydiff:compile") ? w("storydiff:compile").end - w("storydiff:compile").start : NaN,
    "instantiate": w("storydiff:instantiate") ? w("storydiff:instantiate").end - w("storydiff:instantiate").start : NaN,
    "engine ready (at)": w("storydiff:load") ? w("storydiff:load").end + shift : NaN,
    "warm-up (steps run)": warm.length,
    "warm-up": warm.reduce((a, x) => a + x.end - x.start, 0),
    "examples sent (at)": p("storydiff:run")?.start ?? NaN,
    "first analyze": mark("storydiff:analyzed") - call.start,
    "first compare": mark("storydiff:compared") - mark("storydiff:analyzed"),
    "report to JSON and back": mark("storydiff:written") - mark("storydiff:compared"),
    "post to the page": (p("storydiff:report")?.start ?? NaN) - (call.end + shift),
    "render": clusteredAt - (p("storydiff:report")?.start ?? NaN),
    "clustered (at)": clusteredAt,
  };
}

/** One load of `url` in a fresh context: ms until `wait` answers, and the responses' bodies. */
async function once(browser, url, wait, withPhases = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const bodies = [];
  page.on("response", async (r) => {
    try { bodies.push({ url: r.url(), body: await r.body() }); } catch { /* a redirect or an aborted load */ }
  });
  await page.goto(url);
  const at = await page.waitForFunction(wait, null, { timeout: 60_000, polling: 10 });
  const ms = await at.jsonValue();
  const phases = withPhases ? await phasesOf(page, ms) : null;
  await page.waitForTimeout(50); // let the last response bodies arrive
  await context.close();
  return { ms, bodies, phases };
}

const stats = (times) => ({ median_ms: +median(times).toFixed(1), min_ms: +Math.min(...times).toFixed(1), max_ms: +Math.max(...times).toFixed(1) });

const clustered = () => window.__clusteredAt;
const inputReady = () => window.__inputReadyAt;
const blank = () => performance.now();
const browser = await launch(opt["chromium-arg"] ?? []);
const servers = [];
for (const dist of DISTS) servers.push(await serve(dist));
const cases = (i) => {
  const single = pathToFileURL(path.join(DISTS[i], "storydiff.html")).href;
  const url = servers[i].url;
  return [
    ["served: ready for input", `${url}index.html`, inputReady],
    ["served: examples analyzed and clustered", `${url}index.html#examples`, clustered],
    ["single file: ready for input", single, inputReady],
    ["single file: examples analyzed and clustered", `${single}#examples`, clustered],
  ];
};
const times = DISTS.map(() => ({}));
const phases = DISTS.map(() => ({}));
const blanks = [];
const atLoad = DISTS.map(() => null);
const load = [loadavg()[0]];
try {
  for (let r = 0; r < RUNS; r++) {
    blanks.push((await once(browser, "about:blank", blank)).ms);
    for (let i = 0; i < DISTS.length; i++) {
      for (const [what, url, wait] of cases(i)) {
        const { ms, bodies, phases: ph } = await once(browser, url, wait, wait === clustered);
        (times[i][what] ??= []).push(ms);
        if (ph) for (const [k, v] of Object.entries(ph)) ((phases[i][what] ??= {})[k] ??= []).push(v);
        // What the page fetched to be ready and to analyze (the wasm certainly among it), the examples apart.
        if (what === "served: examples analyzed and clustered") {
          atLoad[i] = bodies.filter((b) => b.url.startsWith(servers[i].url) && !new URL(b.url).pathname.startsWith("/seeds/"));
        }
      }
    }
    load.push(loadavg()[0]);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}

const rows = [{ build: "-", what: "anchor: blank page", ...stats(blanks) }];
DISTS.forEach((dist, i) => {
  for (const [what, t] of Object.entries(times[i])) {
    const row = { build: path.relative(process.cwd(), dist) || dist, what, ...stats(t) };
    if (i > 0) row.vs_first_build = +(row.median_ms / median(times[0][what])).toFixed(2);
    rows.push(row);
  }
});

// Per phase: the median of each over the runs (they need not add up to the total's median).
const phaseRows = [];
DISTS.forEach((dist, i) => {
  for (const [what, byPhase] of Object.entries(phases[i])) {
    for (const [phase, xs] of Object.entries(byPhase)) {
      const row = { build: path.relative(process.cwd(), dist) || dist, load: what.replace(/:.*/, ""), phase, median_ms: +median(xs).toFixed(1) };
      const first = phases[0][what]?.[phase]; // a build from before the marks has none
      if (i > 0 && first) row.vs_first_build = +(row.median_ms / median(first)).toFixed(2);
      phaseRows.push(row);
    }
  }
});

const sizes = [];
DISTS.forEach((dist, i) => {
  const build = path.relative(process.cwd(), dist) || dist;
  const file = (f) => {
    if (!existsSync(path.join(dist, f))) return;
    const b = readFileSync(path.join(dist, f));
    sizes.push({ build, what: f, raw: b.length, gzip: gz(b), brotli: br(b) });
  };
  file("pkg/storydiff_bg.wasm");
  file("pkg/storydiff-languages.pack");
  file("storydiff.html");
  const fetched = atLoad[i] || [];
  const sum = (f) => fetched.reduce((a, x) => a + f(x.body), 0);
  sizes.push({ build, what: `served build, all ${fetched.length} responses at load (no examples)`, raw: sum((b) => b.length), gzip: sum(gz), brotli: sum(br) });
});

console.log(`headless Chromium, ${RUNS} rounds, builds in turn within each round, fresh context per load; ` +
  `1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
console.table(rows);
console.log("where the time of 'examples analyzed and clustered' goes (durations, or the moment after navigation where it says 'at'):");
console.table(phaseRows);
console.table(sizes);
if (opt.json) {
  mkdirSync(path.dirname(opt.json), { recursive: true });
  writeFileSync(opt.json, JSON.stringify({ runs: RUNS, load, rows, phases: phaseRows, sizes }, null, 2) + "\n");
}
