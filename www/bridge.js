// A small bridge to the analysis worker (in the spirit of squoosh's worker-bridge):
// the worker starts lazily on the first call, calls run one at a time from a queue,
// a call can be cancelled with an AbortSignal (a running call terminates the worker,
// which restarts on the next call), and an idle worker stops after a while.

const IDLE_MS = 120_000;
/** The id of the preload's message: no call has it (calls count from 1), so its answer is dropped. */
const PRELOAD_ID = 0;

export class WorkerBridge {
  /**
   * @param {URL|string} url worker script (same origin, or a blob: URL)
   * @param {{idleMs?: number, type?: "module"|"classic", onStart?: (worker: Worker) => void, started?: Worker}} opts
   *   `onStart` posts what a fresh worker needs first (the single file sends it the wasm);
   *   `started` is a worker of `url` that the page started before this bridge existed, and that
   *   was given that already (www/start.js): the bridge's first worker.
   */
  constructor(url, { idleMs = IDLE_MS, type = "module", onStart = () => {}, started = null } = {}) {
    this.url = url;
    this.idleMs = idleMs;
    this.type = type;
    this.onStart = onStart;
    this.started = started;
    this.worker = null;
    this.queue = [];
    this.current = null;
    this.nextId = 1;
    this.idleTimer = 0;
  }

  /**
   * Starts the worker and has it load the engine now (compile the wasm, shut the network), so
   * that the first real call does not wait for it. The load is not a call of the queue: a call
   * made meanwhile is posted at once and waits in the worker, without a round trip through the
   * page between the two. A failed load is tried again by the next call.
   */
  preload() {
    this.start().postMessage({ id: PRELOAD_ID, method: "load", args: [] });
  }

  /**
   * Has a started worker warm its engine up while it has nothing to do (worker-core.js,
   * warmUp): the page asks once it is ready, so the warm-up does not take the CPU from the
   * page's own start. Not a call of the queue either; without a worker, nothing.
   */
  warmUp() {
    this.worker?.postMessage({ id: PRELOAD_ID, method: "warmUp", args: [] });
  }

  /** Calls `method(...args)` in the worker; resolves with its result. */
  call(method, args = [], { signal, onProgress } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const job = { id: this.nextId++, method, args, resolve, reject, onProgress, signal };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener("abort", job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  pump() {
    if (this.current || this.queue.length === 0) return;
    clearTimeout(this.idleTimer);
    const job = (this.current = this.queue.shift());
    const worker = this.start();
    job.onProgress?.({ stage: "queued" });
    worker.postMessage({ id: job.id, method: job.method, args: job.args });
  }

  start() {
    if (this.worker) return this.worker;
    const started = this.started;
    this.started = null;
    if (started?.storydiffFailed) started.terminate(); // it failed to start: a fresh one
    const adopt = started && !started.storydiffFailed;
    const worker = adopt ? started : new Worker(workerUrl(this.url), { type: this.type, name: "storydiff" });
    worker.onmessage = (e) => this.onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(`The analysis worker failed to start: ${e.message || "script error"}`));
    };
    worker.onmessageerror = () => this.fail(new Error("The analysis worker sent an unreadable message."));
    this.worker = worker;
    if (!adopt) this.onStart(worker);
    return worker;
  }

  onMessage(msg) {
    const job = this.current;
    if (!job || msg.id !== job.id) return;
    if (msg.type === "progress") return job.onProgress?.(msg.progress);
    if (msg.type === "part") return void ((job.parts ??= {})[msg.key] ??= []).push(...(msg.json ? readJsonPart(msg.json) : msg.items));
    if (msg.fatal) this.stop(); // the engine trapped: the next call gets a fresh worker
    this.finish(job);
    // Long lists came in parts (worker-core.js): put them back in place, the lists inside items last.
    const keys = msg.parts || [];
    for (const key of keys.filter((k) => !k.includes("/"))) msg.value[key] = job.parts?.[key] || [];
    for (const [list, i, field] of keys.filter((k) => k.includes("/")).map((k) => k.split("/"))) {
      msg.value[list][Number(i)][field] = job.parts?.[`${list}/${i}/${field}`] || [];
    }
    if (msg.type === "result") job.resolve(msg.value);
    else job.reject(new Error(msg.error || "unknown error in the worker"));
  }

  finish(job) {
    job.signal?.removeEventListener("abort", job.onAbort);
    this.current = null;
    this.pump();
    if (!this.current && Number.isFinite(this.idleMs)) this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** Rejects the running call and drops the worker (it may be broken). */
  fail(error) {
    const job = this.current;
    this.stop();
    if (job) {
      this.finish(job);
      job.reject(error);
    }
  }

  abort(job) {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(abortError());
    } else if (this.current === job) {
      this.stop(); // the wasm call cannot be interrupted: end the worker
      this.finish(job);
      job.reject(abortError());
    }
  }

  /** Ends the worker when no call is running or waiting (a cancelled run's worker whose part was done). */
  stopIfIdle() {
    if (!this.current && this.queue.length === 0) this.stop();
  }

  stop() {
    clearTimeout(this.idleTimer);
    this.worker?.terminate();
    this.worker = null;
  }
}

let policy = null;

/**
 * The worker's URL as Trusted Types require it where they are enforced: a policy that lets
 * through only a same-origin script or a blob: URL made by this page.
 */
function workerUrl(url) {
  const tt = globalThis.trustedTypes;
  if (!tt) return url;
  policy ??= tt.createPolicy("storydiff-worker", {
    createScriptURL: (u) => {
      const parsed = new URL(u, document.baseURI);
      if (parsed.protocol === "blob:" || parsed.origin === location.origin) return u;
      throw new TypeError(`storydiff: refusing to start a worker from ${u}`);
    },
  });
  return policy.createScriptURL(String(url));
}

/**
 * The items of a part sent as JSON text (worker-core.js, postArticlesJson): each item's JSON
 * followed by a comma. Read here, in the task of its own message.
 */
function readJsonPart(bytes) {
  return JSON.parse(`[${new TextDecoder().decode(bytes.subarray(0, bytes.length - 1))}]`);
}

/** The error a cancelled call rejects with, as fetch's: a DOMException named AbortError. */
export function abortError() {
  return new DOMException("Cancelled", "AbortError");
}
