// The analysis worker warms its engine up once the page is ready, only if no call came first
// (www/worker-core.js, warmUp), and the warm-up changes no result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, startBrowserAndServer } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => { browser = b; server = s; });

const SEEDS = readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => ({ id: f, text: readFileSync(path.join(ROOT, "seeds", f), "utf8") }));

/** The warm-up steps on the timeline of the page's analysis worker (polls until `count` or 5 s). */
async function warmUpSteps(page, count) {
  const deadline = Date.now() + 5000;
  for (;;) {
    let n = 0;
    for (const w of page.workers()) {
      n += await w.evaluate(() => performance.getEntriesByName("storydiff:warm-up").length).catch(() => 0);
    }
    if (n >= count || Date.now() > deadline) return n;
    await page.waitForTimeout(50);
  }
}

test("an idle page's worker warms up in two steps", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "index.html");
  await page.waitForSelector("body[data-ready='1']");
  assert.equal(await warmUpSteps(page, 2), 2);
  await context.close();
});

test("no warm-up while the examples are on their way (#examples)", async () => {
  const context = await browser.newContext();
  // The examples come late: the page is ready long before they reach the worker.
  await context.route("**/seeds/manifest.json", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(server.url + "index.html#examples");
  await page.waitForSelector("body[data-ready='1']");
  await page.waitForSelector("[data-cluster='event']", { state: "attached", timeout: 30_000 });
  // The page is ready and the engine idle before the examples come: a warm-up would run now.
  assert.equal(await warmUpSteps(page, 1), 0);
  await context.close();
});

test("a warmed-up worker gives the same report as a cold one; no warm-up after a call", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "index.html");
  await page.waitForSelector("body[data-ready='1']");
  const [warm, cold] = await page.evaluate(async (articles) => {
    const { WorkerBridge } = await import(new URL("www/bridge.js", document.baseURI).href);
    const url = new URL("www/worker.js", document.baseURI);
    const run = async (warmUpFirst) => {
      const bridge = new WorkerBridge(url, { idleMs: Infinity });
      await bridge.call("load");
      if (warmUpFirst) {
        bridge.warmUp();
        await new Promise((r) => setTimeout(r, 1000));
      }
      const report = await bridge.call("compare", [articles]);
      // Asked after a call: the engine is compiled already, no step runs.
      if (!warmUpFirst) bridge.warmUp();
      await new Promise((r) => setTimeout(r, 300));
      (window.__bridges ??= []).push(bridge);
      return JSON.stringify({ ...report, run: 0 });
    };
    return [await run(true), await run(false)];
  }, SEEDS);
  assert.ok(warm.length > 1000, "a report");
  assert.equal(warm, cold);
  // The two workers that compared (the page's own did not): 2 warm-up steps in one, none in the other.
  const steps = [];
  for (const w of page.workers()) {
    const t = await w.evaluate(() => ({
      compared: performance.getEntriesByName("storydiff:compare").length,
      steps: performance.getEntriesByName("storydiff:warm-up").length,
    })).catch(() => null);
    if (t && t.compared > 0) steps.push(t.steps);
  }
  assert.deepEqual(steps.sort(), [0, 2]);
  await context.close();
});
