// The progress of a large drop: one bar for all the files, one per file being read, the
// files that could not be added with the reason in plain words, and Cancel. Drawn at most
// once per animation frame, so that a thousand files do not keep the main thread busy; the
// files that were added leave the list (they are counted in the overall bar).

/** How many rows of files that are still being read are drawn at once. */
const ACTIVE_ROWS = 8;

/**
 * A view of the reading of `total` files in `box` (an element, hidden when idle).
 * `onCancel()` is called when Cancel is pressed. Returns {file(path, size), done(text)}:
 * `file` gives {progress(bytes), decoding(), added(), failed(reason)} for one file.
 */
export function dropProgress(box, total, onCancel) {
  const el = progressElement;
  const overall = el("progress", { id: "drop-overall", max: String(total), value: "0", "aria-label": "files read" });
  const line = el("span", { id: "drop-summary" });
  const cancel = el("button", { type: "button", id: "drop-cancel", class: "secondary" }, "Cancel");
  cancel.addEventListener("click", onCancel);
  const active = el("ul", { class: "drop-files", "aria-label": "files being read" });
  const failed = el("ul", { class: "drop-failed", "aria-label": "files not added" });
  box.replaceChildren(el("p", { class: "drop-overall" }), active, failed);
  box.firstChild.append(line, " ", overall, " ", cancel);
  box.hidden = false;
  const rows = new Map(); // path -> {bytes, size, stage}
  const counts = { added: 0, failed: 0 };
  let frame = 0;
  const draw = () => {
    frame = 0;
    const doneCount = counts.added + counts.failed;
    overall.value = doneCount;
    line.textContent = `Reading ${total.toLocaleString("en")} file${total === 1 ? "" : "s"}: ${counts.added.toLocaleString("en")} read` +
      `${counts.failed ? `, ${counts.failed.toLocaleString("en")} not added` : ""}.`;
    active.replaceChildren(...[...rows].slice(0, ACTIVE_ROWS).map(([path, r]) => fileRow(path, r)));
  };
  const redraw = () => { frame ||= requestAnimationFrame(draw); };
  draw();
  return {
    file(path, size) {
      const r = { bytes: 0, size, stage: "reading" };
      rows.set(path, r);
      redraw();
      return {
        progress(bytes) { r.bytes = bytes; redraw(); },
        decoding() { r.bytes = r.size; r.stage = "decoding"; redraw(); },
        added() { rows.delete(path); counts.added++; redraw(); },
        failed(reason) {
          rows.delete(path);
          counts.failed++;
          failed.append(el("li", { "data-file": path }, reason));
          redraw();
        },
      };
    },
    /** The reading is over: `text` says how it ended; the bars go, the failures stay until the next drop. */
    done(text) {
      cancelAnimationFrame(frame);
      draw();
      overall.remove();
      cancel.remove();
      active.remove();
      line.textContent = text;
      if (!failed.childElementCount) box.hidden = true;
    },
  };
}

function progressElement(tag, attrs = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

/** The row of a file being read: its name, its bar, and what is being done. */
function fileRow(path, r) {
  const bar = progressElement("progress", { max: String(Math.max(1, r.size)), value: String(r.bytes), "aria-label": path });
  const li = progressElement("li", { "data-file": path }, `${path} `);
  li.append(bar, progressElement("small", {}, ` ${r.stage}`));
  return li;
}
