/* timeline page script. Reads the figure and the events from JSON blocks, draws the chart with
 * plotly, and keeps the axis ticks, the labels, the list, the search and the detail panel in step.
 * User text is only ever written with textContent or handed to plotly as data: never as HTML
 * outside what the renderer escaped, and never evaluated. */
(function () {
  "use strict";
  if (typeof window.Plotly === "undefined") {
    // A --cdn page opened offline, or a CDN that served another file (its integrity hash failed):
    // say so where the chart would be, rather than leave a blank space.
    var box = document.getElementById("tl-chart"), note = document.createElement("p");
    note.className = "no-chart";
    note.setAttribute("role", "alert");
    var cdn = document.querySelector("script[src*='cdn.plot.ly']");
    note.textContent = "The chart could not be drawn: plotly.js did not load. " + (cdn
      ? "This page was built with --cdn, which loads plotly.js from its CDN and so needs the " +
        "internet; build it without --cdn for a page that works offline. "
      : "") + "The list of events below works without it.";
    box.appendChild(note);
    box.style.minHeight = "0";
    document.documentElement.setAttribute("data-ready", "false");
    return;
  }
  var figure = JSON.parse(document.getElementById("tl-figure").textContent);
  var data = JSON.parse(document.getElementById("tl-data").textContent);
  var meta = data.meta, events = data.events, ago = meta.mode === "ago";
  var gd = document.getElementById("tl-chart");
  var list = document.getElementById("tl-list");
  var countEl = document.getElementById("tl-count");
  var searchEl = document.getElementById("tl-search");
  var detail = document.getElementById("tl-detail");
  var fullRange = figure.layout.xaxis.range.slice();
  var baseShapes = (figure.layout.shapes || []).slice();
  var query = "", matches = null, chosen = -1, busy = false, pending = false;
  // Zooming to an event chosen from the list leaves the list whole, so that a keyboard user can
  // go on to the next one; the next zoom of the chart's own, a search or a legend click narrow
  // it again to what the chart shows.
  var holdNext = false, listHeld = false;
  // The list holds in the DOM only the rows in its view (and a few either side): `rows` are the
  // events it lists, in order, and `rowOf[i]` is event i's place among them (-1: not listed).
  var rows = events.map(function (e, i) { return i; }), rowOf = new Int32Array(events.length);
  for (var r0 = 0; r0 < rows.length; r0++) rowOf[r0] = r0;
  var ROW = 32, OVERSCAN = 12, win = [0, 0], printing = false;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // --- Calendar arithmetic (astronomical years: 0 is 1 BC) ---------------------------------
  function leap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function yearDays(y) { return leap(y) ? 366 : 365; }
  var CUM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  function dayOfYear(y, m, d) { return CUM[m] + d - 1 + (m > 1 && leap(y) ? 1 : 0); }
  function decimal(y, m, d) { return y + dayOfYear(y, m, d) / yearDays(y); }
  function fromDecimal(x) {
    var y = Math.floor(x), n = Math.floor((x - y) * yearDays(y) + 1e-9), m = 11;
    while (m > 0 && dayOfYear(y, m, 1) > n) m--;
    return [y, m, n - dayOfYear(y, m, 1) + 1];
  }
  // "AD" only where a year could be taken for one BC: "AD 14", but "1867".
  function yearLabel(y, era) { return y <= 0 ? (1 - y) + " BC" : (era && y < 1000 ? "AD " + y : String(y)); }

  // --- Axis ticks: "500 BC", never "-499"; ka/Ma/Ga on the years-ago axis ------------------
  var YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];
  function calendarTicks(a, b, most) {
    var span = b - a, vals = [], text = [];
    if (span > 2.5) {
      var step = 10000;
      for (var i = 0; i < YEAR_STEPS.length; i++) {
        if (span / YEAR_STEPS[i] <= most) { step = YEAR_STEPS[i]; break; }
      }
      while (span / step > most) step *= 10;
      var bc = meta.bc || a < 1, k, n;
      // n BC starts at x = 1 - n; year n (AD) starts at x = n.
      for (k = Math.ceil((1 - Math.min(b, 1)) / step) * step; k <= 1 - a; k += step) {
        if (k >= 1 && 1 - k >= a) { vals.unshift(1 - k); text.unshift(k + " BC"); }
      }
      if (a <= 1 && b >= 1 && step > 1) { vals.push(1); text.push("AD 1"); }
      for (n = Math.max(step, Math.ceil(a / step) * step); n <= b; n += step) {
        vals.push(n); text.push(yearLabel(n, bc));
      }
    } else if (span > 0.2) {
      var msteps = [1, 2, 3, 6], ms = 6;
      for (var j = 0; j < msteps.length; j++) {
        if (span * 12 / msteps[j] <= most) { ms = msteps[j]; break; }
      }
      var s = fromDecimal(a), y = s[0], m = Math.ceil((s[1] + (s[2] > 1 ? 1 : 0)) / ms) * ms;
      for (var guard = 0; guard < 100; guard++) {
        while (m > 11) { m -= 12; y++; }
        var x = decimal(y, m, 1);
        if (x > b) break;
        vals.push(x); text.push(MONTHS[m] + " " + yearLabel(y, meta.bc || y < 1));
        m += ms;
      }
    } else {
      var dsteps = [1, 2, 7, 14], ds = 14, days = span * 365.25;
      for (var q = 0; q < dsteps.length; q++) {
        if (days / dsteps[q] <= most) { ds = dsteps[q]; break; }
      }
      var p = fromDecimal(a), cy = p[0], cm = p[1], cd = p[2];
      for (var g = 0; g < 400; g++) {
        var xd = decimal(cy, cm, cd);
        if (xd > b) break;
        if (xd >= a) { vals.push(xd); text.push(cd + " " + MONTHS[cm] + " " + yearLabel(cy, meta.bc || cy < 1)); }
        cd += ds;
        var dim = [31, leap(cy) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][cm];
        while (cd > dim) {
          cd -= dim; cm++;
          if (cm > 11) { cm = 0; cy++; }
          dim = [31, leap(cy) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][cm];
        }
      }
    }
    return [vals, text];
  }
  function agoLabel(v) {
    function trim(x) { return String(Number(x.toPrecision(3))); }
    if (v >= 1e9) return trim(v / 1e9) + " Ga";
    if (v >= 1e6) return trim(v / 1e6) + " Ma";
    if (v >= 1e3) return trim(v / 1e3) + " ka";
    return trim(v) + (v === 1 ? " year" : " years");
  }
  function agoTicks(lo, hi, most) {  // lo, hi: log10 of years ago
    var vals = [], text = [], decades = hi - lo;
    var mult = decades <= most / 3 ? [1, 2, 5] : decades <= most ? [1] : null;
    var every = mult ? 1 : Math.ceil(decades / most);
    for (var e = Math.floor(lo); e <= Math.ceil(hi); e += every) {
      (mult || [1]).forEach(function (f) {
        var v = f * Math.pow(10, e), l = Math.log10(v);
        if (l >= lo - 1e-9 && l <= hi + 1e-9) { vals.push(v); text.push(agoLabel(v)); }
      });
    }
    return [vals, text];
  }

  // --- What is in view ----------------------------------------------------------------------
  function view(range, width) {
    var r = range || gd._fullLayout.xaxis.range, a = Math.min(r[0], r[1]), b = Math.max(r[0], r[1]);
    width = width || gd._fullLayout.xaxis._length || 800;
    var scale = width / Math.max(b - a, 1e-12);
    // Pixels from the left edge; the years-ago axis runs right to left.
    return { a: a, b: b, width: width,
      px: function (x) { return ago ? (b - pos(x)) * scale : (pos(x) - a) * scale; } };
  }
  function pos(x) { return ago ? Math.log10(Math.max(x, 1e-9)) : x; }
  function inView(e, v) {
    var p0 = pos(e.x0), p1 = pos(e.x1);
    return Math.max(p0, p1) >= v.a && Math.min(p0, p1) <= v.b;
  }
  function matchesQuery(i) { return matches === null || matches[i]; }
  // A lane hidden with the legend: its markers' trace is "legendonly".
  function laneShown(g) {
    var t = (gd.data || figure.data)[meta.markerTraces[g]];
    return !t || t.visible !== "legendonly";
  }
  // The events the chart shows somewhere: those the search matches, in lanes not hidden.
  function wanted(i) { return matchesQuery(i) && laneShown(events[i].g); }
  // The wanted event nearest to x (0 when x is within it); -1 when none is wanted.
  function nearest(x) {
    var best = -1, gap = Infinity;
    for (var i = 0; i < events.length; i++) {
      if (!wanted(i)) continue;
      var a = pos(events[i].x0), b = pos(events[i].x1), p0 = Math.min(a, b), p1 = Math.max(a, b);
      var d = x < p0 ? p0 - x : x > p1 ? x - p1 : 0;
      if (d < gap) { gap = d; best = i; }
    }
    return best;
  }

  // Labels that never overlap: each row of the chart keeps a map of the pixels its markers and
  // labels already cover. Milestones go first, then left to right. A label goes right of its
  // marker, or left of it where the right has no room (the events of a news story crowd the
  // chart's right edge, at the story's date). Zoomed out, labels are clipped and fewer fit;
  // zoomed in, they are shown whole.
  var LABELS_MOST = 400, DENSE_ROW = 8;
  function labels(v, shown) {
    var cells = Math.ceil(v.width / 4) + 2;
    var rows = {}, out = { x: [], y: [], text: [], pos: [] }, clip = shown.length > 60 ? 26 : 90;
    function row(y) { return rows[y] || (rows[y] = new Uint8Array(cells)); }
    function px(e) { return v.px(e.xm); }
    shown.forEach(function (i) {
      var e = events[i], r = row(e.y), c = Math.floor(px(e) / 4);
      for (var k = Math.max(0, c - 1); k <= Math.min(cells - 1, c + 1); k++) r[k] = 1;
    });
    var isShown = new Uint8Array(events.length);
    shown.forEach(function (i) { isShown[i] = 1; });
    function span(x0, w) { return [Math.floor(x0 / 4), Math.min(cells - 1, Math.ceil((x0 + w) / 4))]; }
    function free(r, x0, w) {
      if (x0 < 0 || x0 + w > v.width) return false;
      var s = span(x0, w);
      for (var k = s[0]; k <= s[1]; k++) { if (r[k]) return false; }
      return true;
    }
    function place(rowOf, limit, sequence) {
      for (var n = 0; n < sequence.length && out.text.length < limit; n++) {
        if (!isShown[sequence[n]]) continue;
        var e = events[sequence[n]], t = e.t.length > clip ? e.t.slice(0, clip - 1) + "…" : e.t;
        var r = rowOf(e.y), w = t.length * 6.9 + 6, x0 = px(e) + 9, right = true;
        if (!free(r, x0, w)) {
          x0 = px(e) - 13 - w;  // (clear of the cells the marker itself covers)
          right = false;
          if (!free(r, x0, w)) continue;
        }
        var cover = span(x0, w);
        for (var k = cover[0]; k <= cover[1]; k++) r[k] = 1;
        perRow[e.y] = (perRow[e.y] || 0) + 1;
        out.x.push(e.xm); out.y.push(e.y);
        // (a wide space keeps the text clear of the marker)
        out.text.push(right ? "\u2002" + t : t + "\u2002");
        out.pos.push(right ? "middle right" : "middle left");
      }
    }
    var perRow = {};
    place(row, LABELS_MOST, labelOrder);
    // A row so full of marks that no label fits between them (a corpus seen whole) still gets
    // two: these may lie across other events' marks, never across another label, and are
    // spread along the row (the middle event first, then the quarters: ranks bit-reversed).
    var count = {}, bare = false;
    shown.forEach(function (i) { var y = events[i].y; count[y] = (count[y] || 0) + 1; });
    Object.keys(count).forEach(function (y) { if (!perRow[y] && count[y] >= DENSE_ROW) bare = true; });
    if (!bare) return out;
    var byRow = {}, keys = [];
    labelOrder.forEach(function (i) {
      if (!isShown[i]) return;
      var y = events[i].y;
      if (!byRow[y]) { byRow[y] = []; keys.push(y); }
      byRow[y].push(i);
    });
    keys.forEach(function (y) {
      var mine = byRow[y];
      if (perRow[y] || mine.length < DENSE_ROW) return;
      var rank = {}, empty = new Uint8Array(cells);
      mine.slice().sort(function (i, j) { return pos(events[i].xm) - pos(events[j].xm) || i - j; })
        .forEach(function (i, k) { rank[i] = k + 1; });
      var spread = mine.slice().sort(function (i, j) {
        return ((events[j].m || 0) - (events[i].m || 0)) || (reversed(rank[i]) - reversed(rank[j])) || i - j;
      });
      place(function () { return empty; }, Math.min(LABELS_MOST, out.text.length + 2), spread);
    });
    return out;
  }

  function reversed(n) {  // n's 20 low bits in reverse order
    var r = 0;
    for (var b = 0; b < 20; b++) { r = (r << 1) | (n & 1); n >>= 1; }
    return r;
  }

  // Which label goes first does not depend on the view: sorted once.
  var labelOrder = events.map(function (e, i) { return i; }).sort(function (i, j) {
    var ei = events[i], ej = events[j];
    return ((ej.m || 0) - (ei.m || 0)) || (pos(ei.xm) - pos(ej.xm)) || (i - j);
  });

  // The labels are drawn by this script in an SVG of their own over the plot area, not as a
  // plotly trace: changing any trace's data makes plotly work out every trace again (100,000
  // points for a few hundred labels). `placed` is what is drawn.
  var SVG = "http://www.w3.org/2000/svg", labelLayer = null;
  var placed = { x: [], y: [], text: [], pos: [] };
  var labelFont = figure.data[meta.labelTrace].textfont;
  // (what printing changes: paper is white whatever the theme)
  var labelLook = { ink: labelFont.color, halo: labelFont.shadow || "" };
  function drawLabels(lab) {
    placed = lab;
    var box = gd.querySelector(".svg-container"), s = gd._fullLayout._size;
    if (!box) return;
    if (!labelLayer || labelLayer.parentNode !== box) {
      labelLayer = document.createElementNS(SVG, "svg");
      labelLayer.setAttribute("class", "tl-labels");
      labelLayer.setAttribute("aria-hidden", "true");
      var svgs = box.querySelectorAll(":scope > .main-svg");  // under the hover cards
      box.insertBefore(labelLayer, svgs.length > 1 ? svgs[svgs.length - 1] : null);
    }
    var st = labelLayer.style;
    st.position = "absolute"; st.left = s.l + "px"; st.top = s.t + "px";
    st.width = s.w + "px"; st.height = s.h + "px"; st.overflow = "hidden"; st.pointerEvents = "none";
    labelLayer.setAttribute("font-family", figure.layout.font.family);
    labelLayer.setAttribute("font-size", labelFont.size);
    labelLayer.setAttribute("fill", labelLook.ink);
    st.textShadow = labelLook.halo;  // a label may lie across other marks
    var frag = document.createDocumentFragment(), yax = gd._fullLayout.yaxis;
    for (var k = 0; k < lab.text.length; k++) {
      var t = document.createElementNS(SVG, "text");
      t.setAttribute("y", yax.l2p(lab.y[k]));
      t.setAttribute("dominant-baseline", "central");
      if (lab.pos[k] === "middle left") t.setAttribute("text-anchor", "end");
      t.textContent = lab.text[k];
      frag.appendChild(t);
    }
    labelLayer.textContent = "";
    labelLayer.appendChild(frag);
    moveLabels(null);
  }
  // While the chart is dragged or wheeled, the labels drawn move with their marks.
  function moveLabels(range) {
    if (!labelLayer) return;
    var v = view(range), nodes = labelLayer.childNodes;
    for (var k = 0; k < nodes.length; k++) nodes[k].setAttribute("x", v.px(placed.x[k]));
  }

  // Era names: the widest eras first, each only where it fits without touching another.
  function eraLabels(v) {
    var scale = v.width / Math.max(v.b - v.a, 1e-12), taken = [], update = {};
    var unlog = function (p) { return ago ? Math.pow(10, p) : p; };
    var anns = figure.layout.annotations || [];
    var order = anns.map(function (a, i) { return i; }).filter(function (i) { return anns[i].name === "era"; });
    var shapes = baseShapes;
    order.sort(function (i, j) { return (shapes[j].x1 - shapes[j].x0) - (shapes[i].x1 - shapes[i].x0) || i - j; });
    order.forEach(function (i) {
      var s = shapes[i], a = Math.max(pos(s.x0), v.a), b = Math.min(pos(s.x1), v.b);
      var w = anns[i].text.length * 6.3 + 10, c = v.px(unlog((a + b) / 2)), ok = b > a;
      var l = c - w / 2, r = c + w / 2;
      if (ok && (b - a) * scale < w * 0.6) ok = false;
      for (var k = 0; ok && k < taken.length; k++) { if (l < taken[k][1] && taken[k][0] < r) ok = false; }
      if (ok) taken.push([l, r]);
      update["annotations[" + i + "].visible"] = ok;
      update["annotations[" + i + "].x"] = (a + b) / 2;
    });
    return update;
  }

  // Everything that depends on the visible range: the list, the count, ticks, labels, eras.
  function layoutFor(v) {
    var shown = [];
    for (var i = 0; i < events.length; i++) {
      if (inView(events[i], v) && wanted(i)) shown.push(i);
    }
    if (!listHeld) setRows(shown);
    var n = events.length.toLocaleString("en");
    if (!listHeld) {
      countEl.textContent = shown.length === events.length ? "(" + n + ")"
        : "(" + shown.length.toLocaleString("en") + " of " + n + " shown)";
    }
    var most = Math.max(3, Math.floor(v.width / 95));
    var ticks = ago ? agoTicks(v.a, v.b, most) : calendarTicks(v.a, v.b, most);
    var relayout = eraLabels(v);
    relayout["xaxis.tickvals"] = ticks[0];
    relayout["xaxis.ticktext"] = ticks[1];
    return { labels: labels(v, shown), relayout: relayout };
  }

  // Past `aggregateAbove` events in view, the density strip stands in for the single marks.
  var aggregated = meta.densityTrace !== null, aggregating = false;
  function aggregate(v) {
    if (meta.densityTrace === null) return null;
    var n = 0;
    for (var i = 0; i < events.length; i++) if (inView(events[i], v)) n++;
    var want = n > meta.aggregateAbove;
    if (want === aggregated) return null;
    aggregated = want;
    var vis = meta.detailTraces.map(function (t) {
      return gd.data[t].visible === "legendonly" ? "legendonly" : !want;
    });
    aggregating = true;
    // (plotly tells of the restyle once it is drawn: the flag holds until then)
    return Plotly.restyle(gd, { visible: vis.concat([want]) },
      meta.detailTraces.concat([meta.densityTrace])).then(function () { aggregating = false; });
  }

  // What the axis and the eras were last given: a refresh asks plotly only for what changed.
  var applied = {};
  function keyOf(val) { return Array.isArray(val) ? val.join("\u0001") : val; }
  function changed(relayout) {
    var out = {}, any = false;
    Object.keys(relayout).forEach(function (k) {
      if (applied[k] !== keyOf(relayout[k])) { out[k] = relayout[k]; any = true; }
    });
    return any ? out : null;
  }
  function remember(relayout) {
    Object.keys(relayout).forEach(function (k) { applied[k] = keyOf(relayout[k]); });
  }
  function refresh() {
    if (busy) { pending = true; return; }
    var v = view(), next = layoutFor(v);
    busy = true;
    var agg = aggregate(v), diff = changed(next.relayout);
    if (diff) remember(diff);
    Promise.all([agg, diff && Plotly.relayout(gd, diff)]).then(function () {
      drawLabels(next.labels);
      busy = false;
      if (pending) { pending = false; refresh(); return; }
      document.documentElement.setAttribute("data-ready", "true");
    });
  }
  // A zoom of this script's own: the ticks and eras for the new range go in the same call.
  function goTo(range) {
    var m = gd._fullLayout.xaxis, upd = eraLabels(view(range.slice()));
    var most = Math.max(3, Math.floor((m._length || 800) / 95));
    var a = Math.min(range[0], range[1]), b = Math.max(range[0], range[1]);
    var ticks = ago ? agoTicks(a, b, most) : calendarTicks(a, b, most);
    upd["xaxis.tickvals"] = ticks[0];
    upd["xaxis.ticktext"] = ticks[1];
    var diff = changed(upd) || {};
    remember(diff);
    diff["xaxis.range"] = range;
    return Plotly.relayout(gd, diff);
  }

  // A lane's name on a phone: broken between words onto lines of about 12 characters, so that
  // the margin stays narrow and no name is cut ("Printing &<br>publishing"). The names are
  // plotly text, escaped already: they are only split at spaces, and entities count as one.
  var NAME_LINE = 12;
  function textWidth(t) { return t.replace(/&[#a-z0-9]+;/gi, "x").replace(/<[^>]*>/g, "").length; }
  function wrapName(name) {
    var lines = [], line = "";
    String(name).split(" ").forEach(function (word) {
      if (line && textWidth(line + " " + word) > NAME_LINE) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines.join("<br>");
  }

  // The first drawing is done in one go: ticks and labels are worked out for the width the
  // chart will have, and go into the figure before plotly draws it.
  function prepare() {
    if (gd.clientWidth < 700) {  // a phone: a narrow margin for the lanes, a legend without title
      var names = figure.layout.yaxis.ticktext.map(wrapName), widest = 0;
      names.forEach(function (n) {
        n.split("<br>").forEach(function (line) { widest = Math.max(widest, textWidth(line)); });
      });
      figure.layout.yaxis.ticktext = names;
      figure.layout.margin.l = Math.min(150, Math.max(72, Math.ceil(widest * 6.2) + 14));
      figure.layout.legend.title = { text: "" };
      figure.layout.font.size = 11;
      figure.layout.yaxis.tickfont = { size: 10 };
    }
    var m = figure.layout.margin, width = Math.max(200, gd.clientWidth - m.l - m.r);
    var first = layoutFor(view(figure.layout.xaxis.range, width));
    remember(first.relayout);
    figure.layout.xaxis.tickvals = first.relayout["xaxis.tickvals"];
    figure.layout.xaxis.ticktext = first.relayout["xaxis.ticktext"];
    (figure.layout.annotations || []).forEach(function (ann, i) {
      var key = "annotations[" + i + "]";
      if (key + ".visible" in first.relayout) {
        ann.visible = first.relayout[key + ".visible"];
        ann.x = first.relayout[key + ".x"];
      }
    });
    return first.labels;
  }

  // --- Choosing an event: from the chart or from the list -----------------------------------
  function zoomTo(i) {
    var e = events[i], a = pos(e.x0), b = pos(e.x1), w = Math.abs(b - a);
    var pad = ago ? Math.max(w, 0.5) : Math.max(w * 1.5, 0.15);
    var range = [Math.min(a, b) - pad, Math.max(a, b) + pad];
    if (ago) range.reverse();
    return goTo(range);
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function safeHref(u) { return /^(https?:\/\/|mailto:)/i.test(u || "") ? u : null; }
  function choose(i, fromList) {
    var old = chosen >= 0 && document.getElementById("ev-" + chosen);
    if (old) old.classList.remove("chosen");
    chosen = i;
    var e = events[i];
    if (!fromList && rowOf[i] >= 0) reveal(rowOf[i], true);
    var item = document.getElementById("ev-" + i);
    if (item) item.classList.add("chosen");
    detail.textContent = "";
    detail.appendChild(el("h3", "", e.t));
    detail.appendChild(el("p", "when", e.d + (e.w ? "  (written: " + e.w + ")" : "")));
    var lane = data.lanes[e.g];
    if (lane || e.tags) detail.appendChild(el("p", "hint", [lane].concat(e.tags || []).filter(Boolean).join(" · ")));
    if (e.s) detail.appendChild(el("p", "", e.s));
    (e.x || []).forEach(function (kv) { detail.appendChild(el("p", "hint", kv[0] + ": " + kv[1])); });
    if (e.q && e.q !== e.s) detail.appendChild(el("blockquote", "", "“" + e.q + "”"));
    if (e.at) detail.appendChild(el("p", "hint", "— " + e.at +
      (e.n ? " · told in " + e.n.toLocaleString("en") + " places" : "")));
    if (e.src) detail.appendChild(el("p", "hint", "Source: " + e.src));
    var href = safeHref(e.u);
    if (href) {
      var a = el("a", "", href);
      a.href = href; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
      detail.appendChild(a);
    }
    var x0 = ago ? Math.log10(Math.max(e.x0, 1e-9)) : e.x0, x1 = ago ? Math.log10(Math.max(e.x1, 1e-9)) : e.x1;
    var ring = { type: "rect", xref: "x", yref: "y", x0: x0, x1: x1, y0: e.y - 0.42, y1: e.y + 0.42,
      line: { color: "#0969da", width: 2 }, fillcolor: "rgba(9,105,218,0.08)" };
    Plotly.relayout(gd, { shapes: baseShapes.concat([ring]) });
  }

  // --- Search: filter the list, dim the chart -------------------------------------------------
  // Each event's searchable text, lower-cased once, at the first search.
  var haystack = null, dimmed = meta.markerTraces.map(function () { return false; });
  // (each line trace's own opacity, read before plotly takes the figure's data for its own)
  var dimmedLines = {}, lineOpacity = (meta.lineEvents || []).map(function (entry) {
    return figure.data[entry[0]].opacity;
  });
  function search(text) {
    listHeld = false;
    var q = text.trim().toLowerCase();
    if (q === query && (matches !== null) === !!q) return Promise.resolve(refresh());
    query = q;
    if (!query) { matches = null; } else {
      if (!haystack) {
        haystack = events.map(function (e) {
          return [e.t, e.d, e.w, e.s, data.lanes[e.g], (e.tags || []).join(" "), e.q]
            .join("\n").toLowerCase();
        });
      }
      matches = new Uint8Array(events.length);
      for (var i = 0; i < events.length; i++) matches[i] = haystack[i].indexOf(query) >= 0 ? 1 : 0;
    }
    // Only the lanes whose dimming changes are restyled, all in one call.
    var lanes = [], opacity = [];
    meta.traceEvents.forEach(function (idx, lane) {
      var dim = matches !== null && idx.some(function (i) { return !matches[i]; });
      if (!dim && !dimmed[lane]) return;
      dimmed[lane] = dim;
      lanes.push(meta.markerTraces[lane]);
      opacity.push(dim ? idx.map(function (i) { return matches[i] ? 1 : 0.12; }) : 1);
    });
    var done = lanes.length ? Plotly.restyle(gd, { "marker.opacity": opacity }, lanes) : Promise.resolve();
    // A bar or band is one stretch of a line trace, which has one opacity: a trace none of
    // whose events the search finds is dimmed with the marks; one that holds a match is not.
    var lines = [], faint = [];
    (meta.lineEvents || []).forEach(function (entry, k) {
      var dim = matches !== null && !entry[1].some(function (i) { return matches[i]; });
      if (dim === !!dimmedLines[k]) return;
      dimmedLines[k] = dim;
      lines.push(entry[0]);
      faint.push(dim ? lineOpacity[k] * 0.15 : lineOpacity[k]);
    });
    if (lines.length) done = done.then(function () { return Plotly.restyle(gd, { opacity: faint }, lines); });
    return done.then(refresh);
  }
  // Keystrokes coalesce: while one search is being drawn, only the latest text waits for it.
  var searching = false, searchAgain = false;
  function searchSoon() {
    if (searching) { searchAgain = true; return; }
    searching = true;
    requestAnimationFrame(function () {
      search(searchEl.value).then(function () {
        searching = false;
        if (searchAgain) { searchAgain = false; searchSoon(); }
      });
    });
  }

  // --- Export -----------------------------------------------------------------------------------
  function csvCell(s) {
    s = s === undefined || s === null ? "" : String(s);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // keep spreadsheets from running a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function exportCsv() {
    var rows = [["date", "as written", "title", "group", "description", "url", "source"]];
    events.forEach(function (e) {
      rows.push([e.d, e.w || "", e.t, data.lanes[e.g], e.s || "", e.u || "", e.src || e.at || ""]);
    });
    var text = rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    a.download = "timeline.csv";
    document.body.appendChild(a); a.click(); a.remove();
  }

  // How many wanted events begin, end or sit in [a, b]. A span that runs right across the window
  // is not counted: a window it fills alone shows one bar and nothing else.
  function marksIn(a, b) {
    var n = 0;
    for (var i = 0; i < events.length; i++) {
      if (!wanted(i)) continue;
      var e = events[i], p0 = Math.min(e.x0, e.x1), p1 = Math.max(e.x0, e.x1);
      if (p1 >= a && p0 <= b && (p0 >= a || p1 <= b)) n++;
    }
    return n;
  }
  // The window of width w, among those centred on an event in the view, that holds the most
  // marks; the one nearest the middle of the view among equals.
  function busiest(v, w) {
    var xs = [];
    for (var i = 0; i < events.length; i++) {
      var e = events[i];
      if (wanted(i) && e.xm >= v.a && e.xm <= v.b) xs.push(e.xm);
    }
    if (!xs.length) return null;
    xs.sort(function (p, q) { return p - q; });
    // (marks counted by their middles here: a count per candidate in one sweep, not a scan each)
    var best = null, most = -1, mid = (v.a + v.b) / 2, lo = 0, hi = 0;
    for (var k = 0; k < xs.length; k++) {
      var c = xs[k];
      while (xs[lo] < c - w / 2) lo++;
      while (hi < xs.length && xs[hi] <= c + w / 2) hi++;
      var n = hi - lo;
      if (n > most || (n === most && Math.abs(c - mid) < Math.abs(best - mid))) { most = n; best = c; }
    }
    return best;
  }

  function presetZoom(years) {
    if (years === "all" || ago) return goTo(fullRange.slice());
    var v = view(), w = parseFloat(years), c;
    if (chosen >= 0 && wanted(chosen)) {
      c = events[chosen].xm;
    } else {
      c = (v.a + v.b) / 2;
      // Never onto nothing, nor onto one long bar: where the middle of the view shows no mark
      // of its own, go to the busiest stretch of that width in the view, else the nearest event.
      if (!marksIn(c - w / 2, c + w / 2)) {
        var busy = busiest(v, w), near = nearest(c);
        if (busy !== null) c = busy; else if (near >= 0) c = events[near].xm;
      }
    }
    return goTo([c - w / 2, c + w / 2]);
  }

  // --- The rest of a long list -------------------------------------------------------------
  // Same markup as timeline/render/page.py `event_list`, built with textContent.
  var MARKS = { exact: "●", approximate: "○", uncertain: "◇" };
  function listItem(i) {
    var e = events[i], li = el("li"), b = el("button", "ev");
    li.id = "ev-" + i; li.setAttribute("data-i", i);
    b.type = "button"; b.setAttribute("data-i", i);
    var mark = el("span", "ev-mark", MARKS[e.k]);
    mark.style.color = data.colors[e.g]; mark.setAttribute("aria-hidden", "true");
    b.appendChild(mark);
    b.appendChild(el("span", "ev-date", e.d));
    b.appendChild(document.createTextNode(" "));
    b.appendChild(el("span", "ev-title", e.t));
    if (data.lanes[e.g]) {
      b.appendChild(document.createTextNode(" "));
      b.appendChild(el("span", "ev-group", data.lanes[e.g]));
    }
    li.appendChild(b);
    var href = safeHref(e.u);
    if (href) {
      var a = el("a", "ev-link", "↗");
      a.href = href; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
      a.setAttribute("aria-label", "Link for " + e.t);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
    }
    return li;
  }
  // The events listed changed (a zoom, a search, a lane hidden): the rows are drawn again.
  function setRows(next) {
    if (next.length !== rows.length || next.some(function (i, k) { return rows[k] !== i; })) {
      rows = next;
      rowOf.fill(-1);
      for (var k = 0; k < rows.length; k++) rowOf[rows[k]] = k;
    }
    renderRows(true);
  }
  // The rows in the list's view, and OVERSCAN either side, are in the DOM; the list's ::before
  // and ::after stand in for the rest (padding would make the list itself that tall). Rows already drawn stay where they are (one may hold the focus).
  function renderRows(force) {
    if (printing) return;
    var h = list.clientHeight || 400, top = Math.min(list.scrollTop, Math.max(0, rows.length * ROW - h));
    var s = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    var e = Math.min(rows.length, Math.ceil((top + h) / ROW) + OVERSCAN);
    if (s >= e) s = Math.max(0, e - 1);
    if (!force && s === win[0] && e === win[1]) return;
    win = [s, e];
    var keep = {}, li = list.firstElementChild, next;
    for (; li; li = next) {
      next = li.nextElementSibling;
      var k = rowOf[+li.getAttribute("data-i")];
      if (li.hasAttribute("data-i") && k >= s && k < e) keep[li.getAttribute("data-i")] = li;
      else list.removeChild(li);
    }
    var cursor = list.firstElementChild, size = String(rows.length);
    for (var r = s; r < e; r++) {
      var i = rows[r], item = keep[i];
      if (item) cursor = item.nextElementSibling; else { item = listItem(i); list.insertBefore(item, cursor); }
      if (item.getAttribute("aria-posinset") !== String(r + 1)) item.setAttribute("aria-posinset", r + 1);
      if (item.getAttribute("aria-setsize") !== size) item.setAttribute("aria-setsize", size);
      item.classList.toggle("chosen", i === chosen);
      item.classList.toggle("match", !!(matches && matches[i]));
    }
    list.style.setProperty("--above", s * ROW + "px");
    list.style.setProperty("--below", (rows.length - e) * ROW + "px");
  }
  // Brings row r into the list's view (the middle of it when `middle`) and draws it.
  function reveal(r, middle) {
    var top = r * ROW, h = list.clientHeight;
    if (middle) list.scrollTop = top - (h - ROW) / 2;
    else if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW > list.scrollTop + h) list.scrollTop = top + ROW - h;
    renderRows(false);
    return document.getElementById("ev-" + rows[r]);
  }
  function startList() {
    list.textContent = "";
    list.classList.add("virtual");
    renderRows(true);
    var first = list.querySelector("li[data-i]");
    if (first && first.offsetHeight && first.offsetHeight !== ROW) { ROW = first.offsetHeight; renderRows(true); }
    list.addEventListener("scroll", function () { renderRows(false); });
  }
  // On paper the whole list, as before: every event, those not listed hidden.
  function listForPrint() {
    printing = true;
    list.textContent = "";
    list.style.setProperty("--above", "0px");
    list.style.setProperty("--below", "0px");
    var frag = document.createDocumentFragment();
    events.forEach(function (e, i) {
      var item = listItem(i);
      item.hidden = rowOf[i] < 0;
      frag.appendChild(item);
    });
    list.appendChild(frag);
  }
  function listForScreen() {
    printing = false;
    list.textContent = "";
    renderRows(true);
  }

  // --- Printing ---------------------------------------------------------------------------------
  // Paper is narrower than most windows and always white: the chart is redrawn at the width of
  // a landscape page (page.css asks for one) and, on a dark page, in the light theme's colours;
  // the screen's look comes back after. Chromium and Firefox fire beforeprint; a print preview
  // emulated by a test only changes the media query, so both are listened to.
  var PRINT_WIDTH = 940, PRINT_HEIGHT = 560, printed = null;
  function recolour(value) {
    if (typeof value === "string") return meta.printColors[value] || value;
    if (Array.isArray(value)) return value.map(recolour);
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = recolour(value[k]); });
      return out;
    }
    return value;
  }
  function recolourText(text) {
    Object.keys(meta.printColors).forEach(function (k) { text = text.split(k).join(meta.printColors[k]); });
    return text;
  }
  function beforePrint() {
    if (printed) return;
    listForPrint();
    var L = gd.layout, keys = ["width", "height", "paper_bgcolor", "plot_bgcolor", "font",
      "xaxis.gridcolor", "xaxis.rangeslider.bgcolor", "xaxis.rangeslider.bordercolor",
      "shapes", "annotations", "legend.title.text"];
    printed = { layout: {} };
    keys.forEach(function (k) {
      var v = k.split(".").reduce(function (o, part) { return o === undefined ? o : o[part]; }, L);
      printed.layout[k] = v === undefined ? null : JSON.parse(JSON.stringify(v));
    });
    var update = {};
    keys.forEach(function (k) { update[k] = recolour(printed.layout[k]); });
    update["legend.title.text"] = "";  // (clicking the lanes is for the screen)
    update.width = PRINT_WIDTH;
    update.height = Math.min(PRINT_HEIGHT, gd._fullLayout.height);
    labelLook = { ink: recolour(labelFont.color), halo: recolourText(labelFont.shadow || "") };
    Plotly.relayout(gd, update);
  }
  function afterPrint() {
    if (!printed) return;
    var back = printed;
    printed = null;
    listForScreen();
    labelLook = { ink: labelFont.color, halo: labelFont.shadow || "" };
    // (then the window's own width, which plotly would take from before the print otherwise)
    Plotly.relayout(gd, back.layout).then(function () { return Plotly.Plots.resize(gd); });
  }

  // --- Wiring -----------------------------------------------------------------------------------
  // Nothing on the page sends the timeline anywhere: no "Share chart..." (an upload to Plotly
  // Cloud), and no server to send it to should a later plotly.js bring the button back.
  var config = { responsive: true, scrollZoom: true, displaylogo: false,
    showSendToCloud: false, plotlyServerURL: "",
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "sendChartToCloud"],
    toImageButtonOptions: { filename: "timeline", format: "png", scale: 2 } };
  var firstLabels = prepare();
  startList();
  Plotly.newPlot(gd, figure.data, figure.layout, config).then(function () {
    drawLabels(firstLabels);
    var scheduled = false;
    gd.on("plotly_relayout", function (ev) {
      var keys = Object.keys(ev || {});
      if (!keys.some(function (k) { return k.indexOf("xaxis.range") === 0 || k === "xaxis.autorange" || k === "autosize" || k === "width"; })) return;
      listHeld = holdNext;
      holdNext = false;
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(function () { scheduled = false; refresh(); });
    });
    gd.on("plotly_relayouting", function (ev) {
      var a = ev && ev["xaxis.range[0]"], b = ev && ev["xaxis.range[1]"];
      if (ev && ev["xaxis.range"]) { a = ev["xaxis.range"][0]; b = ev["xaxis.range"][1]; }
      if (typeof a === "number" && typeof b === "number") moveLabels([a, b]);
    });
    gd.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      if (!p) return;
      var lane = meta.markerTraces.indexOf(p.curveNumber);
      if (lane >= 0) choose(meta.traceEvents[lane][p.pointNumber], false);
    });
    // A lane hidden or shown again with the legend: its labels and list items follow.
    gd.on("plotly_restyle", function (ev) {
      if (aggregating || !ev || !ev[0] || !("visible" in ev[0])) return;
      listHeld = false;
      refresh();
    });
    document.documentElement.setAttribute("data-ready", "true");
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    var printQuery = window.matchMedia && window.matchMedia("print");
    if (printQuery && printQuery.addEventListener) {
      printQuery.addEventListener("change", function (q) { if (q.matches) beforePrint(); else afterPrint(); });
    }
  });
  list.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("button.ev") : null;
    if (!b) return;
    var i = parseInt(b.getAttribute("data-i"), 10);
    choose(i, true);
    holdNext = true;
    // (should plotly find nothing to change and tell nobody, the hold must not outlive it)
    zoomTo(i).then(function () { holdNext = false; });
  });
  // Up and down arrows step through the list's items.
  list.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var li = ev.target.closest ? ev.target.closest("li[data-i]") : null;
    if (!li) return;
    var r = rowOf[+li.getAttribute("data-i")] + (ev.key === "ArrowDown" ? 1 : -1);
    if (r < 0 || r >= rows.length) return;
    ev.preventDefault();
    var n = reveal(r, false), b = n && n.querySelector("button.ev");
    if (b) b.focus({ preventScroll: true });
  });
  searchEl.addEventListener("input", searchSoon);
  document.getElementById("tl-export").addEventListener("click", exportCsv);
  Array.prototype.forEach.call(document.querySelectorAll("[data-zoom]"), function (b) {
    if (ago && b.getAttribute("data-zoom") !== "all") b.disabled = true;
    b.addEventListener("click", function () { presetZoom(b.getAttribute("data-zoom")); });
  });
  window.timelinePage = { gd: gd, events: events, choose: choose, search: search, refresh: refresh,
    listed: function () { return rows.slice(); },
    labels: function () { return { x: placed.x.slice(), y: placed.y.slice(), text: placed.text.slice(), pos: placed.pos.slice() }; },
    reveal: function (i) { return rowOf[i] >= 0 && !!reveal(rowOf[i], true); } };
})();
