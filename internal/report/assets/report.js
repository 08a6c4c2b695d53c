(function () {
  "use strict";
  // Filter the decisions by text; clicking a component in the graph
  // filters by its name. Only text is read from and written to the page
  // (value, textContent), never markup.
  var input = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));

  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el) {
      var hit = q === "" || el.textContent.toLowerCase().indexOf(q) !== -1;
      el.hidden = !hit;
      if (hit) {
        shown++;
      }
    });
    groups.forEach(function (g) {
      g.hidden = q !== "" && g.querySelector("[data-filter]:not([hidden])") === null;
    });
    count.textContent = q === "" ? "" : shown + " of " + items.length + " decisions";
  }

  function pick(node) {
    input.value = node.getAttribute("data-component") || "";
    apply();
    var first = items.filter(function (el) { return !el.hidden; })[0];
    if (first) {
      first.scrollIntoView({ block: "center" });
    }
  }

  if (input && count) {
    input.addEventListener("input", apply);
    Array.prototype.forEach.call(document.querySelectorAll("[data-component]"), function (node) {
      node.addEventListener("click", function () { pick(node); });
      node.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          pick(node);
        }
      });
    });
  }
  // A graph larger than its frame scrolls (it is never shrunk); say so.
  // The smallest text's drawn size is recorded for the browser test.
  Array.prototype.forEach.call(document.querySelectorAll("svg.graph"), function (svg) {
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
    var least = Infinity;
    Array.prototype.forEach.call(svg.querySelectorAll("text"), function (t) {
      least = Math.min(least, parseFloat(window.getComputedStyle(t).fontSize) * scale);
    });
    if (least !== Infinity) {
      svg.setAttribute("data-least-text-px", least.toFixed(1));
    }
    var wrap = svg.parentNode;
    if (wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1) {
      wrap.setAttribute("data-scrolls", "1");
    }
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
