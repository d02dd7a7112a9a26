// Whether two or more builds give the page the same results through its worker, as the page
// reads them: in headless Chromium, each build served in turn, one worker (www/bridge.js,
// www/worker.js) compares the first 5, 60 and all articles of a corpus; for each batch the
// result the page gets, the next pages of related and unrelated pairs ("Show more") and the
// JSON export are hashed together. For changes to how results cross from the worker to the page;
// same-reports.mjs checks the engine's own reports.
//
//   node scripts/bench/same-page-reports.mjs OLD/dist dist [target/bench/corpus-1.jsonl]
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, launch, serve } from "../../tests/e2e/helpers.mjs";

const args = process.argv.slice(2);
const corpus = args.find((a) => a.endsWith(".jsonl")) ?? path.join(ROOT, "target/bench/corpus-1.jsonl");
const dists = args.filter((a) => !a.endsWith(".jsonl"));
if (dists.length < 2) throw new Error("usage: same-page-reports.mjs OLD/dist NEW/dist [CORPUS.jsonl]");
const articles = readFileSync(corpus, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  .map(({ id, text, date, title }) => ({ id, text, ...(date ? { date } : {}), ...(title ? { title } : {}) }));

/** Digest per batch size of what one build's worker hands the page. */
async function digests(browser, dist) {
  const server = await serve(path.resolve(dist));
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='1']");
    const texts = await page.evaluate(async ({ articles }) => {
      const { WorkerBridge } = await import(new URL("www/bridge.js", document.baseURI).href);
      const bridge = new WorkerBridge(new URL("www/worker.js", document.baseURI), { idleMs: Infinity });
      const out = {};
      for (const n of [...new Set([5, 60, articles.length])].filter((n) => n <= articles.length)) {
        const { run, ...result } = await bridge.call("compare", [articles.slice(0, n)]);
        const more = [];
        for (const related of [true, false]) {
          for (let offset = 20; offset < 220; offset += 50) more.push(await bridge.call("pairs", [run, related, offset, 50]));
        }
        const file = await bridge.call("exportReport", [run, "json"]);
        out[n] = JSON.stringify([result, more, await file.blob.text()]);
      }
      return out;
    }, { articles });
    return Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, createHash("sha256").update(t).digest("hex").slice(0, 16)]));
  } finally {
    await page.close();
    await server.close?.();
  }
}

const browser = await launch();
const all = [];
for (const d of dists) all.push(await digests(browser, d));
await browser.close();
let different = 0;
for (const n of Object.keys(all[0])) {
  const same = all.every((x) => x[n] === all[0][n]);
  if (!same) different += 1;
  console.log(`${n} articles: ${all.map((x) => x[n]).join("  ")}  ${same ? "same" : "DIFFERENT"}`);
}
console.log(`${corpus}: ${different === 0 ? "every batch the same" : `${different} batch(es) different`}`);
process.exit(different === 0 ? 0 : 1);
