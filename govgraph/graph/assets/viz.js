// govgraph offline network page: search, type and notice filters, legend, timeline.
// Every name is inserted with textContent / value / vis labels (canvas), never as HTML.
(function () {
  "use strict";
  var status = document.getElementById("gg-status");
  function setStatus(key, value) { status.setAttribute("data-" + key, String(value)); }
  function fail(err) {
    setStatus("error", String(err && err.message || err));
    status.textContent = "错误 / error: " + (err && err.message || err);
  }
  window.addEventListener("error", function (e) { fail(e.error || e.message); });

  var data = JSON.parse(document.getElementById("gg-data").textContent);
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.type] = t; });

  function tipElement(lines) {
    var div = document.createElement("div");
    div.className = "gg-tip";
    lines.forEach(function (line) {
      var el = document.createElement(line[0] === "b" ? "b" : "div");
      if (line[0] === "quote") el.className = "gg-quote";
      if (line[0] === "meta") el.className = "gg-meta";
      el.textContent = line[1];
      div.appendChild(el);
    });
    return div;
  }

  var nodeRows = data.nodes.map(function (n) {
    var o = {};
    for (var k in n) if (k !== "tip") o[k] = n[k];
    o.title = tipElement(n.tip);
    return o;
  });
  var edgeRows = data.edges.map(function (e) {
    var o = {};
    for (var k in e) if (k !== "tip") o[k] = e[k];
    o.title = tipElement(e.tip);
    return o;
  });
  var nodes = new vis.DataSet(nodeRows);
  var edges = new vis.DataSet(edgeRows);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  setStatus("total", data.nodes.length);
  setStatus("edges", data.edges.length);

  // ---- filters -------------------------------------------------------------
  var state = { types: {}, doc: "" };
  data.types.forEach(function (t) { state.types[t.type] = true; });

  function nodeVisible(n) {
    if (!state.types[n.gtype]) return false;
    if (state.doc && n.id !== data.focus && n.docs.indexOf(state.doc) < 0) return false;
    return true;
  }
  function apply() {
    var vis = {}, nVis = 0, eVis = 0, nUpd = [], eUpd = [];
    data.nodes.forEach(function (n) {
      var v = nodeVisible(n);
      vis[n.id] = v;
      if (v) nVis++;
      nUpd.push({ id: n.id, hidden: !v });
    });
    data.edges.forEach(function (e) {
      var v = vis[e.from] && vis[e.to] && (!state.doc || !e.docs.length || e.docs.indexOf(state.doc) >= 0);
      if (v) eVis++;
      eUpd.push({ id: e.id, hidden: !v });
    });
    nodes.update(nUpd);
    edges.update(eUpd);
    setStatus("visible", nVis);
    setStatus("edges-visible", eVis);
    setStatus("filter", Object.keys(state.types).filter(function (t) { return state.types[t]; }).join(",") + "|" + state.doc);
    status.textContent = "显示 " + nVis + " / " + data.nodes.length + " 个节点，" + eVis + " / " + data.edges.length + " 条边" +
      (status.getAttribute("data-ready") === "1" ? "" : "（布局中…）");
    document.querySelectorAll("#gg-types input").forEach(function (cb) { cb.checked = !!state.types[cb.value]; });
    docSelect.value = state.doc;
    return { nodes: nVis, edges: eVis };
  }

  var typesBox = document.getElementById("gg-types");
  data.types.forEach(function (t) {
    var lab = document.createElement("label");
    lab.className = "gg-type";
    var cb = document.createElement("input");
    cb.type = "checkbox"; cb.value = t.type; cb.checked = true;
    cb.addEventListener("change", function () { state.types[t.type] = cb.checked; apply(); refit(); });
    var sw = document.createElement("span");
    sw.className = "gg-swatch gg-shape-" + t.shape;
    sw.style.background = t.color; sw.style.color = t.color; sw.style.borderBottomColor = t.color;
    var name = document.createElement("span"); name.textContent = t.label;
    var cnt = document.createElement("span"); cnt.className = "gg-count"; cnt.textContent = String(t.count);
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(name); lab.appendChild(cnt);
    typesBox.appendChild(lab);
  });

  var docSelect = document.getElementById("gg-doc");
  data.docs.forEach(function (d) {
    var opt = document.createElement("option");
    opt.value = d.doc;
    opt.textContent = d.doc + (d.title ? " " + d.title : "") + (d.date ? " (" + d.date + ")" : "");
    docSelect.appendChild(opt);
  });
  docSelect.addEventListener("change", function () { state.doc = docSelect.value; apply(); refit(); });
  function refit() {
    if (status.getAttribute("data-ready") !== "1") return;
    var ids = data.nodes.filter(nodeVisible).map(function (n) { return n.id; });
    if (ids.length) network.fit({ nodes: ids, animation: false });
  }

  // ---- search --------------------------------------------------------------
  var names = document.getElementById("gg-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    if (n.gtype === "task" || seen[n.label]) return;
    seen[n.label] = 1;
    var opt = document.createElement("option");
    opt.value = n.label;
    names.appendChild(opt);
  });
  var msg = document.getElementById("gg-search-msg");
  function search(q) {
    q = (q || "").trim();
    msg.textContent = "";
    if (!q) return null;
    var hit = null, i, n;
    for (i = 0; i < data.nodes.length && !hit; i++) { n = data.nodes[i]; if (n.label === q || n.id === q) hit = n; }
    for (i = 0; i < data.nodes.length && !hit; i++) { n = data.nodes[i]; if (n.label.indexOf(q) >= 0 || (n.full || "").indexOf(q) >= 0) hit = n; }
    if (!hit) { msg.textContent = "未找到 / not found: " + q; setStatus("selected", ""); return null; }
    if (!nodeVisible(hit)) { state.types[hit.gtype] = true; state.doc = ""; apply(); }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.3, animation: false });
    setStatus("selected", hit.id);
    return hit.id;
  }
  document.getElementById("gg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("gg-search").value);
  });

  // ---- timeline (focus on a person) ----------------------------------------
  if (data.timeline && data.timeline.length) {
    document.getElementById("gg-timeline-box").hidden = false;
    var ol = document.getElementById("gg-timeline");
    data.timeline.forEach(function (row) {
      var li = document.createElement("li");
      li.textContent = row.join(" ");
      ol.appendChild(li);
    });
  }

  // ---- network -------------------------------------------------------------
  var container = document.getElementById("gg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  function ready() {
    if (status.getAttribute("data-ready") === "1") return;
    network.setOptions({ physics: false });
    setStatus("ready", 1);
    setStatus("drawn", nodes.get({ filter: function (n) { return !n.hidden; } }).length);
    setStatus("positions", Object.keys(network.getPositions()).length);
    setStatus("resources", performance.getEntriesByType("resource").length);
    apply();
    if (state.doc || Object.keys(state.types).some(function (t) { return !state.types[t]; })) refit();
    if (data.focus && byId[data.focus]) network.selectNodes([data.focus]);
  }
  network.once("stabilizationIterationsDone", ready);
  if (!data.options.physics || data.options.physics.enabled === false) {
    network.once("afterDrawing", ready);
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局中 / layout " + Math.round(100 * p.iterations / p.total) + "%";
  });

  // ---- hash: #types=person,unit&doc=...&q=... ------------------------------
  function fromHash() {
    var h = (location.hash || "").replace(/^#/, "");
    if (!h) return false;
    var p = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) p[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    if (p.types !== undefined) {
      var want = p.types.split(",");
      Object.keys(state.types).forEach(function (t) { state.types[t] = want.indexOf(t) >= 0; });
    }
    if (p.doc !== undefined) state.doc = p.doc;
    apply();
    if (p.q) search(p.q);
    refit();
    return true;
  }
  window.addEventListener("hashchange", fromHash);

  window.govgraph = {
    network: network, nodes: nodes, edges: edges, search: search,
    applyFilter: function (f) {
      f = f || {};
      if (f.types) Object.keys(state.types).forEach(function (t) { state.types[t] = f.types.indexOf(t) >= 0; });
      if (f.doc !== undefined) state.doc = f.doc || "";
      var r = apply();
      refit();
      return r;
    }
  };
  if (!fromHash()) apply();
})();
