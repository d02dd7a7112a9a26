// End-to-end tests of the page's defences: the analysis worker cannot reach the network (both
// builds), the single file makes no request from opening it to the last export (paste, pick,
// drop, compare, export), other formats are refused by name and decoding warnings shown, and
// 1,000 dropped articles are read and drawn lazily while a probe on the main thread measures
// how long it is blocked.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, watchedPage, waitForRun, runCount, openView, startBrowserAndServer, STORY } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});


/** Adds a pasted article and waits for the run it starts. */
async function paste(page, text) {
  const n = await runCount(page);
  await page.fill("#paste", text);
  await page.click("#add-article");
  await waitForRun(page, n);
}

/** What network calls from inside the analysis worker give: each must fail. */
async function tryNetworkInWorker(page, origin) {
  await page.waitForFunction(() => true);
  const worker = page.workers()[0];
  assert.ok(worker, "the analysis worker is running");
  return worker.evaluate(async (o) => {
    const outcome = async (f) => {
      try { await f(); return "reached"; } catch (e) { return e.message; }
    };
    return {
      foreign: await outcome(() => fetch("https://example.com/")),
      same: await outcome(() => fetch(`${o}/index.html`)),
      xhr: await outcome(() => new XMLHttpRequest()),
      socket: await outcome(() => new WebSocket("wss://example.com/")),
      imports: await outcome(() => importScripts("https://example.com/x.js")),
      prototype: await outcome(() => (Object.getPrototypeOf(self).fetch ?? self.fetch)("https://example.com/")),
    };
  }, origin);
}

for (const build of ["served", "single"]) {
  test(`${build}: a fetch or any other network call from the worker's scope fails`, async () => {
    const single = build === "single";
    const { context, page, log } = await watchedPage(browser, single ? "file" : server.origin);
    await page.goto(single ? pathToFileURL(path.join(DIST, "storydiff.html")).href : server.url);
    await page.waitForSelector("body[data-ready='1']");
    await paste(page, STORY(1));
    const got = await tryNetworkInWorker(page, single ? "file://" : server.origin);
    for (const [what, outcome] of Object.entries(got)) {
      assert.match(outcome, /disabled: the analysis worker has no network access/, `${what}: ${outcome}`);
    }
    assert.deepEqual(log.blocked, [], "nothing left the page");
    await context.close();
  });
}

test("served: the worker's script comes with its own CSP header", async () => {
  const res = await fetch(`${server.url}www/worker.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-security-policy") || "", /default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'/);
});

test("single file: zero requests of any kind from opening it to the last export", async () => {
  const file = pathToFileURL(path.join(DIST, "storydiff.html")).href;
  const { context, page, log } = await watchedPage(browser, "file");
  // Counted twice: Playwright's request events (page and worker) and Chromium's own network log.
  const cdp = await context.newCDPSession(page);
  const network = [];
  cdp.on("Network.requestWillBeSent", (e) => network.push(e.request.url));
  await cdp.send("Network.enable");
  await page.goto(file);
  await page.waitForSelector("body[data-ready='1']");
  await paste(page, STORY(1));
  let n = await runCount(page);
  await page.setInputFiles("#picker", [{ name: "picked.txt", mimeType: "text/plain", buffer: Buffer.from(STORY(2)) }]);
  await waitForRun(page, n);
  n = await runCount(page);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.txt", { type: "text/plain" }));
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, STORY(3));
  await waitForRun(page, n);
  await openView(page, "articles");
  assert.equal(await page.locator(".card").count(), 3);
  assert.equal(await page.locator("details.pair").count(), 3, "three pairs compared");
  const saved = [];
  for (const format of ["json", "facts", "entities", "events", "markdown", "html"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#export-panel button[data-format='${format}']`)]);
    saved.push(download.suggestedFilename());
  }
  assert.equal(saved.length, 6);
  assert.deepEqual(log.requests, [file], "the only request is the file itself");
  assert.ok(network.includes(file), "Chromium's network log sees the file itself");
  const others = network.filter((u) => u !== file);
  assert.ok(others.every((u) => u.startsWith("blob:null/")) && others.length <= 1, `only the worker's Blob URL besides: ${others}`);
  console.log(`single file: ${log.requests.length} request (the file); Chromium's network log: ${network.length} entries (the file, ${others.length} blob: URL of the worker); ${saved.length} exports saved`);
  assert.deepEqual(log.blocked, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violation");
  await context.close();
});

test("served: other formats are refused by name; decoding warnings are shown per file", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  const png = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "latin1"), Buffer.alloc(600, 7)]);
  const utf16 = Buffer.from(STORY(4), "utf16le");
  const n = await runCount(page);
  await page.setInputFiles("#picker", [
    { name: "photo.txt", mimeType: "text/plain", buffer: png },
    { name: "utf16.txt", mimeType: "text/plain", buffer: utf16 },
  ]);
  await waitForRun(page, n);
  assert.match(await page.textContent("#error"), /photo\.txt: looks like a PNG image, not text/);
  assert.equal(await page.locator("#article-list li").count(), 1);
  assert.match(await page.textContent("#article-list"), /no byte order mark: read as utf-16le/);
  await context.close();
});

test("1,000 dropped articles: read with progress, drawn a page at a time; the main thread is probed throughout", async () => {
  const N = Number(process.env.E2E_BATCH || 1000);
  const { context, page } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  // The files are made in the page a few at a time, so that making them is not measured.
  await page.evaluate(async (stories) => {
    window.__files = [];
    for (const [i, story] of stories.entries()) {
      window.__files.push(new File([story], `a${String(i).padStart(4, "0")}.txt`, { type: "text/plain" }));
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 0));
    }
  }, Array.from({ length: N }, (_, i) => STORY(i)));
  // The probe: a timer every 10 ms records the longest wait, and the long tasks Chromium reports.
  await page.evaluate(() => {
    window.__lag = 0;
    window.__long = [];
    let last = performance.now();
    setInterval(() => {
      const t = performance.now();
      window.__lag = Math.max(window.__lag, t - last - 10);
      last = t;
    }, 10);
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => [e.startTime, Math.round(e.duration)]))).observe({ type: "longtask" });
    window.__phase = [];
    // Frames whose work (tasks, then style, layout and paint) took over 50 ms, where Chromium says.
    window.__frames = [];
    if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) {
      new PerformanceObserver((l) => window.__frames.push(...l.getEntries().map((e) => Math.round(e.duration)))).observe({ type: "long-animation-frame" });
    }
  });
  const phase = (name) => page.evaluate((p) => window.__phase.push([performance.now(), p]), name);
  const n = await runCount(page);
  const t0 = Date.now();
  await phase("reading and analysis");
  await page.evaluate(() => {
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector("#drop-overall");
  assert.equal(await page.getAttribute("#drop-overall", "max"), String(N), "one bar for all the files");
  await page.waitForFunction((k) => Number(document.querySelector("#results")?.dataset.run || 0) > k && !document.body.dataset.busy, n, { timeout: 600_000, polling: 250 });
  const seconds = (Date.now() - t0) / 1000;
  assert.equal(await page.textContent("#drop-summary"), `${N.toLocaleString("en")} files added.`);
  await phase("show more");
  await drawMore(page, N);
  const lag = await page.evaluate(() => window.__lag);
  // Each long task with the phase it began in (results are drawn in the task that receives them).
  const long = await page.evaluate(() => window.__long.map(([t, d]) => `${d} ms (${window.__phase.filter(([p]) => p <= t).at(-1)?.[1] ?? "before"})`));
  const frames = await page.evaluate(() => window.__frames);
  console.log(`batch of ${N}: ${seconds.toFixed(1)} s to results; longest main-thread wait ${lag.toFixed(0)} ms; ` +
    `long tasks (> 50 ms): ${long.length}${long.length ? `: ${long.join(", ")}` : ""}; ` +
    `long animation frames (> 50 ms): ${frames.length}${frames.length ? `, the longest ${Math.max(...frames)} ms` : ""}`);
  await context.close();
});

/** The first page of each list is drawn; "Show more" draws the next, from the page or the worker. */
async function drawMore(page, N) {
  const cards = await page.locator(".card").count();
  const pairs = await page.locator("details.pair").count();
  assert.equal(cards, 0, "the article cards are drawn when their view is opened");
  assert.ok(pairs <= 20, "only the first page is drawn");
  assert.equal(await page.locator("#article-list li[data-id]").count(), Math.min(100, N), "the list too");
  assert.equal(await page.locator(".show-more").count() >= 1, true, "the rest on demand");
  await openView(page, "articles"); // the article cards are in the articles view
  assert.equal(await page.locator(".card").count(), Math.min(20, N), "only the first page is drawn");
  await page.locator("#cards .show-more").click();
  assert.equal(await page.locator(".card").count(), Math.min(40, N));
  // More pairs come from the worker, which kept them (the pairs are in the overview).
  await page.click("#tab-overview");
  const related = await page.locator("#pairs > details.pair").count();
  if (await page.locator("#pairs > .show-more").count()) {
    await page.locator("#pairs > .show-more").click();
    await page.waitForFunction((k) => document.querySelectorAll("#pairs > details.pair").length > k, related);
  }
  if (await page.locator(".unrelated-pairs").count()) {
    await page.locator(".unrelated-pairs > summary").click();
    await page.waitForSelector(".unrelated-pairs details.pair");
  }
  // The heat map of a batch this large is drawn when asked, for its first 40 articles.
  await page.click("#draw-heat");
  await page.waitForSelector(".heat-map");
  assert.equal(await page.locator(".heat-map tbody tr").count(), Math.min(40, N));
}
