// Search over names and aliases on the index page; results are built as text nodes.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("search-data").textContent);
  var input = document.getElementById("search");
  var list = document.getElementById("results");
  // Accents and width fold away; letters of every script stay, so 寒武纪 is as findable as Cambricon.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  records.forEach(function (record) { record.keys = [record.name].concat(record.aliases).map(fold); });
  input.addEventListener("input", function () {
    var query = fold(input.value);
    list.textContent = "";
    if (!query) return;
    records.filter(function (record) {
      return record.keys.some(function (key) { return key.indexOf(query) !== -1; });
    }).slice(0, 30).forEach(function (record) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = record.page;
      link.textContent = record.name;
      var kind = document.createElement("small");
      kind.textContent = " " + record.kind;
      item.appendChild(link);
      item.appendChild(kind);
      list.appendChild(item);
    });
  });
})();
