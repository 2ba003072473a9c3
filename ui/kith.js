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

  // Advanced search: add and remove condition rows and groups; when a row's field changes, offer only
  // that field's operators; when the field or operator changes, swap in the matching value input.
  function valueTemplate(form, field, variant) {
    var found = null;
    form.querySelectorAll("template.value-template").forEach(function (t) {
      if (t.dataset.field === field && t.dataset.variant === variant) { found = t; }
    });
    return found;
  }

  function fillInput(cell, tpl, name) {
    cell.textContent = "";
    if (!tpl) { return; }
    cell.insertAdjacentHTML("beforeend", tpl.innerHTML.split("__NAME__").join(name));
    cell.querySelectorAll(".reference").forEach(setup);
  }

  function refreshValue(row) {
    var form = row.closest("form.search-builder");
    var key = row.dataset.key;
    var field = row.querySelector(".field-select").value;
    var ops = row.querySelector(".op-select");
    var chosen = ops.options[ops.selectedIndex];
    var arity = chosen && chosen.value ? chosen.dataset.arity : "one";
    var variant = arity === "none" ? "none" : arity === "many" ? "multi" : arity === "days" ? "days" : "single";
    var tpl = variant === "none" ? null
      : variant === "days" ? valueTemplate(form, "", "days")
      : valueTemplate(form, field, variant) || valueTemplate(form, field, "single");
    fillInput(row.querySelector(".condition-value"), tpl, key + ".value");
    var to = row.querySelector(".condition-to");
    to.hidden = arity !== "two";
    fillInput(to.querySelector(".to-input"), arity === "two" ? valueTemplate(form, field, "single") : null, key + ".to");
  }

  function narrowOperators(row) {
    var form = row.closest("form.search-builder");
    var select = row.querySelector(".field-select");
    var option = select.options[select.selectedIndex];
    var allowed = option && option.dataset.ops ? option.dataset.ops.split(" ") : [];
    var ops = row.querySelector(".op-select");
    var master = form.querySelector("select.all-operators");
    ops.textContent = "";
    if (!allowed.length) { ops.appendChild(document.createElement("option")); }
    allowed.forEach(function (code) {
      master.querySelectorAll("option").forEach(function (o) {
        if (o.value === code) { ops.appendChild(o.cloneNode(true)); }
      });
    });
    refreshValue(row);
  }

  function addCondition(rows) {
    var form = rows.closest("form.search-builder");
    var key = "c" + form.dataset.nextRow;
    form.dataset.nextRow = String(parseInt(form.dataset.nextRow, 10) + 1);
    var html = form.querySelector("template.row-template").innerHTML
      .split("__ROW__").join(key).split("__GROUP__").join(rows.dataset.group);
    rows.insertAdjacentHTML("beforeend", html);
    var row = rows.lastElementChild;
    if (!rows.dataset.group) { row.querySelector('input[type=hidden][name$=".group"]').remove(); }
    return row;
  }

  function addGroup(button) {
    var form = button.closest("form.search-builder");
    var group = form.dataset.nextGroup;
    form.dataset.nextGroup = String(parseInt(group, 10) + 1);
    var model = form.querySelector("fieldset.group");
    var set = document.createElement("fieldset");
    set.className = "group";
    set.dataset.group = group;
    set.appendChild(model.querySelector("legend").cloneNode(true));
    var label = model.querySelector("label").cloneNode(true);
    label.querySelector("select").name = "g" + group + ".match";
    set.appendChild(label);
    var rows = document.createElement("div");
    rows.className = "rows";
    rows.dataset.group = group;
    set.appendChild(rows);
    var add = model.querySelector(".add-condition").cloneNode(true);
    set.appendChild(add);
    button.parentNode.insertBefore(set, button);
    addCondition(rows);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest("form.search-builder")) { return; }
    if (target.classList.contains("field-select")) {
      narrowOperators(target.closest(".condition"));
    } else if (target.classList.contains("op-select")) {
      refreshValue(target.closest(".condition"));
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest("form.search-builder")) { return; }
    if (target.classList.contains("add-condition")) {
      addCondition(target.previousElementSibling);
    } else if (target.classList.contains("add-group")) {
      addGroup(target);
    } else if (target.classList.contains("remove-condition")) {
      target.closest(".condition").remove();
    }
  });

  // Related-record tabs on a record's page: one panel at a time; the address remembers which.
  function setupTabs(section) {
    var tabs = section.querySelectorAll("[role=tab]");
    function show(key) {
      tabs.forEach(function (tab) {
        var on = tab.dataset.tab === key;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        section.querySelector("#panel-" + tab.dataset.tab).hidden = !on;
      });
    }
    tabs.forEach(function (tab) {
      tab.addEventListener("click", function (e) {
        e.preventDefault();
        show(tab.dataset.tab);
        history.replaceState(null, "", "#panel-" + tab.dataset.tab);
      });
    });
    var wanted = location.hash.indexOf("#panel-") === 0 ? location.hash.substring(7) : null;
    var known = Array.prototype.some.call(tabs, function (t) { return t.dataset.tab === wanted; });
    if (tabs.length) { show(known ? wanted : tabs[0].dataset.tab); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".tabs").forEach(setupTabs);
    document.querySelectorAll(".reference").forEach(setup);
    document.querySelectorAll("form.search-builder").forEach(function (form) {
      form.querySelectorAll(".add-condition, .add-group, .remove-condition").forEach(function (b) { b.hidden = false; });
    });
  });

  // Dependent option fields: when the parent select changes, refill the child with the choices the
  // server says go with the new value (an HTML fragment of <option>s); chained children follow.
  document.addEventListener("change", function (event) {
    var parent = event.target;
    if (!parent.form || parent.tagName !== "SELECT") {
      return;
    }
    parent.form.querySelectorAll("select[data-depends-on]").forEach(function (child) {
      if (child.getAttribute("data-depends-on") !== parent.name) {
        return;
      }
      var url = child.getAttribute("data-options-url") + "?parent=" + encodeURIComponent(parent.value)
        + "&selected=" + encodeURIComponent(child.value);
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) {
            return;
          }
          var before = child.value;
          child.innerHTML = html;
          if (child.value !== before) {
            child.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
    });
  });

  // Import jobs: live progress from the job's server-sent events; the page reloads once it has finished.
  document.querySelectorAll("[data-import-events]").forEach(function (section) {
    if (!window.EventSource) {
      return;
    }
    var source = new EventSource(section.getAttribute("data-import-events"));
    source.addEventListener("progress", function (event) {
      var job = JSON.parse(event.data);
      section.querySelectorAll("[data-field]").forEach(function (cell) {
        var value = job[cell.getAttribute("data-field")];
        cell.textContent = value === undefined || value === null ? "" : String(value);
      });
      var bar = section.querySelector("progress");
      if (bar) {
        bar.max = Math.max(1, job.totalRows);
        bar.value = job.rowsDone;
      }
      if (job.finishedAt) {
        source.close();
        window.location.reload();
      }
    });
  });
})();
