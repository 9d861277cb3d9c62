/* `timeline watch`: the page reloads itself when the watcher has built a newer one, and shows
 * the problems of a save that could not be built. Every second it loads a small script that the
 * watcher writes beside the page and that calls timelineLive(state): a <script> element, because
 * it loads from file:// where fetch() may not, and needs no server. The problems are shown with
 * textContent only. Zoom survives the reload. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("tl-live").textContent);
  var KEY = "timeline-live-range:" + location.pathname, n = 0, done = false, box = null;

  function gd() { return window.timelinePage && window.timelinePage.gd; }
  function show(problems) {
    if (!problems.length) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "tl-live-problems";
      box.setAttribute("role", "alert");
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "The last save could not be built; this is the last good page.";
    box.appendChild(head);
    var pre = document.createElement("pre");
    pre.textContent = problems.join("\n");
    box.appendChild(pre);
  }
  window.timelineLive = function (state) {
    if (done || !state) return;
    if (state.version && state.version !== cfg.version) {
      done = true;
      var g = gd();
      try {
        if (g && g.layout) {
          sessionStorage.setItem(KEY, JSON.stringify({ type: g.layout.xaxis.type,
            range: g.layout.xaxis.range, scroll: window.scrollY }));
        }
      } catch (e) { /* storage may be off: reload without the zoom */ }
      location.reload();
      return;
    }
    show(state.problems || []);
  };
  function poll() {
    if (done) return;
    var s = document.createElement("script");
    s.src = encodeURIComponent(cfg.script) + "?" + (++n);
    s.onload = s.onerror = function () { s.remove(); setTimeout(poll, cfg.every); };
    document.head.appendChild(s);
  }
  function restore() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); }
    catch (e) { return; }
    if (!saved) return;
    (function wait() {
      var g = gd();
      if (!g || document.documentElement.getAttribute("data-ready") !== "true") {
        setTimeout(wait, 50);
        return;
      }
      if (g.layout.xaxis.type === saved.type) Plotly.relayout(g, { "xaxis.range": saved.range });
      window.scrollTo(0, saved.scroll || 0);
    })();
  }
  restore();
  poll();
})();
