// The browser benchmark page runs the engine next to its anchors and reports ratios.
// No timing is asserted (timings belong to benchmarks, not tests): only that it runs,
// measures, and asks nothing of another origin. The figures are printed for the log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startBrowserAndServer } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

test("bench page: engine and anchors measured in one run, same-origin only", async () => {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.url}bench.html?rounds=${process.env.BENCH_ROUNDS || 5}`);
  await page.waitForSelector("body[data-done]", { timeout: 120_000 });
  assert.equal(await page.getAttribute("body", "data-done"), "1", await page.textContent("#status"));
  const summary = JSON.parse(await page.textContent("#json"));
  assert.equal(summary.articles, 5);
  assert.equal(summary.results.length, 4);
  for (const r of summary.results) assert.ok(r.median_ms > 0 && Number.isFinite(r.vs_split), JSON.stringify(r));
  console.log("browser benchmark:", JSON.stringify(summary.results));
  assert.ok(requests.every((u) => u.startsWith(server.origin)), requests.join("\n"));
  await page.close();
});
