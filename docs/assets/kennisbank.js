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
      params.forEach(function (value, key) {
        if (key !== ORDER_PARAM) (chosen[key] = chosen[key] || []).push(value);
      });
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
          var order = params.get(ORDER_PARAM);
          params = new URLSearchParams();
          if (order) params.set(ORDER_PARAM, order);
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

  /* ---- practice list: by title (as built) or by the date of the last change, newest first; kept in ?volgorde= ---- */
  var ORDER_PARAM = "volgorde";
  function setupOrder(root) {
    var control = root.querySelector("[data-kb-volgorde]");
    var list = root.querySelector("ul.kb-lijst");
    if (!control || !list) return;
    var select = control.querySelector("select");
    var items = Array.prototype.slice.call(list.children);  /* the built order: by title */
    function apply() {
      var byDate = select.value === "gewijzigd";
      var ordered = items.slice();
      if (byDate) {
        ordered.sort(function (a, b) {
          var x = a.getAttribute("data-gewijzigd") || "", y = b.getAttribute("data-gewijzigd") || "";
          return x === y ? items.indexOf(a) - items.indexOf(b) : (x < y ? 1 : -1);
        });
      }
      ordered.forEach(function (item) { list.appendChild(item); });
    }
    var wanted = new URLSearchParams(window.location.search).get(ORDER_PARAM);
    if (wanted === "gewijzigd") select.value = "gewijzigd";
    select.addEventListener("change", function () {
      var params = new URLSearchParams(window.location.search);
      if (select.value === "gewijzigd") params.set(ORDER_PARAM, "gewijzigd"); else params.delete(ORDER_PARAM);
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      apply();
    });
    control.hidden = false;
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
      var list = form.querySelector("[data-kb-kieslijst]");
      if (list) {
        list.open = false;
        list.querySelector("summary").textContent = "Andere praktijken kiezen (" + picked.length + " gekozen)";
      }
      setupScrollBoxes(out);
      offerCsv(out.querySelector("[data-kb-csv]"), data, picked);
      var heading = out.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  }
  /* ---- "Kies om te vergelijken" in a table or list (templates/_choose.html): two to four, then naast-elkaar/?p=... ---- */
  function setupChoice(form) {
    var message = form.querySelector(".kb-melding");
    form.addEventListener("submit", function (event) {
      var count = document.querySelectorAll("input[name=p][form=\"" + form.id + "\"]:checked").length;
      if (count >= 2 && count <= 4) return;
      event.preventDefault();
      message.hidden = false;
      message.textContent = "Vink twee tot vier praktijken aan om te vergelijken; u koos er " + count + ".";
    });
  }
  function esc(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }
  /* The side-by-side tables. On a phone (CSS, max-width 40em) each row stacks into a card, so the roles are
     set explicitly: a table whose display changed keeps its meaning for screen readers. */
  function render(data, picked) {
    var base = "../../praktijken/";
    /* the fiction badge, rendered by the autoescaped template _fictief.html into the page */
    var mold = document.getElementById("kb-fictief-mal");
    var fiction = mold ? " " + mold.innerHTML : "";
    /* on a phone the header row is hidden and each cell names its practice (data-label): with the mark's text */
    var fictionText = mold ? " (" + mold.content.textContent.trim() + ")" : "";
    var head = "<tr role=\"row\"><th scope=\"col\" role=\"columnheader\">Onderwerp</th>" + picked.map(function (p) {
      return "<th scope=\"col\" role=\"columnheader\"><a href=\"" + base + encodeURIComponent(p.id) + "/\">" + esc(p.titel) + "</a>" +
        (p.fictief ? fiction : "") + "<span class=\"kb-regio\">" + esc(p.regio) + "</span></th>";
    }).join("") + "</tr>";
    var html = "<h2>Vergelijking van " + picked.length + " praktijken</h2>" +
      "<p class=\"kb-download-keuze\"><button type=\"button\" class=\"md-button\" data-kb-csv>Download deze vergelijking (.csv)</button> " +
      "<span class=\"kb-uitleg\">Alleen de " + picked.length + " gekozen praktijken, met de teksten zoals hierboven, te openen in Excel of LibreOffice. " +
      "De vergelijking van alle praktijken staat ook als Excel-bestand (.xlsx) op de pagina <a href=\"../\">Vergelijken</a>.</span></p>";
    data.themas.forEach(function (theme) {
      html += "<div class=\"kb-tabel-wrap kb-tabel-wrap--vergelijk\" role=\"region\" tabindex=\"0\" aria-label=\"" + esc(theme.label) + "\">" +
        "<table class=\"kb-naast\" role=\"table\"><caption>" + esc(theme.label) + "</caption><thead role=\"rowgroup\">" + head +
        "</thead><tbody role=\"rowgroup\">";
      theme.velden.forEach(function (field, f) {
        /* hulp and the cells are HTML from the autoescaped templates _column_help.html and _cell.html */
        html += "<tr role=\"row\"><th scope=\"row\" role=\"rowheader\"><span class=\"kb-kop\">" + esc(field.titel) + field.hulp +
          "</span></th>" + picked.map(function (p) {
            return "<td role=\"cell\" data-label=\"" + esc(p.titel + (p.fictief ? fictionText : "")) + "\">" + p.waarden[theme.code][f] + "</td>";
          }).join("") + "</tr>";
      });
      html += "</tbody></table></div>" + cards(theme, picked, base, fiction);
    });
    return html;
  }
  /* The same theme on a phone (CSS shows these instead of the table below 40em): each practice named once,
     with its values under it, each beside the field it answers. */
  function cards(theme, picked, base, fiction) {
    return "<div class=\"kb-naast-kaarten\" data-thema=\"" + esc(theme.code) + "\"><h3>" + esc(theme.label) + "</h3>" +
      picked.map(function (p) {
        return "<div class=\"kb-naast-kaart\" data-praktijk=\"" + esc(p.id) + "\"><h4><a href=\"" + base + encodeURIComponent(p.id) + "/\">" +
          esc(p.titel) + "</a>" + (p.fictief ? fiction : "") + "<span class=\"kb-regio\">" + esc(p.regio) + "</span></h4><dl>" +
          theme.velden.map(function (field, f) {
            return "<dt>" + esc(field.titel) + "</dt><dd>" + p.waarden[theme.code][f] + "</dd>";
          }).join("") + "</dl></div>";
      }).join("") + "</div>";
  }

  /* ---- spreadsheet download of a selection: CSV in UTF-8 with a BOM and ';', as Dutch Excel expects ---- */
  var FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
  function csvCell(value) {
    var text = value == null ? "" : String(value);
    /* the data is checked for this already (macros/checks/formulas.py); a quote keeps it text regardless */
    if (FORMULA_START.test(text.replace(/^\s+/, ""))) text = "'" + text;
    return /[";\r\n]|^\s|\s$/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  function comparisonCsv(data, picked) {
    var header = data.eerste.slice();
    data.themas.forEach(function (theme) {
      theme.velden.forEach(function (field) { header.push(theme.label + ": " + field.titel); });
    });
    header = header.concat(data.laatste);   /* the code "Kenmerk" last, as in vergelijking.csv */
    var rows = [header].concat(picked.map(function (p) {
      var row = p.eerste.slice();
      data.themas.forEach(function (theme) { row = row.concat(p.teksten[theme.code]); });
      return row.concat(p.laatste);
    }));
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }
  function offerCsv(button, data, picked) {
    button.addEventListener("click", function () {
      var blob = new Blob([comparisonCsv(data, picked)], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "vergelijking-" + picked.map(function (p) { return p.id; }).join("-") + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  }

  /* ---- table boxes: a box scrolls only when its table is wider; then a visible hint says so ---- */
  function setupScrollBox(box) {
    var table = box.querySelector("table");
    if (!table || box.hasAttribute("data-kb-schuif")) return;
    box.setAttribute("data-kb-schuif", "");
    var hint = document.createElement("p");
    hint.className = "kb-schuifhint";
    hint.textContent = "Schuif opzij voor meer kolommen: deze tabel is breder dan het scherm. Schuif de tabel (of ga erin met Tab " +
      "en gebruik de pijltjestoetsen) om alle kolommen te zien" +
      (box.classList.contains("kb-tabel-wrap--vergelijk") ? "; de eerste kolom blijft staan." : ".");
    hint.hidden = true;
    box.parentNode.insertBefore(hint, box);
    function update() {
      var fits = table.getBoundingClientRect().width <= box.clientWidth + 1;
      box.classList.toggle("kb-past", fits);
      hint.hidden = fits;
    }
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(box); else window.addEventListener("resize", update);
  }
  /* ---- header explanations (<details class="kb-kopuitleg">): one open at a time; Escape or a click elsewhere closes ---- */
  function setupExplanations() {
    function openOnes() { return Array.prototype.slice.call(document.querySelectorAll("details.kb-kopuitleg[open]")); }
    document.addEventListener("toggle", function (event) {
      var opened = event.target;
      if (!opened.matches || !opened.matches("details.kb-kopuitleg") || !opened.open) return;
      openOnes().forEach(function (other) { if (other !== opened) other.open = false; });
    }, true);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      openOnes().forEach(function (open) {
        open.open = false;
        if (open.contains(document.activeElement)) open.querySelector("summary").focus();
      });
    });
    document.addEventListener("click", function (event) {
      openOnes().forEach(function (open) { if (!open.contains(event.target)) open.open = false; });
    });
  }

  /* every table box of an article: the comparison tables, the tables of a practice page and of the zelfscan
     (which calls this again when it draws its result: window.kennisbankTabellen) and Material's own boxes */
  function setupScrollBoxes(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".kb-tabel-wrap, .md-typeset__scrollwrap"), setupScrollBox);
  }
  window.kennisbankTabellen = setupScrollBoxes;

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

  /* ---- map: show only the gemeenten with a practice on one theme or financing model; the table follows ---- */
  function setupMapFilter(form) {
    var select = form.querySelector("select");
    var status = form.querySelector("[data-kb-kaartstatus]");
    var shapes = Array.prototype.slice.call(document.querySelectorAll(".kaart-gedekt-groep a[data-filter]"));
    var rows = Array.prototype.slice.call(document.querySelectorAll(".kaart-tabel tr[data-filter]"));
    function has(node, value) { return (node.getAttribute("data-filter") || "").split(" ").indexOf(value) !== -1; }
    function apply() {
      var value = select.value;
      var shown = 0;
      shapes.forEach(function (a) {
        var on = !value || has(a, value);
        a.classList.toggle("kaart-uit", !on);
        if (on) a.removeAttribute("tabindex"); else a.setAttribute("tabindex", "-1");
        if (on) a.removeAttribute("aria-hidden"); else a.setAttribute("aria-hidden", "true");
      });
      rows.forEach(function (row) {
        var on = !value || has(row, value);
        row.hidden = !on;
        if (on) shown += 1;
        Array.prototype.forEach.call(row.querySelectorAll("li[data-filter]"), function (li) {
          li.hidden = !!value && !has(li, value);
        });
      });
      var label = value ? select.options[select.selectedIndex].textContent : "";
      status.textContent = value
        ? shown + (shown === 1 ? " gemeente valt" : " gemeenten vallen") + " onder een praktijk met " + label + "."
        : shown + " gemeenten vallen onder minstens één praktijk.";
    }
    select.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* ---- print: a practice page prints its web address and the print date ---- */
  function setupPrintLine(line) {
    function fill() {
      var address = line.querySelector("[data-kb-adres]");
      var date = line.querySelector("[data-kb-afdrukdatum]");
      address.textContent = window.location.href.split("#")[0].split("?")[0];
      date.textContent = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
      line.querySelector("[data-kb-afdrukdatum-regel]").hidden = false;
    }
    fill();
    window.addEventListener("beforeprint", fill);
  }

  function start() {
    focusableScrollBoxes();
    setupScrollBoxes(document);
    setupExplanations();
    Array.prototype.forEach.call(document.querySelectorAll(".kb-afdruk"), setupPrintLine);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-kaartfilter]"), setupMapFilter);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-filter]"), setupFilters);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-filter]"), setupOrder);
    Array.prototype.forEach.call(document.querySelectorAll("table.kb-sorteerbaar"), setupSorting);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-naast-elkaar]"), setupSideBySide);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-kies]"), setupChoice);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
