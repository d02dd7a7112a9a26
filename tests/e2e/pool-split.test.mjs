// Unit tests under node of the worker pool (www/pool.js) with stand-in bridges: which batches
// are shared, how they are split, what each worker is asked, and how a failed part or a
// cancel ends the run. The browser test (pool.test.mjs) runs the real engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WorkerPool, split, poolSize, isLarge, POOL_MIN_ARTICLES } from "../../www/pool.js";

const batch = (lengths) => lengths.map((n, i) => ({ id: `a${i}`, text: "x".repeat(n) }));

test("split: consecutive parts, none empty, every article once, about equal text", () => {
  for (const [lengths, n] of [[[1, 1, 1, 1, 1, 1, 1, 1], 3], [[100, 1, 1, 1], 3], [[1, 1], 4], [[7], 3], [Array(120).fill(50), 4], [[1, 2, 300, 4, 5, 6], 2]]) {
    const parts = split(batch(lengths), n);
    assert.ok(parts.length <= Math.min(n, lengths.length) && parts.length >= 1, JSON.stringify(parts));
    assert.equal(parts[0][0], 0);
    assert.equal(parts.at(-1)[1], lengths.length);
    for (let i = 0; i < parts.length; i++) {
      assert.ok(parts[i][1] > parts[i][0], `part ${i} is empty: ${JSON.stringify(parts)}`);
      if (i > 0) assert.equal(parts[i][0], parts[i - 1][1]);
    }
  }
  assert.equal(split(batch([1, 1]), 4).length, 2, "as many parts as articles when there are few");
  assert.deepEqual(split(batch(Array(120).fill(50)), 4), [[0, 30], [30, 60], [60, 90], [90, 120]]);
});

test("poolSize: one core left to the page, at most 4; ?workers=N sets it", () => {
  assert.equal(poolSize(2, ""), 1);
  assert.equal(poolSize(4, ""), 3);
  assert.equal(poolSize(16, ""), 4);
  assert.equal(poolSize(undefined, ""), 1);
  assert.equal(poolSize(2, "?workers=3"), 3);
  assert.equal(poolSize(8, "?workers=0"), 4, "an unusable value is ignored");
  assert.equal(isLarge(batch(Array(POOL_MIN_ARTICLES - 1).fill(10))), false);
  assert.equal(isLarge(batch(Array(POOL_MIN_ARTICLES).fill(10))), true);
  assert.equal(isLarge(batch([2_000_000])), true);
});

/** A stand-in bridge: records its calls; `answer(method, args)` gives the result or throws. */
function fakeBridge(name, log, answer) {
  let running = 0;
  return {
    call(method, args, { signal } = {}) {
      log.push({ name, method, args });
      running += 1;
      return new Promise((resolve, reject) => {
        let settled = false;
        signal?.addEventListener("abort", () => {
          if (settled) return;
          settled = true;
          running -= 1;
          log.push({ name, aborted: method });
          reject(new DOMException("Cancelled", "AbortError"));
        });
        setTimeout(() => {
          if (settled) return;
          settled = true;
          running -= 1;
          try { resolve(answer(method, args)); } catch (e) { reject(e); }
        }, method === "analyzePart" ? 5 * (args[1] + 1) : 1);
      });
    },
    stopIfIdle() {
      if (running === 0) log.push({ name, stopped: true });
    },
  };
}

test("a small batch goes to the main worker; a large one is analyzed in parts and compared in the main worker", async () => {
  const log = [];
  const answer = (method, args) => (method === "analyzePart" ? `packed ${args[1]}-${args[2]}` : { method, args });
  const pool = new WorkerPool(fakeBridge("main", log, answer), () => fakeBridge(`helper`, log, answer), 3);
  const small = batch([10, 10]);
  assert.equal((await pool.compare(small, null)).method, "compare");
  assert.equal((await pool.compare(small, { split: ["x"] })).method, "compareWithOverrides");
  assert.equal(pool.helpers.length, 0, "no helper for a small batch");
  log.length = 0;
  const large = batch(Array(60).fill(10));
  const stages = [];
  const report = await pool.compare(large, { merge: [] }, { onProgress: (p) => stages.push(p.stage) });
  assert.equal(pool.helpers.length, 2);
  assert.deepEqual(log.filter((c) => c.method === "analyzePart").map((c) => [c.name, c.args[1], c.args[2], c.args[0].length]),
    [["main", 0, 20, 60], ["helper", 20, 40, 60], ["helper", 40, 60, 60]]);
  assert.equal(report.method, "compareAnalyzed");
  assert.deepEqual(report.args[1], ["packed 0-20", "packed 20-40", "packed 40-60"], "the parts in batch order");
  assert.deepEqual(report.args[2], { merge: [] });
  assert.equal(log.at(-1).name, "main", "compared in the main worker");
  assert.equal(stages[0], "analyzing 60 articles in 3 workers");
  assert.equal(stages.at(-1), "analyzing 60 articles in 3 workers (3 of 3 done)");
});

test("a part that fails stops the others and the run fails with its error; a cancel rejects with AbortError", async () => {
  const log = [];
  const answer = (method, args) => {
    if (method === "analyzePart" && args[1] === 0) throw new Error("a0: two articles share this id");
    return "packed";
  };
  const pool = new WorkerPool(fakeBridge("main", log, answer), () => fakeBridge("helper", log, answer), 3);
  await assert.rejects(pool.compare(batch(Array(60).fill(10)), null), /two articles share this id/);
  assert.equal(log.filter((c) => c.aborted === "analyzePart").length, 2, "the two other parts were stopped");
  assert.equal(log.some((c) => c.method === "compareAnalyzed"), false);

  const ctl = new AbortController();
  const ok = new WorkerPool(fakeBridge("main", [], () => "packed"), () => fakeBridge("helper", [], () => "packed"), 3);
  const run = ok.compare(batch(Array(60).fill(10)), null, { signal: ctl.signal });
  ctl.abort();
  await assert.rejects(run, { name: "AbortError" });
});

test("a cancel stops the workers whose part was done, and aborts the others' calls", async () => {
  const log = [];
  const ctl = new AbortController();
  const pool = new WorkerPool(fakeBridge("main", log, () => "packed"), () => fakeBridge("helper", log, () => "packed"), 3);
  const run = pool.compare(batch(Array(60).fill(10)), null, { signal: ctl.signal });
  // The first part (the main worker's) is done after 5 ms, the others after 105 and 205.
  await new Promise((r) => setTimeout(r, 40));
  ctl.abort();
  await assert.rejects(run, { name: "AbortError" });
  assert.equal(log.filter((c) => c.aborted === "analyzePart").length, 2, "the two running parts were aborted");
  assert.ok(!log.some((c) => c.name === "main" && c.aborted), "the main worker's part was done");
  assert.ok(log.some((c) => c.name === "main" && c.stopped), "the worker whose part was done was stopped");
});
