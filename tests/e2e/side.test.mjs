// Unit tests of the side-by-side rows (www/side.js `alignRows`), under node: every sentence of
// every column is shown once and in order, aligned sentences share a row, and crossing
// alignments do not reorder a report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { alignRows } from "../../www/side.js";

const map = (pairs) => new Map(pairs.map(([a, b, score = 0.5]) => [a, { b, score }]));

/** The indexes of column `c` in row order (without the gaps). */
const column = (rows, c) => rows.map((r) => r.cells[c]).filter((i) => i !== undefined);

function assertComplete(rows, counts) {
  counts.forEach((n, c) => assert.deepEqual(column(rows, c), [...Array(n).keys()], `column ${c}: each sentence once, in order`));
}

test("side by side: two reports, aligned sentences share a row, the rest stand alone", () => {
  const rows = alignRows([4, 5], [map([[0, 0, 0.9], [2, 3, 0.7]])]);
  assertComplete(rows, [4, 5]);
  assert.deepEqual(rows.map((r) => r.cells), [[0, 0], [1, undefined], [undefined, 1], [undefined, 2], [2, 3], [3, undefined], [undefined, 4]]);
  assert.deepEqual(rows.map((r) => r.score), [0.9, null, null, null, 0.7, null, null]);
});

test("side by side: crossing alignments keep each report in its order", () => {
  // 0->2 then 1->0 would send report b backwards: the second is shown as sentences of their own.
  const rows = alignRows([3, 3], [map([[0, 2], [1, 0], [2, 1]])]);
  assertComplete(rows, [3, 3]);
  assert.deepEqual(rows[2].cells, [0, 2]);
});

test("side by side: three reports aligned on the first", () => {
  const rows = alignRows([3, 2, 4], [map([[0, 0], [2, 1]]), map([[1, 3]])]);
  assertComplete(rows, [3, 2, 4]);
  const row = rows.find((r) => r.cells[0] === 1);
  assert.deepEqual(row.cells, [1, undefined, 3]);
  assert.deepEqual(rows.find((r) => r.cells[0] === 2).cells, [2, 1, undefined]);
});

test("side by side: a report with no alignment at all is still shown whole", () => {
  const rows = alignRows([2, 3], [new Map()]);
  assertComplete(rows, [2, 3]);
  assert.ok(rows.every((r) => r.score === null));
});
