/// The data and the script that make figures with an ``InteractiveMap`` explorable in
/// `index.html`: pan and zoom (drag, wheel, buttons, arrow and +/− keys), search by
/// label, details on hover or keyboard focus, DOI links (Graphviz's own `<a>`), and a
/// legend whose buttons show or hide each group. Self-contained (no library, nothing
/// fetched), and the page is complete without it: the static SVG stays the figure and
/// the controls only appear once the script runs.
enum MapScript {
    /// The map as JSON safe inside `<script type="application/json">`: keys sorted, and
    /// `<`, `>`, `&` written as `\u003c`, `\u003e`, `\u0026` so no text can close the
    /// element. Deterministic.
    static func json(_ map: InteractiveMap) -> String {
        struct Payload: Encodable {
            struct Node: Encodable { var k: String; var l: String; var y: String?; var g: Int?; var v: Double?; var d: String? }
            struct Group: Encodable { var name: String; var color: String }
            var groupTitle: String
            var measure: String?
            var groups: [Group]
            var nodes: [Node]
        }
        let payload = Payload(
            groupTitle: map.groupTitle, measure: map.measure,
            groups: map.groups.map { Payload.Group(name: $0.name, color: $0.color) },
            nodes: map.nodes.map { Payload.Node(k: $0.key, l: $0.label, y: $0.year, g: $0.group, v: $0.value, d: $0.doi) })
        let bytes = (try? JSONOutput.encode(payload)) ?? Array("{}".utf8)
        var out = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The stylesheet rules for maps (added to the page's inline CSS).
    static let css = #"""
.map-controls { display: none; }
figure.map-on .map-controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 0 0 8px; font-size: 14px; }
.map-controls input[type=search] { font: inherit; padding: 3px 8px; border: 1px solid var(--rule); border-radius: 4px; min-width: 16em; }
.map-controls button { font: inherit; font-size: 13px; border: 1px solid var(--rule); background: #fff; border-radius: 4px; padding: 2px 9px; cursor: pointer; }
.map-controls button:focus-visible, .map-controls input:focus-visible, figure.map-on .svg svg:focus-visible { outline: 3px solid #D55E00; outline-offset: 2px; }
.map-legend { display: flex; flex-wrap: wrap; gap: 6px; }
.map-legend button { border-radius: 12px; }
.map-legend button[aria-pressed=false] { opacity: .45; text-decoration: line-through; }
.map-legend .sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; border: 1px solid #0004; vertical-align: -1px; }
.map-status { color: var(--muted); min-width: 8em; }
figure.map-on .svg svg { cursor: grab; touch-action: none; }
figure.map-on .svg svg.map-drag { cursor: grabbing; }
figure.map-on g.node:focus { outline: none; }
figure.map-on g.node:focus > *, figure.map-on g.node a:focus > * { stroke: #D55E00; stroke-width: 3px; }
.map-off { opacity: .07; }
figure.map-dim g.node:not(.map-hit) { opacity: .25; }
figure.map-dim g.edge { opacity: .25; }
g.node.map-hit > ellipse, g.node.map-hit > polygon, g.node.map-hit > path, g.node.map-hit a > ellipse, g.node.map-hit a > polygon, g.node.map-hit a > path { stroke: #D55E00; stroke-width: 4px; }
.map-tip { position: fixed; z-index: 10; max-width: 28em; padding: 6px 9px; background: #1d2430; color: #fff; border-radius: 4px; font-size: 13px; line-height: 1.4; pointer-events: none; }
.map-tip[hidden] { display: none; }
"""#

    /// The script, run once per page; it sets up every `figure[data-map]`.
    static let script = #"""
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure[data-map]");
  for (var i = 0; i < figures.length; i++) { setup(figures[i]); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function fmt(x) {
    if (x === null || x === undefined) { return ""; }
    if (Math.abs(x) >= 1000 || x === Math.round(x)) { return String(Math.round(x * 1000) / 1000); }
    return x.toPrecision(3);
  }

  function setup(fig) {
    var dataEl = fig.querySelector("script.map-data");
    var svg = fig.querySelector(".svg svg");
    if (!dataEl || !svg) { return; }
    var data = JSON.parse(dataEl.textContent);
    var name = fig.getAttribute("data-map");
    var byKey = {};
    data.nodes.forEach(function (n) { byKey[n.k] = n; });
    var nodes = [];
    var nodeOf = {};
    Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
      var t = g.querySelector("title");
      var n = t && byKey[t.textContent];
      if (!n) { return; }
      n.el = g;
      nodes.push(n);
      nodeOf[n.k] = n;
      var link = g.querySelector("a");
      var target = link || g;
      if (!link) { g.setAttribute("tabindex", "0"); }
      target.setAttribute("aria-label", describe(n, " · "));
      g.addEventListener("mouseenter", function (e) { showTip(n, e.clientX, e.clientY); });
      g.addEventListener("mousemove", function (e) { placeTip(e.clientX, e.clientY); });
      g.addEventListener("mouseleave", hideTip);
      target.addEventListener("focus", function () {
        var r = g.getBoundingClientRect();
        showTip(n, r.right, r.bottom);
      });
      target.addEventListener("blur", hideTip);
    });
    var edges = [];
    Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
      var t = g.querySelector("title");
      if (!t) { return; }
      var ends = t.textContent.split(/->|--/);
      if (ends.length === 2) { edges.push({ el: g, a: ends[0], b: ends[1] }); }
    });

    // Controls, built here so that a page without JavaScript shows none of them.
    var bar = el("div", { "class": "map-controls" });
    var searchId = "map-search-" + name;
    bar.appendChild(el("label", { "for": searchId }, "Find a work"));
    var search = el("input", { type: "search", id: searchId, placeholder: "label, e.g. an author", autocomplete: "off" });
    bar.appendChild(search);
    var status = el("span", { "class": "map-status", role: "status", "aria-live": "polite" });
    bar.appendChild(status);
    var zoomIn = el("button", { type: "button", "aria-label": "Zoom in" }, "+");
    var zoomOut = el("button", { type: "button", "aria-label": "Zoom out" }, "\u2212");
    var reset = el("button", { type: "button", "aria-label": "Reset the view" }, "Reset");
    bar.appendChild(zoomIn); bar.appendChild(zoomOut); bar.appendChild(reset);
    var legend = el("div", { "class": "map-legend", role: "group", "aria-label": "Show or hide each " + data.groupTitle });
    var off = {};
    var used = {};
    nodes.forEach(function (n) { if (n.g !== null && n.g !== undefined) { used[n.g] = true; } });
    data.groups.forEach(function (grp, gi) {
      if (!used[gi]) { return; }
      var b = el("button", { type: "button", "aria-pressed": "true", "data-group": String(gi) });
      var sw = el("span", { "class": "sw", "aria-hidden": "true" });
      sw.style.background = grp.color;
      b.appendChild(sw);
      b.appendChild(document.createTextNode(grp.name));
      b.addEventListener("click", function () {
        off[gi] = !off[gi];
        b.setAttribute("aria-pressed", off[gi] ? "false" : "true");
        applyGroups();
      });
      legend.appendChild(b);
    });
    if (legend.childNodes.length > 1) { bar.appendChild(legend); }
    var holder = fig.querySelector(".svg");
    holder.parentNode.insertBefore(bar, holder);
    var tip = el("div", { "class": "map-tip", role: "tooltip", hidden: "" });
    document.body.appendChild(tip);
    fig.classList.add("map-on");

    function describe(n, sep) {
      var parts = [n.l];
      if (n.y) { parts.push(n.y); }
      if (n.g !== null && n.g !== undefined && data.groups[n.g]) { parts.push(data.groupTitle + ": " + data.groups[n.g].name); }
      if (data.measure && n.v !== null && n.v !== undefined) { parts.push(data.measure + ": " + fmt(n.v)); }
      if (n.d) { parts.push("doi:" + n.d); }
      return parts.join(sep);
    }
    function showTip(n, x, y) {
      tip.textContent = "";
      describe(n, "\n").split("\n").forEach(function (line, k) {
        var d = el("div", {}, line);
        if (k === 0) { d.style.fontWeight = "600"; }
        tip.appendChild(d);
      });
      tip.hidden = false;
      placeTip(x, y);
    }
    function placeTip(x, y) {
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.min(x + 14, window.innerWidth - w - 8), top = Math.min(y + 14, window.innerHeight - h - 8);
      tip.style.left = Math.max(4, left) + "px";
      tip.style.top = Math.max(4, top) + "px";
    }
    function hideTip() { tip.hidden = true; }

    function applyGroups() {
      nodes.forEach(function (n) { n.el.classList.toggle("map-off", !!off[n.g]); });
      edges.forEach(function (e) {
        var a = nodeOf[e.a], b = nodeOf[e.b];
        e.el.classList.toggle("map-off", !!((a && off[a.g]) || (b && off[b.g])));
      });
    }

    // Pan and zoom by the SVG viewBox.
    var vb0 = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
    if (vb0.length !== 4 || vb0.some(isNaN)) {
      var box = svg.getBBox();
      vb0 = [box.x, box.y, box.width, box.height];
    }
    var vb = vb0.slice();
    function setView() { svg.setAttribute("viewBox", vb.map(function (x) { return x.toFixed(2); }).join(" ")); }
    function zoom(factor, cx, cy) {
      var w = vb[2] / factor, h = vb[3] / factor;
      if (w < vb0[2] / 40 || w > vb0[2] * 4) { return; }
      if (cx === undefined) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
      vb = [cx - (cx - vb[0]) / factor, cy - (cy - vb[1]) / factor, w, h];
      setView();
    }
    function toSVG(clientX, clientY) {
      var r = svg.getBoundingClientRect();
      return [vb[0] + (clientX - r.left) / r.width * vb[2], vb[1] + (clientY - r.top) / r.height * vb[3]];
    }
    zoomIn.addEventListener("click", function () { zoom(1.5); });
    zoomOut.addEventListener("click", function () { zoom(1 / 1.5); });
    reset.addEventListener("click", function () { vb = vb0.slice(); setView(); });
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toSVG(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0 || (e.target.closest && e.target.closest("a"))) { return; }
      drag = { x: e.clientX, y: e.clientY, vb: vb.slice() };
      svg.classList.add("map-drag");
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var r = svg.getBoundingClientRect();
      vb[0] = drag.vb[0] - (e.clientX - drag.x) / r.width * vb[2];
      vb[1] = drag.vb[1] - (e.clientY - drag.y) / r.height * vb[3];
      setView();
    });
    function endDrag() { drag = null; svg.classList.remove("map-drag"); }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);
    svg.setAttribute("tabindex", "0");
    svg.setAttribute("aria-label", "Map: arrow keys pan, + and - zoom, 0 resets; Tab moves through the works");
    svg.addEventListener("keydown", function (e) {
      if (e.target !== svg) { return; }
      var step = vb[2] / 10;
      var handled = true;
      if (e.key === "ArrowLeft") { vb[0] -= step; setView(); }
      else if (e.key === "ArrowRight") { vb[0] += step; setView(); }
      else if (e.key === "ArrowUp") { vb[1] -= step; setView(); }
      else if (e.key === "ArrowDown") { vb[1] += step; setView(); }
      else if (e.key === "+" || e.key === "=") { zoom(1.5); }
      else if (e.key === "-" || e.key === "_") { zoom(1 / 1.5); }
      else if (e.key === "0") { vb = vb0.slice(); setView(); }
      else { handled = false; }
      if (handled) { e.preventDefault(); }
    });

    // Search by label (case-insensitive substring); Enter centres on the first match.
    var hits = [];
    function runSearch() {
      var q = search.value.trim().toLowerCase();
      hits = [];
      nodes.forEach(function (n) {
        var hit = q.length > 0 && n.l.toLowerCase().indexOf(q) >= 0;
        n.el.classList.toggle("map-hit", hit);
        if (hit) { hits.push(n); }
      });
      fig.classList.toggle("map-dim", hits.length > 0);
      status.textContent = q.length === 0 ? "" : hits.length === 0 ? "no work matches" : hits.length === 1 ? "1 work matches" : hits.length + " works match";
    }
    search.addEventListener("input", runSearch);
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" || hits.length === 0) { return; }
      e.preventDefault();
      var first = hits[0].el;
      var r = first.getBoundingClientRect();
      var p = toSVG(r.left + r.width / 2, r.top + r.height / 2);
      vb = [p[0] - vb0[2] / 5, p[1] - vb0[3] / 5, vb0[2] / 2.5, vb0[3] / 2.5];
      setView();
      var focusTarget = first.querySelector("a") || first;
      focusTarget.focus();
    });
  }
})();
"""#
}
