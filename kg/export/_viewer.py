"""The interactive page's style and script, written for kg on top of Cytoscape.js.

The script reads the graph from ``<script type="application/json" id="kg-data">``
(nodes in rank order, most central first), builds the view (the same rule as
:func:`kg.export.html._core`: filters, then the N most central, then no entity
without an edge, then the largest connected group), lays it out with fCoSE
(seeded, so the same page gives the same picture), and draws only the labels
that fit without overlapping, most central first, again after each zoom.
Every text from the graph reaches the page through ``textContent`` or Cytoscape's
canvas, never as HTML. When done it sets ``data-kg-*`` attributes on ``<body>``
(ready, entities and edges shown, labels drawn, overlapping labels, entities
without an edge) for tests and scripts.
"""

from __future__ import annotations

STYLE = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; overflow: hidden; font: 13px/1.35 system-ui,
  -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; background: #fff; }
#kg-bar { position: absolute; top: 0; left: 0; right: 0; height: 42px; display: flex;
  gap: 10px; align-items: center; padding: 0 12px; background: #f6f6f6;
  border-bottom: 1px solid #ddd; z-index: 3; white-space: nowrap; overflow: hidden; }
#kg-bar h1 { font-size: 15px; margin: 0 6px 0 0; font-weight: 600; overflow: hidden;
  text-overflow: ellipsis; max-width: 28%; }
#kg-search { width: 230px; padding: 4px 7px; border: 1px solid #bbb; border-radius: 4px; }
#kg-matches, #kg-summary { color: #555; }
#kg-summary { margin-left: auto; overflow: hidden; text-overflow: ellipsis; }
#kg-bar button { padding: 3px 9px; border: 1px solid #bbb; border-radius: 4px;
  background: #fff; cursor: pointer; }
#kg-side { position: absolute; top: 42px; left: 0; bottom: 0; width: 260px;
  overflow-y: auto; overflow-x: hidden; padding: 6px 10px; border-right: 1px solid #ddd;
  background: #fbfbfb; z-index: 2; }
#kg-side h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
  color: #666; margin: 10px 0 4px; }
#kg-side label { display: block; margin: 3px 0; }
#kg-top { width: 64px; }
#kg-side select { max-width: 150px; }
.kg-legend label { display: flex !important; align-items: center; gap: 6px;
  white-space: nowrap; cursor: pointer; margin: 1px 0 !important; }
.kg-legend .sw { flex: none; display: inline-block; width: 12px; height: 12px;
  border-radius: 50%; border: 1px solid #555; }
.kg-legend .ln { flex: none; display: inline-block; width: 20px; height: 4px;
  border-radius: 2px; }
.kg-legend .t { overflow: hidden; text-overflow: ellipsis; }
.kg-legend .n { color: #888; margin-left: auto; padding-left: 6px; }
.kg-legend input { margin: 0; }
.kg-hint { color: #777; font-size: 12px; }
#kg-canvas { position: absolute; top: 42px; left: 260px; right: 320px; bottom: 0; }
#kg-detail { position: absolute; top: 42px; right: 0; bottom: 0; width: 320px; overflow: auto;
  padding: 8px 12px; border-left: 1px solid #ddd; background: #fbfbfb; z-index: 2;
  unicode-bidi: plaintext; }
#kg-detail h2 { font-size: 15px; margin: 4px 0 2px; word-wrap: break-word; }
#kg-detail .meta { color: #555; margin: 2px 0; }
#kg-detail blockquote { margin: 8px 0 2px; padding: 4px 8px; border-left: 3px solid #ccc;
  background: #fff; }
#kg-detail .src { color: #777; font-size: 12px; margin: 0 0 6px 11px; word-break: break-all; }
#kg-detail .iri { word-break: break-all; font-size: 12px; }
#kg-detail ul { padding-left: 16px; margin: 4px 0; }
#kg-detail li a { cursor: pointer; color: #1558b0; }
@media (max-width: 900px) {
  #kg-side { width: 180px; } #kg-canvas { left: 180px; right: 0; }
  #kg-detail { width: 260px; top: auto; height: 40%; box-shadow: 0 -2px 8px rgba(0,0,0,.1); }
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = data.nodes, edges = data.edges, body = document.body;
  var NONE = "no event class";
  var FONT = "12px system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif";
  function $(id) { return document.getElementById(id); }
  function make(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var typeColor = {}, quadColor = {};
  data.types.forEach(function (t) { typeColor[t[0]] = t[1]; });
  data.quads.forEach(function (q) { quadColor[q[0]] = q[1]; });
  var state = { types: {}, quads: {}, group: "", event: "", since: "", until: "",
                top: data.view, core: true };
  data.types.forEach(function (t) { state.types[t[0]] = true; });
  data.quads.forEach(function (q) { state.quads[q[0]] = true; });
  nodes.forEach(function (a, i) {
    a.key = (a.label + " " + (a.aliases || "")).toLowerCase(); a.adj = [];
  });
  edges.forEach(function (e, j) {
    nodes[e.s].adj.push(j);
    if (e.t !== e.s) nodes[e.t].adj.push(j);
  });

  // ---- the graph ------------------------------------------------------------
  var elements = [];
  nodes.forEach(function (a, i) {
    elements.push({ group: "nodes", data: { id: "n" + i, i: i, label: a.short, size: a.size,
      color: typeColor[a.type] || "#ccc", lv: "bottom", lh: "center" } });
  });
  edges.forEach(function (e, j) {
    elements.push({ group: "edges", data: { id: "e" + j, j: j, source: "n" + e.s,
      target: "n" + e.t, label: e.label, color: quadColor[e.quad || NONE] || "#9a9a9a",
      width: Math.min(1.2 + Math.log(e.w) / Math.LN2 * 1.1, 7) } });
  });
  var NODE_FONT = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif";
  function styles(zoom) {
    var k = 1 / zoom;
    return [
      { selector: "node", style: { "background-color": "data(color)", width: "data(size)",
        height: "data(size)", "border-width": 1, "border-color": "#4a4a4a", label: "",
        "font-size": 12 * k, "font-family": NODE_FONT, color: "#111", "text-valign": "bottom",
        "text-halign": "center", "text-margin-y": 2 * k, "text-outline-color": "#fff",
        "text-outline-width": 2 * k, "text-outline-opacity": 0.9, "min-zoomed-font-size": 0 } },
      { selector: "node.lab, node.hl", style: { label: "data(label)" } },
      { selector: "node.lab", style: { "text-valign": "data(lv)", "text-halign": "data(lh)",
        "text-margin-y": 0, "z-index": 5 } },
      { selector: "node.hl", style: { "z-index": 20, "font-weight": "bold" } },
      { selector: "node.match", style: { "border-width": 4 * k, "border-color": "#000" } },
      { selector: "node:selected", style: { "border-width": 4 * k, "border-color": "#1558b0" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": data.directed ? "triangle" : "none", "arrow-scale": 0.8,
        "curve-style": "bezier", opacity: 0.7, "font-size": 11 * k, "font-family": NODE_FONT,
        "text-rotation": "autorotate", "text-outline-color": "#fff",
        "text-outline-width": 2 * k, color: "#222" } },
      { selector: "edge.elab", style: { label: "data(label)" } },
      { selector: "edge.hl, edge:selected", style: { label: "data(label)", opacity: 1,
        "z-index": 10 } },
      { selector: "edge:selected", style: { "underlay-color": "#1558b0", "underlay-padding": 3,
        "underlay-opacity": 0.3 } },
      { selector: ".dim", style: { opacity: 0.12 } },
      { selector: ".off", style: { display: "none" } }
    ];
  }
  var styledZoom = 1;
  var cy = cytoscape({
    container: $("kg-canvas"), elements: elements, wheelSensitivity: 0.3,
    minZoom: 0.05, maxZoom: 6, boxSelectionEnabled: false, style: styles(1)
  });

  // ---- which entities and edges the view shows ------------------------------
  function edgePasses(e) {
    if (!state.quads[e.quad || NONE]) return false;
    if (state.group && e.group !== state.group) return false;
    if (state.event && e.event !== state.event) return false;
    if (state.since || state.until) {
      var ok = (e.dates || []).some(function (d) {
        return (!state.since || d >= state.since) && (!state.until || d <= state.until);
      });
      if (!ok) return false;
    }
    return state.types[nodes[e.s].type] && state.types[nodes[e.t].type];
  }
  var edgeFilter = function () {
    return state.group || state.event || state.since || state.until ||
      Object.keys(state.quads).some(function (q) { return !state.quads[q]; });
  };
  function largest(list, pairs) {
    var parent = {};
    list.forEach(function (i) { parent[i] = i; });
    var find = function (x) {
      while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
      return x;
    };
    pairs.forEach(function (p) {
      if (!(p[0] in parent) || !(p[1] in parent)) return;
      var a = find(p[0]), b = find(p[1]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    });
    var sizes = {}, best = null;
    list.forEach(function (i) { var r = find(i); sizes[r] = (sizes[r] || 0) + 1; });
    Object.keys(sizes).forEach(function (k) {
      var r = +k;
      if (best === null || sizes[r] > sizes[best] ||
          (sizes[r] === sizes[best] && r < best)) best = r;
    });
    return list.filter(function (i) { return find(i) === best; });
  }
  // kg.export.html._grow: the most central next to those chosen, step by step
  function grow(list, pairs, top) {
    var allowed = {}, adjacent = {}, chosen = {}, count = 0, frontier = [], rest = 0;
    var sorted = list.slice().sort(function (a, b) { return a - b; });
    sorted.forEach(function (i) { allowed[i] = 1; adjacent[i] = []; });
    pairs.forEach(function (p) {
      if (allowed[p[0]] && allowed[p[1]] && p[0] !== p[1]) {
        adjacent[p[0]].push(p[1]); adjacent[p[1]].push(p[0]);
      }
    });
    var goal = Math.min(top, sorted.length);
    while (count < goal) {
      if (!frontier.length) {
        while (chosen[sorted[rest]]) rest++;
        frontier.push(sorted[rest]);
      }
      var at = 0;
      for (var k = 1; k < frontier.length; k++) if (frontier[k] < frontier[at]) at = k;
      var node = frontier[at];
      frontier[at] = frontier[frontier.length - 1]; frontier.pop();
      if (chosen[node]) continue;
      chosen[node] = 1; count++;
      adjacent[node].forEach(function (o) { if (!chosen[o]) frontier.push(o); });
    }
    return sorted.filter(function (i) { return chosen[i]; });
  }
  function choose() {
    var passing = [], has = {};
    edges.forEach(function (e, j) {
      if (edgePasses(e)) { passing.push(j); has[e.s] = 1; has[e.t] = 1; }
    });
    var isolated = {}, candidates = [];
    nodes.forEach(function (a, i) {
      if (has[i]) candidates.push(i);
      else if (a.iso && !edgeFilter() && state.types[a.type]) {
        candidates.push(i); isolated[i] = 1;
      }
    });
    // the same rule as kg.export.html._view
    var pairs = passing.map(function (j) { return [edges[j].s, edges[j].t]; });
    if (state.core && candidates.length > data.coreLimit) candidates = largest(candidates, pairs);
    if (state.top > 0 && state.top < candidates.length) {
      candidates = state.core ? grow(candidates, pairs, state.top) : candidates.slice(0, state.top);
    }
    var keep = {}; candidates.forEach(function (i) { keep[i] = 1; });
    var kept = passing.filter(function (j) { return keep[edges[j].s] && keep[edges[j].t]; });
    var touched = {};
    kept.forEach(function (j) { touched[edges[j].s] = 1; touched[edges[j].t] = 1; });
    var shown = candidates.filter(function (i) {
      return touched[i] || (isolated[i] && !state.core);
    });
    if (state.core && shown.length > data.coreLimit) {
      shown = largest(shown, kept.map(function (j) { return [edges[j].s, edges[j].t]; }));
    }
    var chosen = {}; shown.forEach(function (i) { chosen[i] = 1; });
    kept = kept.filter(function (j) { return chosen[edges[j].s]; });
    return { nodes: shown, edges: kept };
  }

  var current = { nodes: [], edges: [] };
  function apply(relayout) {
    current = choose();
    var on = {};
    current.nodes.forEach(function (i) { on["n" + i] = 1; });
    current.edges.forEach(function (j) { on["e" + j] = 1; });
    var few = current.edges.length <= data.edgeLabels;
    cy.batch(function () {
      cy.elements().forEach(function (el) {
        if (on[el.id()]) el.removeClass("off"); else el.addClass("off");
        if (el.isEdge()) { if (few) el.addClass("elab"); else el.removeClass("elab"); }
      });
    });
    $("kg-summary").textContent = summary();
    // the legends count what is shown
    var byType = {}, byQuad = {};
    current.nodes.forEach(function (i) {
      var t = nodes[i].type; byType[t] = (byType[t] || 0) + 1;
    });
    current.edges.forEach(function (j) {
      var q = edges[j].quad || NONE; byQuad[q] = (byQuad[q] || 0) + 1;
    });
    [["kg-legend-types", byType], ["kg-legend-events", byQuad]].forEach(function (spec) {
      $(spec[0]).querySelectorAll(".n").forEach(function (cell) {
        cell.textContent = String(spec[1][cell.getAttribute("data-name")] || 0);
      });
    });
    if (relayout !== false) layout();
    runSearch();
    body.setAttribute("data-kg-nodes", String(current.nodes.length));
    body.setAttribute("data-kg-edges", String(current.edges.length));
  }
  function summary() {
    var g = data.counts.graph;
    var merged = data.counts.relations !== undefined && data.counts.relations !== g[1];
    var unit = merged ? " lines" : " edges";
    var text = "showing " + current.nodes.length + " entities and " +
      current.edges.length + unit;
    if (current.nodes.length !== g[0] || current.edges.length !== g[1]) {
      text += " of " + g[0] + " entities and " + (merged ?
        data.counts.relations + " edges (drawn as " + g[1] + " lines)" : g[1] + " edges");
      var filtered = edgeFilter() ||
        Object.keys(state.types).some(function (t) { return !state.types[t]; });
      if (!filtered && state.core) text += " (the connected core of the most central)";
      else if (filtered) text += " (filtered)";
    }
    return text;
  }

  // ---- layout (seeded, so the same page gives the same picture) -------------
  function seeded(seed, run) {
    var saved = Math.random, s = seed >>> 0;
    Math.random = function () {
      s = (s + 0x6D2B79F5) >>> 0;
      var t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    try { run(); } finally { Math.random = saved; }
  }
  function layout() {
    var eles = cy.elements().not(".off");
    if (eles.nodes().length) {
      var n = eles.nodes().length;
      seeded(42, function () {
        eles.layout({ name: "fcose", quality: n > 600 ? "draft" : "default", randomize: true,
          animate: false, fit: false, packComponents: true, nodeDimensionsIncludeLabels: false,
          nodeSeparation: 120,
          idealEdgeLength: function (e) {
            return 50 + 0.8 * (e.source().data("size") + e.target().data("size"));
          },
          nodeRepulsion: function (node) {
            var k = node.data("size") / 20; return 25000 * k * k;
          },
          edgeElasticity: function () { return 0.3; },
          gravity: 0.3, gravityRange: 3.0, numIter: 2500, tile: true,
          tilingPaddingVertical: 20, tilingPaddingHorizontal: 20 }).run();
      });
    }
    fit();
  }
  function fit() {
    var eles = cy.elements().not(".off");
    if (eles.length) cy.fit(eles, 36);
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(eles); }
    placeLabels();
  }

  // ---- labels: the most central first, only where they fit ------------------
  var measure = document.createElement("canvas").getContext("2d");
  var labelBoxes = [];
  function placeLabels() {
    var zoom = cy.zoom();
    if (Math.abs(zoom - styledZoom) > 1e-6 * zoom) {
      styledZoom = zoom; cy.style().fromJson(styles(zoom)).update();
    }
    measure.font = FONT;
    var w = cy.width(), h = cy.height(), visible = cy.nodes().not(".off"), discs = [];
    visible.forEach(function (node) {
      var p = node.renderedPosition();
      discs.push({ i: node.data("i"), x: p.x, y: p.y, r: node.renderedWidth() / 2 });
    });
    var order = visible.toArray().sort(function (a, b) { return a.data("i") - b.data("i"); });
    var boxes = [], lab = {};
    function free(box, i) {
      if (box.x1 < 0 || box.x2 > w || box.y1 < 0 || box.y2 > h) return false;
      for (var k = 0; k < boxes.length; k++) {
        var b = boxes[k];
        if (box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2) return false;
      }
      for (var d = 0; d < discs.length; d++) {
        var c = discs[d];
        if (c.i >= i) continue;  // a label may cover less central nodes, never more central ones
        var cx = Math.max(box.x1, Math.min(c.x, box.x2));
        var cyy = Math.max(box.y1, Math.min(c.y, box.y2));
        if ((cx - c.x) * (cx - c.x) + (cyy - c.y) * (cyy - c.y) < c.r * c.r) return false;
      }
      return true;
    }
    order.forEach(function (node) {
      var p = node.renderedPosition(), r = node.renderedWidth() / 2, i = node.data("i");
      var tw = measure.measureText(node.data("label")).width + 6, th = 16;
      // below, above, right, left of the node: the first place that is free
      var box = function (x1, y1) { return { x1: x1, y1: y1, x2: x1 + tw, y2: y1 + th }; };
      var places = [
        ["bottom", "center", box(p.x - tw / 2, p.y + r + 1)],
        ["top", "center", box(p.x - tw / 2, p.y - r - 1 - th)],
        ["center", "right", box(p.x + r + 1, p.y - th / 2)],
        ["center", "left", box(p.x - r - 1 - tw, p.y - th / 2)]
      ];
      for (var k = 0; k < places.length; k++) {
        if (free(places[k][2], i)) {
          boxes.push(places[k][2]); lab[node.id()] = places[k];
          return;
        }
      }
    });
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var place = lab[node.id()];
        if (place) {
          node.data({ lv: place[0], lh: place[1] }); node.addClass("lab");
        } else { node.removeClass("lab"); }
      });
    });
    labelBoxes = boxes;
    var overlaps = 0;
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
    }
    body.setAttribute("data-kg-labels", String(boxes.length));
    body.setAttribute("data-kg-label-overlaps", String(overlaps));
    var lonely = visible.filter(function (node) {
      return node.connectedEdges().not(".off").length === 0;
    });
    body.setAttribute("data-kg-isolated", String(lonely.length));
  }
  var pending = false;
  cy.on("viewport", function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; placeLabels(); });
  });

  // ---- hover and details ----------------------------------------------------
  function focus(eles) {
    cy.batch(function () {
      cy.elements().not(".off").addClass("dim");
      eles.removeClass("dim").addClass("hl");
    });
  }
  function unfocus() { cy.batch(function () { cy.elements().removeClass("dim hl"); }); }
  cy.on("mouseover", "node", function (ev) {
    var node = ev.target, near = node.closedNeighborhood().not(".off");
    focus(near);
  });
  cy.on("mouseover", "edge", function (ev) { focus(ev.target.union(ev.target.connectedNodes())); });
  cy.on("mouseout", "node, edge", unfocus);

  var detail = $("kg-detail");
  function clear() { while (detail.firstChild) detail.removeChild(detail.firstChild); }
  function meta(text) { detail.appendChild(make("p", text, "meta")); }
  function swatch(color, round) {
    var s = make("span", null, round ? "sw" : "ln"); s.style.background = color; return s;
  }
  function showNode(i) {
    var a = nodes[i]; clear();
    var h = make("h2", a.label); detail.appendChild(h);
    var p = make("p", null, "meta"); p.appendChild(swatch(typeColor[a.type], true));
    p.appendChild(document.createTextNode(" " + a.type)); detail.appendChild(p);
    if (a.aliases) meta("also: " + a.aliases);
    if (a.wikidata) meta("Wikidata: " + a.wikidata);
    var facts = [];
    if (a.mentions !== undefined) facts.push(a.mentions + " statements mention it");
    if (a.documents !== undefined) facts.push("in " + a.documents + " documents");
    if (facts.length) meta(facts.join(", "));
    detail.appendChild(make("p", a.id, "meta iri"));
    var list = a.adj.slice().sort(function (x, y) { return edges[y].w - edges[x].w; });
    detail.appendChild(make("p", "Edges (" + list.length + "), most statements first " +
      "(\u2192 from it, \u2190 to it):", "meta"));
    var ul = make("ul");
    list.slice(0, 60).forEach(function (j) {
      var e = edges[j], other = e.s === i ? e.t : e.s;
      var li = make("li"), link = make("a", (e.s === i ? "\u2192 " : "\u2190 ") +
        nodes[other].label + ": " + e.rel.join(", ").replace(/_/g, " ") + " (" + e.w + ")");
      link.addEventListener("click", function () {
        select(cy.getElementById("e" + j)); showEdge(j);
      });
      li.appendChild(link); ul.appendChild(li);
    });
    detail.appendChild(ul);
    if (list.length > 60) meta("\u2026 and " + (list.length - 60) + " more");
  }
  function showEdge(j) {
    var e = edges[j]; clear();
    var rel = e.rel.join(", ").replace(/_/g, " ");
    detail.appendChild(make("h2", nodes[e.s].label + " \u2014" + rel +
      (data.directed ? "\u2192 " : "\u2014 ") + nodes[e.t].label));
    var p = make("p", null, "meta"); p.appendChild(swatch(quadColor[e.quad || NONE], false));
    p.appendChild(document.createTextNode(" " + (e.quad || NONE) +
      (e.event ? " \u00b7 " + e.event : "") + (e.group ? " \u00b7 " + e.group : "")));
    detail.appendChild(p);
    meta(e.w + (e.w === 1 ? " statement" : " statements") +
      (e.docs !== undefined ? " in " + e.docs + (e.docs === 1 ? " document" : " documents") : ""));
    e.ev.forEach(function (item) {
      detail.appendChild(make("blockquote", "\u201c" + item[0] + "\u201d"));
      detail.appendChild(make("p", "\u2014 " + item[1] + (item[2] ? ", " + item[2] : ""), "src"));
    });
    if (e.w > e.ev.length) meta("\u2026 and " + (e.w - e.ev.length) + " more statements");
  }
  function select(el) { cy.elements().unselect(); el.select(); }
  cy.on("tap", "node", function (ev) { showNode(ev.target.data("i")); });
  cy.on("tap", "edge", function (ev) { showEdge(ev.target.data("j")); });

  // ---- search ---------------------------------------------------------------
  var search = $("kg-search"), matchInfo = $("kg-matches");
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    cy.nodes().removeClass("match");
    if (!q) { matchInfo.textContent = ""; return []; }
    var found = [], hidden = 0;
    nodes.forEach(function (a, i) {
      if (a.key.indexOf(q) < 0) return;
      var node = cy.getElementById("n" + i);
      if (node.hasClass("off")) hidden++; else { node.addClass("match"); found.push(node); }
    });
    matchInfo.textContent = found.length + (found.length === 1 ? " match" : " matches") +
      (hidden ? " (" + hidden + " not in the view)" : "");
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { search.value = ""; runSearch(); }
    if (event.key === "Enter") {
      var found = runSearch();
      if (found.length) {
        cy.animate({ center: { eles: found[0] }, zoom: Math.max(cy.zoom(), 1.2) },
                   { duration: 250 });
        select(found[0]); showNode(found[0].data("i"));
      }
    }
  });

  // ---- controls and legends -------------------------------------------------
  function legend(target, entries, shape, set) {
    entries.forEach(function (entry) {
      var row = make("label"), box = make("input");
      box.type = "checkbox"; box.checked = true;
      box.addEventListener("change", function () { set[entry[0]] = box.checked; apply(); });
      row.appendChild(box); row.appendChild(swatch(entry[1], shape === "dot"));
      row.appendChild(make("span", entry[0], "t"));
      var n = make("span", entry[2], "n"); n.setAttribute("data-name", entry[0]);
      row.appendChild(n);
      target.appendChild(row);
    });
  }
  legend($("kg-legend-types"), data.types, "dot", state.types);
  legend($("kg-legend-events"), data.quads, "line", state.quads);
  function options(select, entries, key) {
    entries.forEach(function (entry) {
      var o = make("option", entry[0] + " (" + entry[2] + ")");
      o.value = entry[0]; select.appendChild(o);
    });
    select.addEventListener("change", function () { state[key] = select.value; apply(); });
    if (!entries.length) select.parentNode.style.display = "none";
  }
  options($("kg-group"), data.groups, "group");
  options($("kg-event"), data.events, "event");
  if (data.dates) {
    ["since", "until"].forEach(function (key) {
      var input = $("kg-" + key);
      input.min = data.dates[0]; input.max = data.dates[1];
      input.addEventListener("change", function () { state[key] = input.value; apply(); });
    });
  } else { $("kg-dates").style.display = "none"; }
  $("kg-top").addEventListener("change", function () {
    state.top = Math.max(0, parseInt($("kg-top").value, 10) || 0); apply();
  });
  $("kg-core").addEventListener("change", function () {
    state.core = $("kg-core").checked; apply();
  });
  $("kg-fit").addEventListener("click", fit);
  $("kg-relayout").addEventListener("click", layout);
  window.addEventListener("resize", function () { cy.resize(); fit(); });

  // a view can be named in the address: #group=cooperation&search=Blair&top=50...
  function fromHash() {
    var params = {};
    (window.location.hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) {
        try {
          params[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
        } catch (err) { /* not a view */ }
      }
    });
    function set(id, key, value) { $(id).value = value; state[key] = value; }
    if (params.top !== undefined) {
      set("kg-top", "top", Math.max(0, parseInt(params.top, 10) || 0));
    }
    if (params.core !== undefined) {
      state.core = params.core !== "0"; $("kg-core").checked = state.core;
    }
    ["group", "event", "since", "until"].forEach(function (key) {
      if (params[key] !== undefined) set("kg-" + key, key, params[key]);
    });
    [["hide-types", "kg-legend-types", state.types],
     ["hide-events", "kg-legend-events", state.quads]].forEach(function (spec) {
        if (params[spec[0]] === undefined) return;
        params[spec[0]].split(",").forEach(function (name) {
          if (!(name in spec[2])) return;
          spec[2][name] = false;
          $(spec[1]).querySelectorAll("label").forEach(function (row) {
            if (row.querySelector(".t").textContent === name) {
              row.querySelector("input").checked = false;
            }
          });
        });
      });
    if (params.search !== undefined) search.value = params.search;
    return params;
  }
  var named = fromHash();
  apply();
  if (named.search) {
    var found = runSearch();
    if (found.length) { select(found[0]); showNode(found[0].data("i")); }
  }
  // for scripts and tests: the Cytoscape instance and the page's own actions
  window.kgView = { cy: cy, state: state, apply: apply, showNode: showNode,
                    showEdge: showEdge, fit: fit };
  body.setAttribute("data-kg-ready", "1");
})();
"""
