// Cairn: small enhancements only. Every page works without this file.
"use strict";

(function () {
  // Quick exit: the button, or Escape three times within two seconds.
  // Lock first (a beacon survives the page going away), hide everything,
  // then replace this history entry with the neutral site.
  var exitForm = document.getElementById("quick-exit-form");
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    var url = (exitForm && exitForm.getAttribute("data-exit-url")) || "about:blank";
    try { navigator.sendBeacon("/exit"); } catch (e) { /* the idle lock still applies */ }
    document.documentElement.style.display = "none";
    window.location.replace(url);
  }
  if (exitForm) { exitForm.addEventListener("submit", quickExit); }
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) { quickExit(event); }
  });

  // Evidence upload: drop files on the zone; show upload progress.
  var form = document.getElementById("upload-form");
  var input = document.getElementById("files");
  var zone = document.getElementById("drop-zone");
  if (zone && input) {
    zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("dragging"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("dragging");
      if (event.dataTransfer && event.dataTransfer.files.length) { input.files = event.dataTransfer.files; }
    });
  }
  if (form && window.FormData && window.XMLHttpRequest) {
    form.addEventListener("submit", function (event) {
      if (!input || !input.files || !input.files.length) { return; }
      event.preventDefault();
      var bar = document.getElementById("upload-progress");
      var status = document.getElementById("upload-status");
      var button = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) { return; }
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.hidden = false;
        bar.value = percent;
        status.textContent = percent + " %";
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open();
          document.write(xhr.responseText);
          document.close();
        }
      });
      xhr.addEventListener("error", function () {
        status.textContent = form.getAttribute("data-failed") || "!";
        if (button) { button.disabled = false; }
      });
      if (button) { button.disabled = true; }
      xhr.send(new FormData(form));
    });
  }

  // Import: the upload's progress from the browser, then what the server is
  // doing with it (storing, reading, saving), polled under a random job
  // token the form carries right after its CSRF field. The words come from
  // the page; the result comes back as the response and replaces the page.
  var importForm = document.getElementById("import-form");
  var importFile = document.getElementById("file");
  if (importForm && importFile && window.FormData && window.XMLHttpRequest && window.crypto && window.fetch) {
    importForm.addEventListener("submit", function (event) {
      if (!importFile.files || !importFile.files.length) { return; }
      event.preventDefault();
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      var token = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      document.getElementById("import-job").value = token;
      var box = document.getElementById("import-progress");
      var bar = document.getElementById("import-bar");
      var stage = document.getElementById("import-stage");
      var button = importForm.querySelector("button[type=submit]");
      var shownStage = "";
      var uploaded = 0;
      var timer = null;
      function show(name, fraction) {
        box.hidden = false;
        if (name !== shownStage) {
          shownStage = name;
          // Only a change of stage is announced, not every percent.
          stage.textContent = box.getAttribute("data-stage-" + name) || "";
        }
        if (fraction === null) {
          bar.removeAttribute("value");
        } else {
          bar.value = Math.max(0, Math.min(100, Math.round(fraction * 100)));
        }
      }
      function poll() {
        var url = importForm.getAttribute("data-progress-url") + "?job=" + token;
        fetch(url, { credentials: "same-origin", cache: "no-store" })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (job) {
            if (!job || !timer) { return; }
            if (job.stage === "storing") {
              show("storing", uploaded);
            } else if (job.stage === "reading" && job.total > 0) {
              show("reading", job.done / job.total);
            } else {
              show(job.stage, null);
            }
          })
          .catch(function () { /* the upload itself reports failure */ });
      }
      function stop() {
        if (timer) { window.clearInterval(timer); timer = null; }
      }
      var xhr = new XMLHttpRequest();
      xhr.open("POST", importForm.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable || !e.total) { return; }
        uploaded = e.loaded / e.total;
        if (!shownStage || shownStage === "storing") { show("storing", uploaded); }
      });
      xhr.addEventListener("load", function () {
        stop();
        // Sent elsewhere (the vault was locked meanwhile): go there.
        if (xhr.responseURL && xhr.responseURL.split("?")[0] !== importForm.action.split("?")[0]) {
          window.location.assign(xhr.responseURL);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        stop();
        box.hidden = true;
        stage.textContent = box.getAttribute("data-failed") || "!";
        if (button) { button.disabled = false; }
      });
      if (button) { button.disabled = true; }
      show("storing", 0);
      timer = window.setInterval(poll, 500);
      xhr.send(new FormData(importForm));
    });
  }
})();
