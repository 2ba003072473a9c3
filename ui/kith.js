// Kith progressive enhancement: everything works without this file; it adds conveniences.
(function () {
  "use strict";

  // "Select all on this page" in lists.
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.classList && box.classList.contains("select-all")) {
      var table = box.closest("table");
      table.querySelectorAll('tbody input[type=checkbox][name=ids]').forEach(function (row) {
        row.checked = box.checked;
      });
    }
  });

  // Collections: add a row from the template with the next index; remove a row.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.classList.contains("add-row")) {
      var set = target.closest("fieldset.collection");
      var rows = set.querySelector(".rows");
      var next = 0;
      rows.querySelectorAll(".row").forEach(function (row) {
        next = Math.max(next, parseInt(row.dataset.index, 10) + 1);
      });
      var html = set.querySelector("template.row-template").innerHTML.split("__INDEX__").join(String(next));
      rows.insertAdjacentHTML("beforeend", html);
      rows.lastElementChild.querySelectorAll(".reference").forEach(setup);
    } else if (target.classList.contains("remove-row")) {
      target.closest(".row").remove();
    } else if (target.classList.contains("chip-remove")) {
      target.closest("li").remove();
    }
  });

  // References: search the autocomplete API as the user types; pick with click or Enter.
  function setup(box) {
    var search = box.querySelector(".reference-search");
    var results = box.querySelector(".reference-results");
    var multiple = box.classList.contains("multiple");
    var timer = null;
    var ticket = 0;

    function choose(item) {
      if (multiple) {
        var li = document.createElement("li");
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = box.dataset.name;
        hidden.value = item.id;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.textContent = "×";
        li.appendChild(hidden);
        li.appendChild(document.createTextNode(item.label));
        li.appendChild(remove);
        box.querySelector(".chips").appendChild(li);
        search.value = "";
      } else {
        box.querySelector(".reference-id").value = item.id;
        search.value = item.label;
      }
      results.hidden = true;
    }

    search.addEventListener("input", function () {
      if (!multiple && search.value.trim() === "") {
        box.querySelector(".reference-id").value = "";
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++ticket;
        var q = search.value.trim();
        if (!q) { results.hidden = true; return; }
        fetch(box.dataset.lookup + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            if (mine !== ticket) { return; }
            results.textContent = "";
            items.forEach(function (item) {
              var li = document.createElement("li");
              li.setAttribute("role", "option");
              li.textContent = item.label;
              li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
              results.appendChild(li);
            });
            results.hidden = items.length === 0;
          });
      }, 200);
    });
    search.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !results.hidden && results.firstChild) {
        e.preventDefault();
        results.firstChild.dispatchEvent(new MouseEvent("mousedown"));
      }
    });
    search.addEventListener("blur", function () { results.hidden = true; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".reference").forEach(setup);
  });
})();
