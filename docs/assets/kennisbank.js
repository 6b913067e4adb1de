/* Kennisbank Doorbraakaanpak: progressive enhancement. Every page works without this file;
   with it, filters combine instantly, tables sort, compare renders side by side and
   template forms fill the text in place. Nothing is sent anywhere. */
(function () {
  "use strict";

  /* ---- practice list: combine filters, keep them in the URL ---- */
  function setupFilters(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll(".kb-item"));
    var counter = root.querySelector(".kb-teller");
    var links = Array.prototype.slice.call(root.querySelectorAll(".kb-filters a[data-facet]"));

    function state() {
      var params = new URLSearchParams(window.location.search);
      var chosen = {};
      params.forEach(function (value, key) { (chosen[key] = chosen[key] || []).push(value); });
      return chosen;
    }
    function apply() {
      var chosen = state();
      var shown = 0;
      items.forEach(function (item) {
        var ok = Object.keys(chosen).every(function (facet) {
          var values = (item.getAttribute("data-" + facet) || "").split(" ");
          return chosen[facet].some(function (v) { return values.indexOf(v) !== -1; });
        });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      links.forEach(function (a) {
        var facet = a.getAttribute("data-facet");
        if (facet === "alle") return;
        var on = (chosen[facet] || []).indexOf(a.getAttribute("data-waarde")) !== -1;
        a.setAttribute("aria-pressed", on ? "true" : "false");
        a.setAttribute("role", "button");
      });
      counter.textContent = shown + (shown === 1 ? " praktijk" : " praktijken") + " getoond" +
        (Object.keys(chosen).length ? " (gefilterd)." : ".");
    }
    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        var facet = a.getAttribute("data-facet");
        var params = new URLSearchParams(window.location.search);
        if (facet === "alle") {
          params = new URLSearchParams();
        } else {
          var value = a.getAttribute("data-waarde");
          var values = params.getAll(facet);
          params.delete(facet);
          var at = values.indexOf(value);
          if (at === -1) values.push(value); else values.splice(at, 1);
          values.forEach(function (v) { params.append(facet, v); });
        }
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
        apply();
      });
      a.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); a.click(); }
      });
    });
    apply();
  }

  /* ---- sortable tables: buttons in the headers, aria-sort tells the state ---- */
  function setupSorting(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    headers.forEach(function (th, column) {
      var button = th.querySelector("button.kb-sorteer");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort") || "";
          var y = b.cells[column].getAttribute("data-sort") || "";
          /* an empty key is an unknown value ("onbekend", not filled in): last in either direction */
          if (x === "" || y === "") return (x === "") - (y === "");
          var result = x.localeCompare(y, "nl", { numeric: true });
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /* ---- side by side: 2 to 4 practices, the choice lives in ?p=...&p=... ---- */
  function setupSideBySide(form) {
    var out = document.querySelector(".kb-naast-elkaar");
    var message = form.querySelector(".kb-melding");
    var chosen = new URLSearchParams(window.location.search).getAll("p");
    Array.prototype.forEach.call(form.querySelectorAll("input[name=p]"), function (box) {
      box.checked = chosen.indexOf(box.value) !== -1;
    });
    form.addEventListener("submit", function (event) {
      var count = form.querySelectorAll("input[name=p]:checked").length;
      if (count < 2 || count > 4) {
        event.preventDefault();
        message.hidden = false;
        message.textContent = "Kies twee tot vier praktijken; u koos er " + count + ".";
      }
    });
    if (chosen.length < 2) return;
    fetch(form.getAttribute("data-bron")).then(function (r) { return r.json(); }).then(function (data) {
      var picked = chosen.slice(0, 4).map(function (id) {
        return data.praktijken.filter(function (p) { return p.id === id; })[0];
      }).filter(Boolean);
      if (picked.length < 2) {
        message.hidden = false;
        message.textContent = "Deze praktijken zijn niet gevonden. Kies opnieuw.";
        return;
      }
      out.innerHTML = render(data, picked);
      var heading = out.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  }
  function esc(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }
  function render(data, picked) {
    var base = "../../praktijken/";
    var head = "<tr><th scope=\"col\">Onderwerp</th>" + picked.map(function (p) {
      return "<th scope=\"col\"><a href=\"" + base + encodeURIComponent(p.id) + "/\">" + esc(p.titel) + "</a>" +
        "<span class=\"kb-regio\">" + esc(p.regio) + "</span></th>";
    }).join("") + "</tr>";
    var html = "<h2>Vergelijking van " + picked.length + " praktijken</h2>";
    data.themas.forEach(function (theme, t) {
      html += "<div class=\"kb-tabel-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" + esc(theme.label) + "\">" +
        "<table class=\"kb-naast\"><caption>" + esc(theme.label) + "</caption><thead>" + head + "</thead><tbody>";
      theme.velden.forEach(function (field, f) {
        html += "<tr><th scope=\"row\">" + esc(field.titel) + "</th>" + picked.map(function (p) {
          /* cells are HTML from the autoescaped template macros/render/templates/_cell.html */
          return "<td>" + p.waarden[theme.code][f] + "</td>";
        }).join("") + "</tr>";
      });
      html += "</tbody></table></div>";
    });
    return html;
  }

  /* Material wraps wide Markdown tables in a scrolling box; make it reachable by keyboard (WCAG 2.1.1). */
  function focusableScrollBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box, i) {
      var caption = box.querySelector("caption");
      var heading = box.previousElementSibling;
      while (heading && !/^H[2-4]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      /* names must differ per region (axe: landmark-unique) */
      box.setAttribute("aria-label", (caption ? caption.textContent : "Tabel " + (i + 1)) +
        (heading ? " bij " + heading.textContent.replace(/#$/, "").trim() : ""));
    });
  }

  function start() {
    focusableScrollBoxes();
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-filter]"), setupFilters);
    Array.prototype.forEach.call(document.querySelectorAll("table.kb-sorteerbaar"), setupSorting);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-naast-elkaar]"), setupSideBySide);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
