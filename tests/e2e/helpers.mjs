// Shared helpers for the end-to-end tests: playwright-core driving Debian's chromium, and
// python's http.server on an ephemeral loopback port, both started and stopped by the tests.
import { spawn } from "node:child_process";
import { before, after } from "node:test";
import path from "node:path";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(process.env.STORYDIFF_ROOT || ".");
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, "dist"));
export const OUT = path.resolve(process.env.E2E_OUT || path.join(ROOT, "target/e2e"));

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Starts headless Chromium; `extraArgs` (e.g. `--js-flags=...` for a benchmark) after the usual ones. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Starts a static server on 127.0.0.1:0 serving `dir`; resolves {url, origin, stop}. */
export function serve(dir) {
  return new Promise((resolve, reject) => {
    // scripts/serve.py: http.server plus the headers of dir/_headers (the worker's CSP).
    const child = spawn("python3", ["-u", path.join(ROOT, "scripts/serve.py"), "0", dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buf = "";
    const onData = (d) => {
      buf += d;
      const m = buf.match(/port (\d+)/);
      if (!m) return;
      child.stdout.off("data", onData);
      child.stdout.resume();
      const origin = `http://127.0.0.1:${m[1]}`;
      resolve({
        url: `${origin}/`,
        origin,
        stop: () => new Promise((r) => {
          if (child.exitCode !== null) return r();
          child.once("exit", r);
          child.kill("SIGTERM");
        }),
      });
    };
    child.stdout.on("data", onData);
    child.stderr.resume(); // the access log
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`http.server exited early (${code})`)));
  });
}

/**
 * A fresh context + page that records everything the page asks for. Requests to any
 * origin other than `allowedOrigin` (or any non-file URL when it is "file") are aborted
 * and recorded; CSP violations are collected in the page.
 */
export async function watchedPage(browser, allowedOrigin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const log = { requests: [], blocked: [], console: [], errors: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const ok = allowedOrigin === "file" ? url.startsWith("file:") : url.startsWith(allowedOrigin + "/");
    if (ok || url.startsWith("data:")) return route.continue();
    log.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  return { context, page, log };
}

/** Waits until the run counter of the results moves past `after` and nothing is busy. */
export async function waitForRun(page, after) {
  await page.waitForFunction(
    (n) => Number(document.querySelector("#results")?.dataset.run || 0) > n && !document.body.dataset.busy,
    after,
    { timeout: 60_000 },
  );
}

/**
 * Opens the results' view `key` (overview, side, facts, entities, timeline, articles) by its tab
 * and waits until it is drawn: a view is drawn when it is shown, not with every result.
 */
export async function openView(page, key) {
  await page.click(`#tab-${key}`);
  await page.waitForSelector(`#panel-${key}:not([hidden])[data-ready]:not([data-ready=''])`);
}

export async function runCount(page) {
  return Number((await page.getAttribute("#results", "data-run")) || 0);
}

/** The event clusters shown, as sorted lists of three-digit id prefixes. */
export async function eventClusters(page) {
  const groups = await page.$$eval("[data-cluster='event']", (els) => els.map((e) => e.dataset.ids.split(" ")));
  return groups.map((ids) => ids.map((id) => id.slice(0, 3)).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/** For every article card: the text shown (without the added buttons/labels) and the input. */
export async function shownTexts(page) {
  return page.$$eval(".card", (cards) =>
    cards.map((card) => {
      const clone = card.querySelector(".article-text").cloneNode(true);
      clone.querySelectorAll(".removed-reason, .restore").forEach((e) => e.remove());
      return { id: card.dataset.id, text: clone.textContent };
    }));
}

/**
 * Starts Chromium and a server of DIST before a test file's tests and stops them after;
 * `use(browser, server)` receives them once started.
 */
export function startBrowserAndServer(use) {
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await serve(DIST);
    use(browser, server);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** A short synthetic report, different for each `i`: a town, a count and a quoted mayor. */
export const STORY = (i) =>
  `Officials in Town ${i} said on Monday that ${i + 3} people were hurt when a bridge fell. ` +
  `"We are still counting," said the mayor, Anna Berg${i}.`;
