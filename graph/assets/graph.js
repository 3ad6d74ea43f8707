// The interactive graph of a computekg page: data from the page's JSON block, drawn by vis-network,
// with filters, a hover card built as text (never HTML) and a click that opens the record's page.
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("graph-data").textContent);
  var stylesheet = document.querySelector('link[href$="assets/site.css"]').getAttribute("href");
  var root = stylesheet.slice(0, stylesheet.length - "assets/site.css".length);

  function card(lines) {
    var box = document.createElement("div");
    box.className = "hover-card";
    lines.forEach(function (line) {
      var row = document.createElement("div");
      if (line[0]) {
        var key = document.createElement("b");
        key.textContent = line[0] + ": ";
        row.appendChild(key);
      }
      row.appendChild(document.createTextNode(line[1]));
      box.appendChild(row);
    });
    return box;
  }
  payload.nodes.forEach(function (node) { node.title = card(node.card); });
  payload.edges.forEach(function (edge) { edge.title = card(edge.card); });

  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  var state = { type: "", statuses: {}, year: 0, kinds: {} };
  document.querySelectorAll(".filter-status").forEach(function (box) { state.statuses[box.value] = box.checked; });
  document.querySelectorAll(".filter-kind").forEach(function (box) { state.kinds[box.value] = box.checked; });
  var yearInput = document.getElementById("filter-year");
  if (yearInput) state.year = Number(yearInput.value);

  var nodeView = new vis.DataView(nodes, { filter: function (node) { return state.kinds[node.kind]; } });
  var edgeView = new vis.DataView(edges, {
    filter: function (edge) {
      if (!edge.deal) return true;
      return (!state.type || edge.deal_type === state.type) && state.statuses[edge.status] && edge.year >= state.year;
    }
  });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, payload.options);

  network.on("click", function (event) {
    var target = null;
    if (event.nodes.length) target = nodes.get(event.nodes[0]);
    else if (event.edges.length) target = edges.get(event.edges[0]);
    if (target && target.page) window.location.href = root + target.page;
  });

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
  }
  var typeSelect = document.getElementById("filter-type");
  if (typeSelect) typeSelect.addEventListener("change", function () { state.type = typeSelect.value; refresh(); });
  document.querySelectorAll(".filter-status").forEach(function (box) {
    box.addEventListener("change", function () { state.statuses[box.value] = box.checked; refresh(); });
  });
  document.querySelectorAll(".filter-kind").forEach(function (box) {
    box.addEventListener("change", function () { state.kinds[box.value] = box.checked; refresh(); });
  });
  if (yearInput) {
    yearInput.addEventListener("input", function () {
      state.year = Number(yearInput.value);
      document.getElementById("filter-year-value").textContent = yearInput.value;
      refresh();
    });
  }
  // For people who script the page, and for the browser tests.
  window.computekg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, root: root };
})();
