"""The interactive page's script and style, written for kg (no library, no network).

The script reads the graph from ``<script type="application/json" id="kg-data">``,
lays it out with a small force simulation (many-body repulsion, springs along the
edges, a weak pull to the centre; a grid keeps repulsion local on large graphs),
draws it on a ``<canvas>`` and offers hover details, search, drag, pan and zoom.
Every text from the graph reaches the page through ``textContent`` or the canvas,
never as HTML.
"""

from __future__ import annotations

STYLE = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI",
  Helvetica, Arial, sans-serif; color: #222; background: #fafafa; }
#kg-bar { position: absolute; top: 0; left: 0; right: 0; display: flex; gap: 10px;
  align-items: center; padding: 6px 10px; background: rgba(255,255,255,0.92);
  border-bottom: 1px solid #ddd; z-index: 2; flex-wrap: wrap; }
#kg-bar h1 { font-size: 14px; margin: 0 8px 0 0; font-weight: 600; }
#kg-search { width: 220px; padding: 3px 6px; border: 1px solid #bbb; border-radius: 4px; }
#kg-count, #kg-summary { color: #666; }
#kg-fit { padding: 2px 8px; border: 1px solid #bbb; border-radius: 4px; background: #fff;
  cursor: pointer; }
#kg-canvas { position: absolute; top: 0; left: 0; width: 100%; height: 100%; cursor: grab; }
#kg-legend { position: absolute; left: 10px; bottom: 10px; background: rgba(255,255,255,0.9);
  border: 1px solid #ddd; border-radius: 4px; padding: 6px 8px; z-index: 2; max-height: 45%;
  overflow: auto; }
#kg-legend div { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
#kg-legend span.sw { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  border: 1px solid #555; }
#kg-tip { position: absolute; display: none; max-width: 420px; background: #fff;
  border: 1px solid #999; border-radius: 4px; padding: 6px 8px; white-space: pre-wrap;
  box-shadow: 0 2px 8px rgba(0,0,0,0.18); pointer-events: none; z-index: 3;
  unicode-bidi: plaintext; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = data.nodes, edges = data.edges, n = nodes.length;
  var canvas = document.getElementById("kg-canvas");
  var ctx = canvas.getContext("2d");
  var tip = document.getElementById("kg-tip");
  var search = document.getElementById("kg-search");
  var count = document.getElementById("kg-count");
  var view = { x: 0, y: 0, k: 1 };
  var width = 0, height = 0, ratio = 1;
  var matches = null, hover = null, dragging = null, panning = null, moved = false;

  // ---- layout --------------------------------------------------------------
  var i, j, e;
  var degree = new Array(n).fill(0);
  for (i = 0; i < edges.length; i++) { degree[edges[i].s]++; degree[edges[i].t]++; }
  for (i = 0; i < n; i++) {
    var radius = 12 * Math.sqrt(i + 0.5), angle = i * 2.399963229728653;
    nodes[i].x = radius * Math.cos(angle); nodes[i].y = radius * Math.sin(angle);
    nodes[i].vx = 0; nodes[i].vy = 0;
    nodes[i].key = (nodes[i].label + " " + (nodes[i].aliases || "")).toLowerCase();
  }
  var neighbours = nodes.map(function () { return {}; });
  edges.forEach(function (edge) {
    neighbours[edge.s][edge.t] = 1; neighbours[edge.t][edge.s] = 1;
  });

  function repulse(a, b, alpha) {
    var dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy;
    if (d2 === 0) { dx = 1e-3; dy = 1e-3; d2 = 2e-6; }
    if (d2 > 250000) return;
    var f = -150 * alpha / Math.max(d2, 25);
    a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
  }

  function tick(alpha) {
    var a, b;
    if (n <= 700) {
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) repulse(nodes[i], nodes[j], alpha);
    } else {
      var cell = 120, grid = {};
      for (i = 0; i < n; i++) {
        var gk = Math.floor(nodes[i].x / cell) + "," + Math.floor(nodes[i].y / cell);
        (grid[gk] = grid[gk] || []).push(i);
      }
      for (i = 0; i < n; i++) {
        var cx = Math.floor(nodes[i].x / cell), cy = Math.floor(nodes[i].y / cell);
        for (var ox = -1; ox <= 1; ox++) for (var oy = -1; oy <= 1; oy++) {
          var list = grid[(cx + ox) + "," + (cy + oy)];
          if (!list) continue;
          for (var m = 0; m < list.length; m++) {
            if (list[m] > i) repulse(nodes[i], nodes[list[m]], alpha);
          }
        }
      }
    }
    for (e = 0; e < edges.length; e++) {
      a = nodes[edges[e].s]; b = nodes[edges[e].t];
      if (a === b) continue;
      var dx = b.x + b.vx - a.x - a.vx, dy = b.y + b.vy - a.y - a.vy;
      var d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rest = 90 + a.size + b.size;
      var strength = 1 / Math.min(degree[edges[e].s], degree[edges[e].t]);
      var l = (d - rest) / d * alpha * strength * 0.6;
      var share = degree[edges[e].s] / (degree[edges[e].s] + degree[edges[e].t]);
      b.vx -= dx * l * share; b.vy -= dy * l * share;
      a.vx += dx * l * (1 - share); a.vy += dy * l * (1 - share);
    }
    for (i = 0; i < n; i++) {
      a = nodes[i];
      a.vx -= a.x * 0.02 * alpha; a.vy -= a.y * 0.02 * alpha;
      if (a.fixed) { a.vx = 0; a.vy = 0; continue; }
      a.vx *= 0.6; a.vy *= 0.6;
      a.x += a.vx; a.y += a.vy;
    }
  }

  var ticks = n > 1500 ? 120 : 300, alpha = 1, decay = 1 - Math.pow(0.001, 1 / ticks);
  for (var t = 0; t < ticks; t++) { tick(alpha); alpha -= alpha * decay; }

  // parallel and reciprocal edges bend apart
  var pairs = {};
  edges.forEach(function (edge) {
    var key = Math.min(edge.s, edge.t) + ":" + Math.max(edge.s, edge.t);
    (pairs[key] = pairs[key] || []).push(edge);
  });
  Object.keys(pairs).forEach(function (key) {
    var list = pairs[key];
    list.forEach(function (edge, index) {
      var bend = (index - (list.length - 1) / 2) * 28;
      edge.bend = edge.s < edge.t ? bend : -bend;
      if (list.length === 1) edge.bend = 0;
    });
  });

  // ---- drawing -------------------------------------------------------------
  function resize() {
    ratio = window.devicePixelRatio || 1;
    width = canvas.clientWidth; height = canvas.clientHeight;
    canvas.width = Math.max(1, Math.floor(width * ratio));
    canvas.height = Math.max(1, Math.floor(height * ratio));
    draw();
  }

  function fit() {
    if (!n) { view = { x: width / 2, y: height / 2, k: 1 }; return; }
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (a) {
      minX = Math.min(minX, a.x - a.size); maxX = Math.max(maxX, a.x + a.size);
      minY = Math.min(minY, a.y - a.size); maxY = Math.max(maxY, a.y + a.size);
    });
    var top = 44, pad = 40;
    var k = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1),
                     (height - top - 2 * pad) / Math.max(maxY - minY, 1), 2.5);
    view.k = Math.max(k, 0.02);
    view.x = width / 2 - view.k * (minX + maxX) / 2;
    view.y = top + (height - top) / 2 - view.k * (minY + maxY) / 2;
  }

  function sx(a) { return view.x + view.k * a.x; }
  function sy(a) { return view.y + view.k * a.y; }

  function control(edge) {
    var a = nodes[edge.s], b = nodes[edge.t];
    var x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
    var mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1;
    var d = Math.sqrt(dx * dx + dy * dy) || 1;
    return { x1: x1, y1: y1, x2: x2, y2: y2,
             cx: mx - dy / d * edge.bend, cy: my + dx / d * edge.bend };
  }

  function lit(index) {
    if (hover && hover.node !== undefined) {
      return index === hover.node || !!neighbours[hover.node][index];
    }
    return !matches || matches[index];
  }

  function draw() {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = "#fafafa"; ctx.fillRect(0, 0, width, height);
    var showEdgeLabels = edges.length <= 160 || view.k > 1.4;
    var showNodeLabels = n <= 80 || view.k > 1.2;
    ctx.lineCap = "round";
    edges.forEach(function (edge, index) {
      var c = control(edge), on = lit(edge.s) && lit(edge.t);
      var focus = hover && hover.edge === index;
      ctx.globalAlpha = on ? 0.85 : 0.12;
      ctx.strokeStyle = edge.color; ctx.lineWidth = (focus ? 2 : 1) * edge.width;
      ctx.beginPath();
      if (edge.s === edge.t) {
        var r = nodes[edge.s].size * view.k + 8;
        ctx.arc(c.x1 + r * 0.7, c.y1 - r * 0.7, r * 0.7, 0, 2 * Math.PI);
        ctx.stroke();
        return;
      }
      ctx.moveTo(c.x1, c.y1); ctx.quadraticCurveTo(c.cx, c.cy, c.x2, c.y2); ctx.stroke();
      if (data.directed) {
        var tx = c.x2 - c.cx, ty = c.y2 - c.cy, tl = Math.sqrt(tx * tx + ty * ty) || 1;
        var rr = nodes[edge.t].size * Math.sqrt(view.k) + 2;
        var hx = c.x2 - tx / tl * rr, hy = c.y2 - ty / tl * rr, s = 6 + edge.width;
        ctx.fillStyle = edge.color;
        ctx.beginPath(); ctx.moveTo(hx, hy);
        ctx.lineTo(hx - tx / tl * s - ty / tl * s * 0.45, hy - ty / tl * s + tx / tl * s * 0.45);
        ctx.lineTo(hx - tx / tl * s + ty / tl * s * 0.45, hy - ty / tl * s - tx / tl * s * 0.45);
        ctx.closePath(); ctx.fill();
      }
    });
    if (showEdgeLabels) {
      ctx.font = "10px system-ui, sans-serif";
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      edges.forEach(function (edge) {
        if (!(lit(edge.s) && lit(edge.t)) || edge.s === edge.t) return;
        var c = control(edge);
        var lx = 0.25 * c.x1 + 0.5 * c.cx + 0.25 * c.x2;
        var ly = 0.25 * c.y1 + 0.5 * c.cy + 0.25 * c.y2;
        ctx.globalAlpha = 0.95; ctx.lineWidth = 3; ctx.strokeStyle = "#fafafa";
        ctx.strokeText(edge.label, lx, ly);
        ctx.fillStyle = "#444"; ctx.fillText(edge.label, lx, ly);
      });
    }
    nodes.forEach(function (a, index) {
      var on = lit(index), r = a.size * Math.sqrt(view.k);
      ctx.globalAlpha = on ? 1 : 0.18;
      ctx.beginPath(); ctx.arc(sx(a), sy(a), Math.max(r, 1.5), 0, 2 * Math.PI);
      ctx.fillStyle = a.color; ctx.fill();
      ctx.lineWidth = matches && matches[index] ? 3 : 1;
      ctx.strokeStyle = matches && matches[index] ? "#000" : "#333"; ctx.stroke();
    });
    ctx.font = "12px system-ui, sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "middle";
    nodes.forEach(function (a, index) {
      var on = lit(index);
      if (!on || !(showNodeLabels || a.size > 11 || (matches && matches[index]))) return;
      var x = sx(a) + a.size * Math.sqrt(view.k) + 3, y = sy(a);
      ctx.globalAlpha = 1; ctx.lineWidth = 3; ctx.strokeStyle = "#fafafa";
      ctx.strokeText(a.short, x, y); ctx.fillStyle = "#111"; ctx.fillText(a.short, x, y);
    });
    ctx.globalAlpha = 1;
  }

  // ---- interaction ---------------------------------------------------------
  function nodeAt(x, y) {
    for (var index = n - 1; index >= 0; index--) {
      var a = nodes[index], r = a.size * Math.sqrt(view.k) + 3, dx = sx(a) - x, dy = sy(a) - y;
      if (dx * dx + dy * dy <= r * r) return index;
    }
    return -1;
  }

  function edgeAt(x, y) {
    var best = -1, bestD = 6;
    edges.forEach(function (edge, index) {
      var c = control(edge);
      for (var s = 0; s <= 16; s++) {
        var u = s / 16, px = (1 - u) * (1 - u) * c.x1 + 2 * (1 - u) * u * c.cx + u * u * c.x2;
        var py = (1 - u) * (1 - u) * c.y1 + 2 * (1 - u) * u * c.cy + u * u * c.y2;
        var d = Math.sqrt((px - x) * (px - x) + (py - y) * (py - y));
        if (d < bestD) { bestD = d; best = index; }
      }
    });
    return best;
  }

  function showTip(text, x, y) {
    tip.textContent = text; tip.style.display = "block";
    var left = Math.min(x + 14, width - tip.offsetWidth - 8);
    var top = Math.min(y + 14, height - tip.offsetHeight - 8);
    tip.style.left = Math.max(4, left) + "px"; tip.style.top = Math.max(4, top) + "px";
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  canvas.addEventListener("mousedown", function (event) {
    var p = point(event), index = nodeAt(p.x, p.y);
    moved = false;
    if (index >= 0) { dragging = index; nodes[index].fixed = true; }
    else { panning = { x: p.x - view.x, y: p.y - view.y }; canvas.style.cursor = "grabbing"; }
  });
  window.addEventListener("mouseup", function () {
    if (dragging !== null) nodes[dragging].fixed = false;
    dragging = null; panning = null; canvas.style.cursor = "grab";
  });
  canvas.addEventListener("mousemove", function (event) {
    var p = point(event);
    if (dragging !== null) {
      nodes[dragging].x = (p.x - view.x) / view.k; nodes[dragging].y = (p.y - view.y) / view.k;
      moved = true; draw(); return;
    }
    if (panning) {
      view.x = p.x - panning.x; view.y = p.y - panning.y; moved = true; draw(); return;
    }
    var index = nodeAt(p.x, p.y), was = hover;
    if (index >= 0) { hover = { node: index }; showTip(nodes[index].info, p.x, p.y); }
    else {
      var edge = edgeAt(p.x, p.y);
      if (edge >= 0) { hover = { edge: edge }; showTip(edges[edge].info, p.x, p.y); }
      else { hover = null; tip.style.display = "none"; }
    }
    if (JSON.stringify(was) !== JSON.stringify(hover)) draw();
  });
  canvas.addEventListener("mouseleave", function () {
    hover = null; tip.style.display = "none"; draw();
  });
  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = point(event), k = view.k * Math.exp(-event.deltaY * 0.0015);
    k = Math.min(Math.max(k, 0.02), 20);
    view.x = p.x - (p.x - view.x) * k / view.k; view.y = p.y - (p.y - view.y) * k / view.k;
    view.k = k; draw();
  }, { passive: false });

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    if (!q) { matches = null; count.textContent = ""; draw(); return; }
    matches = {}; var found = 0;
    nodes.forEach(function (a, index) {
      if (a.key.indexOf(q) >= 0) { matches[index] = true; found++; }
    });
    count.textContent = found + (found === 1 ? " match" : " matches");
    draw();
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { search.value = ""; runSearch(); }
    if (event.key === "Enter" && matches) {
      var first = Object.keys(matches)[0];
      if (first !== undefined) {
        var a = nodes[+first]; view.k = Math.max(view.k, 1.5);
        view.x = width / 2 - view.k * a.x; view.y = height / 2 - view.k * a.y; draw();
      }
    }
  });
  document.getElementById("kg-fit").addEventListener("click", function () { fit(); draw(); });

  // ---- legend and start ----------------------------------------------------
  var legend = document.getElementById("kg-legend");
  data.types.forEach(function (entry) {
    var row = document.createElement("div"), sw = document.createElement("span");
    var name = document.createElement("span");
    sw.className = "sw"; sw.style.background = entry[1];
    name.textContent = entry[0] + " (" + entry[2] + ")";
    row.appendChild(sw); row.appendChild(name); legend.appendChild(row);
  });
  if (!data.types.length) legend.style.display = "none";
  window.addEventListener("resize", function () { resize(); });
  width = canvas.clientWidth; height = canvas.clientHeight;
  fit(); resize();
  document.body.setAttribute("data-kg-ready", "1");
})();
"""
