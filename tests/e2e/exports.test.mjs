// End-to-end tests of the export toolbar (<section id="export-panel">) in both builds: each
// button saves its file through a Blob URL; the JSON follows the schema and holds every pair
// (the page itself holds only the first ones); the CSV, Markdown and HTML files are what
// www/export.js makes of that JSON; the HTML report opens on its own with no request and no
// script. The single file does all of it with zero requests of any kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkCompare } from "../../scripts/check-schema.mjs";
import { exportReport } from "../../www/export.js";
import { DIST, watchedPage, waitForRun, runCount, openView, startBrowserAndServer } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

const FORMATS = ["json", "facts", "entities", "events", "markdown", "html"];

/** Clicks the export button of `format`; resolves {name, text} of the file saved. */
async function download(page, format) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`#export-panel button[data-format='${format}']`)]);
  assert.match(file.url(), /^blob:/, "saved from a Blob URL");
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** The articles as the page holds them (the inputs of the report). */
const pageInputs = (page) => page.evaluate(() => [...document.querySelectorAll(".card")].map((c) => c.dataset.id));

async function exportAll(page) {
  const n = await runCount(page);
  await page.click("#load-examples");
  await waitForRun(page, n);
  assert.equal(await page.isVisible("#export-panel"), true);
  const files = {};
  for (const format of FORMATS) files[format] = await download(page, format);
  assert.match(await page.textContent("#export-status"), /^Saved storydiff-report\.html \(\d+ KB\)/);
  return files;
}

for (const build of ["served", "single"]) {
  test(`${build}: every export is saved from the whole report; the single file makes no request at all`, async () => {
    const single = build === "single";
    const url = single ? pathToFileURL(path.join(DIST, "storydiff.html")).href : server.url;
    const { context, page, log } = await watchedPage(browser, single ? "file" : server.origin);
    const cdp = await context.newCDPSession(page);
    const network = [];
    cdp.on("Network.requestWillBeSent", (e) => network.push(e.request.url));
    await cdp.send("Network.enable");
    await page.goto(url);
    await page.waitForSelector("body[data-ready='1']");
    assert.equal(await page.isHidden("#export-panel"), true, "nothing to export yet");
    const files = await exportAll(page);
    const report = JSON.parse(files.json.text);
    await openView(page, "articles");
    const ids = await pageInputs(page);
    const seeds = ids.map((id) => ({ id, text: readFileSync(path.join(DIST, "seeds", `${id}.txt`), "utf8") }));
    assert.deepEqual(checkCompare(report, Object.fromEntries(seeds.map((a) => [a.id, a.text])), "exported JSON"), []);
    assert.equal(report.pairs.length, 10, "every pair, not only those the page drew");
    for (const format of FORMATS.slice(1)) {
      const expected = exportReport(report, format, seeds);
      assert.equal(files[format].name, expected.name);
      assert.equal(files[format].text, expected.text, `${format}: what export.js makes of the JSON`);
    }
    if (single) {
      assert.deepEqual(log.requests, [url], "the only request is the file itself");
      assert.ok(network.includes(url), "CDP sees the page's own request (the probe works)");
      // Besides the file, CDP lists the Blob URL the page makes for its worker: read inside the
      // tab, not a request to anywhere.
      const blobs = network.filter((u) => u.startsWith("blob:"));
      assert.ok(blobs.length <= 1, `blob: URLs loaded: ${blobs}`);
      assert.deepEqual(network.filter((u) => u !== url && !u.startsWith("blob:")), [], "CDP saw no other request");
      console.log(`single file: CDP saw ${network.length} load(s): the file and ${blobs.length} blob: URL (the worker)`);
    }
    assert.deepEqual(log.blocked, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violation");
    if (!single) await openHtmlReport(files.html.text);
    await context.close();
  });
}

/** The HTML report opened on its own: it shows the articles, asks for nothing and runs nothing. */
async function openHtmlReport(html) {
  const { context, page, log } = await watchedPage(browser, "none");
  const errors = [];
  page.on("console", (m) => errors.push(m.text()));
  await page.setContent(html);
  assert.equal(await page.title(), "storydiff report");
  assert.equal(await page.locator("section[id^='a-']").count(), 5);
  assert.ok(await page.locator("mark.PLACE").count() > 5, "places are marked");
  assert.equal(await page.locator("script").count(), 0);
  assert.deepEqual(log.blocked, [], "no request");
  assert.deepEqual(errors, []);
  await context.close();
}
