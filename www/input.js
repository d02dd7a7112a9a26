// The ways articles come in: pasted text, files from the picker, and files or whole folders
// dropped on the page. Files are read as bytes and decoded by the engine (which detects
// their encoding); every article goes into the store, which schedules the analysis.
import { addArticles, addPasted } from "./store.js";
import { dropProgress } from "./drop-progress.js";

const ACCEPT = /\.(txt|text|html?|xhtml|md|markdown)$/i;
/** The size limit of one article, as the engine's (storydiff::DEFAULT_MAX_BYTES): 1 MB. */
export const MAX_BYTES = 1024 * 1024;

/** Wires the paste box, the file picker and the drop zone to `store`; `box` shows the progress of a drop. */
export function wireInput(ui, store, decode, box = document.getElementById("drop-progress")) {
  let pending = Promise.resolve(); // drops are read one after the other
  const addFiles = (entries) => (pending = pending.then(() => addFileEntries(store, decode, entries, box)));
  ui.add.addEventListener("click", () => {
    const text = ui.paste.value;
    const title = ui.pasteTitle.value;
    store.update((s) => addPasted(s, text, title));
    if (!text.trim()) return;
    ui.paste.value = "";
    ui.pasteTitle.value = "";
  });
  ui.picker.addEventListener("change", async () => {
    const files = [...ui.picker.files];
    ui.picker.value = "";
    await addFiles(files.map((file) => ({ file, path: file.name })));
  });
  wireDrop(ui.drop, ui.picker, addFiles);
}

/** The drop zone: files and folders dropped on it; Enter or Space opens the picker. */
function wireDrop(zone, picker, addFiles) {
  for (const ev of ["dragenter", "dragover"]) {
    zone.addEventListener(ev, (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      zone.classList.add("over");
    });
  }
  zone.addEventListener("keydown", (e) => {
    if (e.target === zone && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      picker.click();
    }
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    await addFiles(await droppedFiles(e.dataTransfer));
  });
  // Dropping outside the zone must not navigate away from the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
}

/**
 * Reads and adds files ({file, path}), showing the progress of each in `box` (when there is
 * one) with Cancel; the files that cannot be added are skipped, each with its reason.
 */
async function addFileEntries(store, decode, entries, box) {
  store.update(() => ({ error: null }));
  if (entries.length === 0) {
    return store.update(() => ({ error: { text: "Nothing to add: no .txt, .html, .htm or .md files were found in what was dropped." } }));
  }
  const controller = new AbortController();
  const progress = box ? dropProgress(box, entries.length, () => controller.abort()) : null;
  const { loaded, skipped } = await readFiles(entries, decode, { signal: controller.signal, progress });
  const unread = entries.length - loaded.length - skipped.length;
  progress?.done(readSummary(loaded.length, skipped.length, unread));
  const stopped = unread ? `Stopped: ${unread} of ${entries.length} file(s) were not read. ` : "";
  const error = skipped.length || unread ? { error: { text: `${stopped}${skipped.length ? `Skipped ${skipped.length} file(s): ${skipped.join("; ")}` : ""}`.trim() } } : {};
  store.update((s) => ({ ...(loaded.length ? addArticles(s, loaded) : {}), ...error }));
}

function readSummary(added, skipped, unread) {
  const n = (k) => k.toLocaleString("en");
  return [`${n(added)} file${added === 1 ? "" : "s"} added`, skipped ? `${n(skipped)} not added` : "", unread ? `${n(unread)} not read (cancelled)` : ""]
    .filter(Boolean).join(", ") + ".";
}

/**
 * Why file `file` at `path` is not read at all, in plain words; "" when it may be. (The engine
 * names the rest: "the article is empty", "looks like a PNG image, not text".)
 */
export function fileProblem(file, path) {
  if (!ACCEPT.test(file.name)) {
    const ext = /\.([^./]+)$/.exec(file.name);
    return `${path}: ${ext ? `a .${ext[1]} file` : "a file without an extension"} is not supported; add .txt, .html, .htm or .md files`;
  }
  if (file.size > MAX_BYTES) {
    // Just over the limit reads "1 MB" too: then the bytes say why.
    const size = megabytes(file.size) === megabytes(MAX_BYTES) ? `${file.size.toLocaleString("en")} bytes` : megabytes(file.size);
    return `${path}: ${size} is over the size limit of ${megabytes(MAX_BYTES)}; split it`;
  }
  return "";
}

/** Decodes the supported files, sorted by path; says why each other one is skipped. Stops when `signal` is aborted. */
async function readFiles(entries, decode, { signal, progress }) {
  const skipped = [];
  const loaded = [];
  for (const { file, path } of entries) {
    if (signal.aborted) break;
    const row = progress?.file(path, file.size);
    const problem = fileProblem(file, path);
    try {
      if (problem) throw new Error(problem);
      const bytes = await readBytes(file, signal, (n) => row?.progress(n));
      row?.decoding();
      // The engine refuses other formats ("looks like a PNG image, not text") by name.
      const { text, encoding, warnings } = await decode(bytes, path);
      if (!text.trim()) throw new Error(`${path}: the file has no text (only spaces and line breaks)`);
      loaded.push({ id: file.name.replace(/\.[^.]*$/, ""), name: path, text, encoding, warnings });
      row?.added();
    } catch (e) {
      if (e.name === "AbortError") break;
      const reason = e.message.startsWith(path) ? e.message : `${path}: ${e.message}`;
      skipped.push(reason);
      row?.failed(reason);
    }
  }
  loaded.sort((a, b) => a.name.localeCompare(b.name));
  return { loaded, skipped };
}

/** The bytes of `file`, read in chunks (`onBytes(n)` after each); stops when `signal` is aborted. */
async function readBytes(file, signal, onBytes) {
  if (!file.stream) return file.arrayBuffer();
  const reader = file.stream().getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    if (signal.aborted) {
      reader.cancel();
      throw new DOMException("Cancelled", "AbortError");
    }
    let step;
    try {
      step = await reader.read();
    } catch (e) {
      throw new Error(`could not be read (${e.name === "NotReadableError" ? "the file was changed, moved or removed since it was chosen" : e.message})`);
    }
    if (step.done) break;
    chunks.push(step.value);
    n += step.value.length;
    onBytes(n);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

/** `2.5 MB`: a size as people read it. */
export function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** The files of a drop: plain files and the supported files inside dropped folders. */
export async function droppedFiles(dt) {
  if (!dt) return [];
  const items = [...(dt.items || [])].filter((i) => i.kind === "file");
  // Entries must be taken synchronously, before the first await.
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const plain = items.map((i) => i.getAsFile());
  const out = [];
  for (let k = 0; k < items.length; k++) {
    const entry = entries[k];
    if (entry && entry.isDirectory) await walk(entry, out);
    else if (plain[k]) out.push({ file: plain[k], path: plain[k].name });
  }
  if (items.length === 0) for (const file of dt.files || []) out.push({ file, path: file.name });
  return out;
}

/** Appends the supported files under folder entry `dir` to `out`, depth first. */
async function walk(dir, out) {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (batch.length === 0) break;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry, out);
      else if (ACCEPT.test(entry.name)) {
        const file = await new Promise((res, rej) => entry.file(res, rej));
        out.push({ file, path: entry.fullPath.replace(/^\//, "") });
      }
    }
  }
}
