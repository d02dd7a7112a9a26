// Measures how long the page's main thread is blocked while N dropped articles are read,
// analyzed and drawn, for one or more builds in turn (an A/B of two builds in the same run,
// on the same machine load): the longest long task (PerformanceObserver) and the longest wait
// of a 10 ms timer, from the drop to 1 s after the results.
//
//   node scripts/page-probe.mjs [--n 1000] [--rounds 3] DIST_DIR...
// e.g. node scripts/page-probe.mjs /path/to/old/dist dist
import path from "node:path";
import { parseArgs } from "node:util";
import { launch, serve, watchedPage } from "../tests/e2e/helpers.mjs";

const { values: opt, positionals } = parseArgs({ allowPositionals: true, options: { n: { type: "string", default: "1000" }, rounds: { type: "string", default: "3" } } });
const N = Number(opt.n);
const builds = (positionals.length ? positionals : ["dist"]).map((d) => [d, path.resolve(d)]);
const browser = await launch();
for (let round = 1; round <= Number(opt.rounds); round++) for (const [label, dir] of builds) {
  const server = await serve(dir);
  const { context, page } = await watchedPage(browser, server.origin);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
  await page.evaluate(async (n) => {
    window.__files = [];
    for (let i = 0; i < n; i++) {
      window.__files.push(new File([`Officials in Town ${i} said on Monday that ${i + 3} people were hurt when a bridge fell. "We are still counting," said the mayor, Anna Berg${i}.`], `a${String(i).padStart(4, "0")}.txt`));
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 0));
    }
    window.__lag = 0; window.__long = [];
    let last = performance.now();
    setInterval(() => { const t = performance.now(); window.__lag = Math.max(window.__lag, t - last - 10); last = t; }, 10);
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => Math.round(e.duration)))).observe({ type: "longtask" });
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, N);
  const t0 = Date.now();
  await page.waitForFunction(() => Number(document.querySelector("#results")?.dataset.run || 0) > 0 && !document.body.dataset.busy, null, { timeout: 600_000, polling: 250 });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => ({ lag: Math.round(window.__lag), long: window.__long }));
  console.log(`round ${round} ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s; longest long task ${Math.max(0, ...r.long)} ms (${r.long.length} over 50 ms, ${r.long.filter((x) => x >= 100).length} over 100 ms); longest timer wait ${r.lag} ms`);
  await context.close();
  await server.stop();
}
await browser.close();
