// Classic script, runs before the modules: the module build cannot start from file://
// (browsers refuse module scripts there), so say so and point to the single file.
if (location.protocol === "file:") {
  const boot = document.getElementById("boot");
  if (boot) {
    boot.className = "boot error";
    boot.textContent =
      "This page cannot run when opened from disk: browsers do not load its modules over file://. " +
      "Open storydiff.html (the single-file version, next to this file) instead, " +
      "or serve this folder with any static web server (for example: bash scripts/start).";
  }
}
