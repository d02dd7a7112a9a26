// End-to-end tests of large drops: a bar for all the files and one per file being read,
// the files that could not be added each with its reason in plain words (unsupported type,
// empty, too large, not text), and Cancel, which keeps the files already read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage, waitForRun, runCount, startBrowserAndServer, STORY } from "./helpers.mjs";

let browser;
let server;
startBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});


async function open(context, page) {
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
}

/** Drops `files` ([{name, bytes: number[] | string}]) on the drop zone. */
function drop(page, files) {
  return page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const body = typeof f.bytes === "string" ? f.bytes : new Uint8Array(f.bytes);
      dt.items.add(new File([body], f.name, { type: "text/plain" }));
    }
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

test("served: each file that cannot be added is named with its reason in plain words; the good ones are added", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await open(context, page);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(600).fill(7)];
  const n = await runCount(page);
  await drop(page, [
    { name: "good.txt", bytes: STORY(1) },
    { name: "report.pdf", bytes: "%PDF-1.7" },
    { name: "notes", bytes: "no extension" },
    { name: "empty.txt", bytes: "" },
    { name: "blank.md", bytes: "  \n\n  " },
    { name: "huge.txt", bytes: "x".repeat(1024 * 1024 + 1) },
    { name: "photo.txt", bytes: png },
  ]);
  await waitForRun(page, n);
  const failed = await page.$$eval(".drop-failed li", (l) => l.map((e) => e.textContent));
  assert.deepEqual(failed, [
    "report.pdf: a .pdf file is not supported; add .txt, .html, .htm or .md files",
    "notes: a file without an extension is not supported; add .txt, .html, .htm or .md files",
    "empty.txt: the article is empty",
    "blank.md: the article is empty",
    "huge.txt: 1,048,577 bytes is over the size limit of 1 MB; split it",
    "photo.txt: looks like a PNG image, not text; give the article's text (.txt, .html, .md)",
  ]);
  assert.equal(await page.textContent("#drop-summary"), "1 file added, 6 not added.");
  assert.equal(await page.locator("#drop-overall").count(), 0, "the bars go when the reading is over");
  assert.match(await page.textContent("#error"), /^Skipped 6 file\(s\): report\.pdf: a \.pdf file is not supported/);
  assert.deepEqual(await page.$$eval("#article-list li[data-id]", (l) => l.map((e) => e.dataset.id)), ["good"]);
  await context.close();
});

test("served: a drop shows a bar per file and for all; Cancel stops it and keeps the files already read", async () => {
  const { context, page } = await watchedPage(browser, server.origin);
  await open(context, page);
  const N = 600;
  // Bars are drawn each frame; what is on screen is recorded, and Cancel pressed (as a user
  // would, with a click) once five files are read.
  await page.evaluate(() => {
    window.__bars = { files: 0, overall: 0 };
    new MutationObserver(() => {
      window.__bars.files = Math.max(window.__bars.files, document.querySelectorAll(".drop-files progress").length);
      const overall = document.querySelector("#drop-overall");
      if (!overall) return;
      window.__bars.overall = Number(overall.max);
      if (overall.value >= 5 && !window.__cancelled) {
        window.__cancelled = true;
        document.querySelector("#drop-cancel").click();
      }
    }).observe(document.querySelector("#drop-progress"), { childList: true, subtree: true, attributes: true });
  });
  const n = await runCount(page);
  await drop(page, Array.from({ length: N }, (_, i) => ({ name: `a${String(i).padStart(4, "0")}.txt`, bytes: STORY(i) })));
  await waitForRun(page, n);
  const bars = await page.evaluate(() => window.__bars);
  assert.equal(bars.overall, N, "one bar for all the files");
  assert.ok(bars.files >= 1, "a bar for the file being read");
  const summary = await page.textContent("#drop-summary");
  const m = /^(\d+) files added, (\d+) not read \(cancelled\)\.$/.exec(summary);
  assert.ok(m, summary);
  const added = Number(m[1]);
  assert.ok(added >= 5 && added < N, `${added} added before Cancel`);
  assert.equal(added + Number(m[2]), N);
  assert.equal(await page.locator("#article-list li[data-id]").count(), Math.min(added, 100));
  assert.match(await page.textContent("#error"), new RegExp(`^Stopped: ${N - added} of ${N} file\\(s\\) were not read\\.$`));
  await context.close();
});
