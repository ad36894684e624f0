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
})();
