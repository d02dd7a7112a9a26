// The "Save the results" toolbar (<section id="export-panel">): each button asks the analysis
// worker, which holds the whole report, for one file (export.js) and saves it through a Blob
// URL: the file is made and saved inside the tab, nothing is sent anywhere.

/** The files offered, as export.js names them, with their buttons' labels. */
const EXPORT_BUTTONS = [
  ["json", "JSON report"], ["facts", "Facts (CSV)"], ["entities", "Entities (CSV)"], ["events", "Events (CSV)"],
  ["markdown", "Summary (Markdown)"], ["html", "Report (HTML)"],
];

/** Fills `panel` with a button per file and wires each to `engine.exportReport(run, format)`. */
export function wireExportPanel(panel, store, engine) {
  if (!panel) return;
  const buttons = EXPORT_BUTTONS.map(([format, label]) => {
    const b = document.createElement("button");
    Object.assign(b, { type: "button", textContent: label });
    b.dataset.format = format;
    return b;
  });
  const status = Object.assign(document.createElement("p"), { id: "export-status", className: "export-status" });
  status.setAttribute("role", "status");
  const note = document.createElement("small");
  note.textContent = "Files are made in this tab and saved by your browser; nothing is uploaded. The HTML report opens anywhere, without storydiff.";
  const row = Object.assign(document.createElement("p"), { className: "export-buttons" });
  row.append("Save: ", ...buttons.flatMap((b) => [b, " "]));
  panel.replaceChildren(row, status, note);
  const sync = (s) => {
    panel.hidden = !s.report;
    for (const b of buttons) b.disabled = !s.report || s.busy;
  };
  store.subscribe((s, prev) => {
    if (s.report !== prev.report || s.busy !== prev.busy) sync(s);
    if (s.report !== prev.report && status) status.textContent = "";
  });
  sync(store.get());
  for (const button of buttons) {
    button.addEventListener("click", async () => {
      const report = store.get().report;
      if (!report) return;
      const what = button.textContent.trim();
      status.textContent = `Making the ${what}…`;
      button.disabled = true;
      try {
        const { name, blob } = await engine.exportReport(report.run, button.dataset.format);
        saveBlob(blob, name);
        status.textContent = `Saved ${name} (${fileSize(blob.size)}) with your browser's downloads.`;
      } catch (e) {
        status.textContent = `Could not make the ${what}: ${e.message}`;
      } finally {
        sync(store.get());
      }
    });
  }
}

/** Saves `blob` as a download named `name`, through a Blob URL (revoked a minute later). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `12 KB`, `2.1 MB`: a file's size as people read it. */
export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
