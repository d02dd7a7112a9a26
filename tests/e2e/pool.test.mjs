// End-to-end tests of the worker pool (www/pool.js) in both builds: a batch of 120 articles
// (the benchmark corpus, scripts/bench/corpus.mjs: paragraphs of the seeds and the evaluation
// texts) is analyzed by three workers and compared in one, and the whole report (the JSON
// export) is the one a single worker gives; cancelling a pooled run ends every worker of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, watchedPage, waitForRun, runCount, startBrowserAndServer } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

const N = 120;

/** The first N articles of the benchmark corpus, as files to drop. */
function batch() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "storydiff-pool-"));
  try {
    const out = path.join(dir, "corpus.jsonl");
    execFileSync("node", [path.join(ROOT, "scripts/bench/corpus.mjs"), "--mb", "0.5", "--out", out], { stdio: "ignore" });
    const lines = readFileSync(out, "utf8").split("\n").filter(Boolean).slice(0, N);
    assert.equal(lines.length, N);
    return lines.map((l) => JSON.parse(l)).map((a) => ({ name: `${a.id}.txt`, text: a.text }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const FILES = batch();

function drop(page, files) {
  return page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "text/plain" }));
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("#export-panel button[data-format='json']")]);
  return readFileSync(await file.path(), "utf8");
}

function urlOf(build, workers) {
  const base = build === "single" ? pathToFileURL(path.join(DIST, "storydiff.html")).href : server.url;
  return `${base}?workers=${workers}`;
}

/** Opens the page with `workers` workers, drops the batch, waits for the report. */
async function open(build, workers) {
  const { context, page, log } = await watchedPage(browser, build === "single" ? "file" : server.origin);
  await page.goto(urlOf(build, workers));
  await page.waitForSelector("body[data-ready='1']");
  await page.evaluate(() => {
    window.__stages = [];
    new MutationObserver(() => window.__stages.push(document.querySelector("#status-text").textContent))
      .observe(document.querySelector("#status-text"), { childList: true, characterData: true, subtree: true });
  });
  const n = await runCount(page);
  await drop(page, FILES);
  await waitForRun(page, n);
  assert.equal(await page.textContent("#error"), "", "no error");
  return { context, page, log };
}

for (const build of ["served", "single"]) {
  test(`${build}: ${N} articles analyzed by 3 workers give the report of one worker`, async () => {
    const one = await open(build, 1);
    assert.equal(one.page.workers().length, 1, "one worker for the whole batch");
    const alone = await download(one.page);
    await one.context.close();

    const three = await open(build, 3);
    assert.equal(three.page.workers().length, 3, "the batch was shared between three workers");
    const stages = await three.page.evaluate(() => window.__stages);
    console.log(`${build}: status during the pooled run: ${JSON.stringify([...new Set(stages.map((s) => s.replace(/… .*/, "")))])}`);
    const pooled = await download(three.page);
    const report = JSON.parse(pooled);
    assert.equal(report.articles.length, N);
    assert.ok(report.pairs.length > 0 && report.clusters.event.length > 0, "the batch has related pairs and events");
    assert.ok(pooled === alone, `the pooled report differs from the one-worker report (${pooled.length} and ${alone.length} chars)`);
    assert.deepEqual(three.log.blocked, []);
    assert.deepEqual(await three.page.evaluate(() => window.__csp), [], "no CSP violation");
    await three.context.close();
  });
}

test(`served: cancelling a pooled run ends its workers; analyzing again gives the report`, async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await page.goto(urlOf("served", 3));
  await page.waitForSelector("body[data-ready='1']");
  const n = await runCount(page);
  // Three times the batch, so that the run lasts long enough to be cancelled.
  const files = [0, 1, 2].flatMap((k) => FILES.map((f) => ({ ...f, name: `${k}-${f.name}` })));
  await drop(page, files);
  // The run is shared once the two helpers have started: cancel it then.
  const t0 = Date.now();
  while (page.workers().length < 3 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 5));
  assert.equal(page.workers().length, 3, "the helpers started");
  await page.click("#cancel");
  await page.waitForFunction(() => /^Cancelled/.test(document.querySelector("#error")?.textContent || ""));
  assert.equal(await runCount(page), n, "no report from the cancelled run");
  const start = Date.now();
  while (page.workers().length > 0 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 100));
  assert.equal(page.workers().length, 0, "every worker of the cancelled run ended");
  await page.click("#error button");
  await waitForRun(page, n);
  const report = JSON.parse(await download(page));
  assert.equal(report.articles.length, 3 * N);
  await context.close();
});
