/* Kennisbank Doorbraakaanpak: the zelfscan (/zelfscan/).
   Everything this script needs is in the page (#kb-zelfscan-gegevens, made by
   macros/render/zelfscan.py): nothing is fetched and nothing is sent. The answers stay in this
   browser (localStorage) until the reader wipes them, and leave it only as a file the reader
   downloads. The ranking below mirrors macros/render/zelfscan.py step for step (known, distance,
   rounded, score, group, ranked); both read the same question data, so the rule has one
   definition, and tests/test_zelfscan.py checks that this script and `most_alike` agree. */
(function () {
  "use strict";
  var source = typeof document === "undefined" ? null : document.getElementById("kb-zelfscan-gegevens");
  if (!source) return;
  var config = JSON.parse(source.textContent);
  var form = document.getElementById(config.formulier);
  var questions = config.regio.concat(config.vragen);
  var byKey = {};
  questions.forEach(function (q) { byKey[q.sleutel] = q; });
  var practices = {};
  config.praktijken.forEach(function (p) { practices[p.id] = p; });
  var out = document.querySelector("[data-kb-uitkomst]");
  var placeholder = Array.prototype.slice.call(out.childNodes).map(function (n) { return n.cloneNode(true); });
  var statusLine = document.querySelector("[data-kb-status]");
  var formError = document.getElementById("kb-zelfscan-fouten");
  var fileError = document.querySelector("[data-kb-bestandsfout]");
  var rule = document.querySelector("[data-kb-regel]");   /* "Hoe berekenen we dit?": under the list once there is a result */

  /* ---- the ranking rule (the same steps as macros/render/zelfscan.py) ---- */
  function known(value) {
    return !(value === undefined || value === null || value === "" || value === config.onbekend ||
             (Array.isArray(value) && (value.length === 0 || (value.length === 1 && value[0] === config.onbekend))));
  }
  function distance(q, a, b) {
    if (q.soort === "tekst" || !known(a) || !known(b)) return null;
    if (q.soort === "schaal" && q.schaal.indexOf(a) !== -1 && q.schaal.indexOf(b) !== -1) {
      return Math.abs(q.schaal.indexOf(a) - q.schaal.indexOf(b)) / (q.schaal.length - 1);
    }
    if (q.soort === "schaal" || q.soort === "code") return a === b ? 0 : 1;
    if (q.soort === "codes") {
      var ours = unique(a), theirs = unique(b);
      var shared = ours.filter(function (c) { return theirs.indexOf(c) !== -1; }).length;
      return 1 - shared / (ours.length + theirs.length - shared);
    }
    return Math.min(1, Math.abs(a - b) / q.bereik);
  }
  function unique(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }
  function rounded(total) { return Math.floor(total * 1e6 + 0.5) / 1e6; }
  function score(answers, theirs) {
    var total = 0, counted = 0;
    config.vragen.forEach(function (q) {
      var d = distance(q, answers[q.sleutel], theirs[q.sleutel]);
      if (d !== null) { total = total + d; counted = counted + 1; }
    });
    return { afstand: rounded(total), vergeleken: counted };
  }
  function group(ours, theirs) {
    return !ours || !ours.length || ours.some(function (s) { return theirs.indexOf(s) !== -1; }) ? 0 : 1;
  }
  function ranked(answers) {
    return config.praktijken.map(function (p) {
      var s = score(answers, p.waarden);
      return { id: p.id, groep: group(answers.onderwijssoort, p.onderwijssoort), afstand: s.afstand, vergeleken: s.vergeleken };
    }).sort(function (a, b) {
      return (a.groep - b.groep) || (a.afstand - b.afstand) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }
  function mostAlike(answers) {
    return ranked(answers).slice(0, config.meest).map(function (row) { return row.id; });
  }

  /* ---- the form ---- */
  function controls(name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }
  function rangeText(q) {
    var kind = q.geheel ? "een heel getal" : "een getal";
    return q.min !== null && q.max !== null ? kind + " van " + q.min + " tot en met " + q.max : kind;
  }
  function numberOk(q, n) {
    return typeof n === "number" && isFinite(n) && (!q.geheel || Math.floor(n) === n) &&
      (q.min === null || n >= q.min) && (q.max === null || n <= q.max);
  }
  function readForm() {
    var answers = {}, problems = [];
    questions.forEach(function (q) {
      var els = controls(q.sleutel);
      if (q.soort === "schaal" || q.soort === "code") {
        var picked = els.filter(function (el) { return el.checked; })[0];
        if (picked && picked.value) answers[q.sleutel] = picked.value;
      } else if (q.soort === "codes") {
        var values = els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
        if (values.length) answers[q.sleutel] = values;
      } else if (q.soort === "getal") {
        var raw = els[0].value.trim();
        var n = Number(raw.replace(",", "."));
        if (els[0].validity.badInput || (raw !== "" && !numberOk(q, n))) problems.push(q);
        else if (raw !== "") answers[q.sleutel] = n;
      } else {
        var text = els[0].value.trim();
        if (text) answers[q.sleutel] = text;
      }
    });
    return { answers: answers, problems: problems };
  }
  function fillForm(answers) {
    questions.forEach(function (q) {
      var value = answers[q.sleutel], els = controls(q.sleutel);
      if (q.soort === "schaal" || q.soort === "code") {
        var wanted = known(value) ? value : "";
        els.forEach(function (el) { el.checked = el.value === wanted; });
      } else if (q.soort === "codes") {
        els.forEach(function (el) { el.checked = Array.isArray(value) && value.indexOf(el.value) !== -1; });
      } else {
        els[0].value = value === undefined || value === null ? "" : String(value);
      }
    });
  }
  function showProblems(problems) {
    questions.filter(function (q) { return q.soort === "getal"; }).forEach(function (q) {
      var box = document.getElementById(q.html_id + "-fout");
      var wrong = problems.indexOf(q) !== -1;
      box.hidden = !wrong;
      box.textContent = wrong ? "Vul " + rangeText(q) + " in, of laat het veld leeg." : "";
      controls(q.sleutel)[0].setAttribute("aria-invalid", wrong ? "true" : "false");
    });
    formError.hidden = !problems.length;
    formError.textContent = problems.length ? "Controleer " + (problems.length === 1 ? "deze vraag" : "deze vragen") + ": " +
      problems.map(function (q) { return q.titel; }).join(", ") + "." : "";
  }

  /* ---- kept in this browser ---- */
  function save(answers) {
    try { window.localStorage.setItem(config.opslag, JSON.stringify({ versie: 1, antwoorden: answers })); } catch (e) { /* storage off: the page still works */ }
  }
  function stored() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(config.opslag) || "null");
      return saved && saved.antwoorden && typeof saved.antwoorden === "object" ? accept(saved.antwoorden, false).answers : null;
    } catch (e) { return null; }
  }
  function forget() {
    try { window.localStorage.removeItem(config.opslag); } catch (e) { /* nothing kept */ }
  }

  /* ---- the result ---- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function link(url, text, attrs) {
    var a = el("a", Object.assign({ href: url }, attrs || {}), [text]);
    a.setAttribute("data-adres", a.href); /* printed after the link text */
    return a;
  }
  /* The fiction badge beside a fictional practice: a copy of the one the page holds (templates/_fictief.html). */
  function fiction(p) {
    var mold = document.getElementById("kb-fictief-mal");
    if (!p.fictief || !mold) return null;
    var badge = mold.content.cloneNode(true);
    badge.insertBefore(document.createTextNode(" "), badge.firstChild);
    return badge;
  }
  /* A practice's name as a phone shows it above each of its values (data-label), with the mark's text. */
  function cellLabel(p) {
    var mold = document.getElementById("kb-fictief-mal");
    return p.titel + (p.fictief && mold ? " (" + mold.content.textContent.trim() + ")" : "");
  }
  function joined(nodes, last) {
    var out = [];
    nodes.forEach(function (node, i) {
      if (i) out.push(i === nodes.length - 1 && last ? last : ", ");
      out.push(node);
    });
    return out;
  }
  function label(q, code) { return q.labels[code] || String(code); }
  function decimal(n) { return String(Math.round(n * 100) / 100).replace(".", ","); }
  function shown(q, value, ours) {
    if (ours && !known(value)) return el("span", { "class": "kb-leeg" }, ["weet ik niet"]);
    /* a practice's "onbekend" is shown as such (a code with a label); only a missing value is "niet ingevuld" */
    if (!known(value) && value !== config.onbekend) return el("span", { "class": "kb-leeg" }, ["niet ingevuld"]);
    if (q.iconen && typeof value === "string") {
      return el("span", { "class": "kb-dekking kb-dekking--" + value },
                [el("span", { "aria-hidden": "true" }, [q.iconen[value] || ""]), " " + label(q, value)]);
    }
    if (q.soort === "codes") return document.createTextNode(value.map(function (c) { return label(q, c); }).join(", "));
    if (q.soort === "code" || q.soort === "schaal") return document.createTextNode(label(q, value));
    if (q.soort === "getal") return document.createTextNode(decimal(value));
    /* a practice's text comes shortened from the page data (macros/render/zelfscan.py, short) */
    var text = String(value);
    return document.createTextNode(ours && text.length > config.kort ? text.slice(0, config.kort).replace(/\s+\S*$/, "") + " …" : text);
  }
  function regionSummary(answers) {
    var soort = byKey.onderwijssoort;
    var name = answers.regio ? "Uw regio " + answers.regio : "Uw regio";
    var kinds = (answers.onderwijssoort || []).map(function (c) { return label(soort, c).toLowerCase(); }).join(" en ");
    return name + (kinds ? " (" + kinds + ")" : "");
  }
  /* how alike in words: the mean distance per compared question against the bounds of
     macros.render.zelfscan.LIKENESS (page data `gelijkenis`); null when nothing was compared */
  function likeness(row) {
    if (!row.vergeleken) return null;
    var mean = row.afstand / row.vergeleken;
    var hit = config.gelijkenis.grenzen.filter(function (g) { return mean <= g[0]; })[0];
    return hit ? hit[1] : config.gelijkenis.rest;
  }
  function alikeText(row) {
    var word = likeness(row);
    return (word ? "lijkt " + word + " op uw regio" : "nog niet te vergelijken: geen vraag beantwoord die meetelt") +
      (row.groep ? "; andere onderwijssoort" : "") + ".";
  }
  /* the figures behind the words, in "Hoe berekenen we dit?" (templates/zelfscan.html) */
  function figures(rows) {
    var list = document.querySelector("[data-kb-regel-cijfers]");
    if (!list) return;
    list.textContent = "";
    rows.slice(0, config.meest).forEach(function (row) {
      var p = practices[row.id], n = row.vergeleken;
      list.appendChild(el("li", { "data-praktijk": p.id }, [p.titel + ": verschil " + decimal(row.afstand) + " op " + n + " vergeleken " +
        (n === 1 ? "vraag" : "vragen") + " (0 is overal gelijk, " + n + " overal anders)" +
        (n ? "; gemiddeld " + decimal(row.afstand / n) + " per vraag" : "") + "."]));
    });
    document.querySelector("[data-kb-regel-cijfers-kop]").hidden = !list.children.length;
  }
  function alikeList(answers, rows) {
    var top = rows.slice(0, config.meest);
    if (!top.length) return [el("p", {}, ["Er zijn nog geen praktijken om mee te vergelijken."])];
    var items = top.map(function (row) {
      var p = practices[row.id];
      return el("li", { "data-praktijk": p.id, "data-gelijkenis": likeness(row) || "" },
                [link(p.url, p.titel), fiction(p), " (" + p.regio + "): " + alikeText(row)]);
    });
    var answered = config.vragen.filter(function (q) { return q.soort !== "tekst" && known(answers[q.sleutel]); }).length;
    return [el("p", {}, [regionSummary(answers) + " lijkt het meest op:"]), el("ol", { "class": "kb-zelfscan-lijkt" }, items),
            answered ? null : el("p", { "class": "kb-leeg" }, ["U heeft nog geen vergelijkingsvraag beantwoord; de volgorde zegt dan nog niets."]),
            rule];
  }
  function sideBySide(answers, rows) {
    var top = rows.slice(0, config.meest).map(function (row) { return practices[row.id]; });
    return config.themas.map(function (theme) {
      var head = el("tr", {}, [el("th", { scope: "col" }, ["Vraag"]), el("th", { scope: "col" }, ["Uw regio"])].concat(top.map(function (p) {
        return el("th", { scope: "col" }, [link(p.url, p.titel), fiction(p), el("span", { "class": "kb-regio" }, [p.regio])]);
      })));
      var body = theme.vragen.map(function (key) {
        var q = byKey[key];
        return el("tr", {}, [el("th", { scope: "row" }, [q.titel]),
                             el("td", { "class": "kb-zelfscan-eigen", "data-label": "Uw regio" }, [shown(q, answers[key], true)])]
          .concat(top.map(function (p) { return el("td", { "data-label": cellLabel(p) }, [shown(q, p.waarden[key], false)]); })));
      });
      return el("div", { "class": "kb-tabel-wrap", role: "region", tabindex: "0", "aria-label": "Naast elkaar: " + theme.label }, [
        el("table", { "class": "kb-naast kb-zelfscan-naast", "data-thema": theme.code }, [
          el("caption", {}, [theme.label]), el("thead", {}, [head]), el("tbody", {}, body)])]);
    });
  }
  function gaps(answers, theme) {
    return theme.vragen.map(function (key) { return byKey[key]; }).filter(function (q) {
      return q.soort === "schaal" && answers[q.sleutel] !== q.schaal[q.schaal.length - 1];
    });
  }
  function examples(q, rows) {
    var best = q.schaal[q.schaal.length - 1];
    return rows.filter(function (row) { return practices[row.id].waarden[q.sleutel] === best; }).map(function (row) { return practices[row.id]; });
  }
  function takeaway(answers, theme, rows) {
    var items = gaps(answers, theme).map(function (q) {
      var yes = examples(q, rows), best = label(q, q.schaal[q.schaal.length - 1]);
      var said = known(answers[q.sleutel]) ? label(q, answers[q.sleutel]) : "weet ik niet";
      var parts = [el("strong", {}, [q.titel]), ": u antwoordde " + said.toLowerCase() + ". "];
      if (!yes.length) {
        parts.push("Nog geen praktijk in de kennisbank antwoordde hier " + best.toLowerCase() + ".");
      } else {
        parts.push((yes.length === 1 ? "Deze praktijk antwoordde hier " : "Deze praktijken antwoordden hier ") + best.toLowerCase() + ":");
        var named = yes.slice(0, config.voorbeelden).map(function (p) {
          return el("li", {}, [link(p.url, p.titel, { "data-praktijk": p.id }), fiction(p)]
            .concat(p.onderbouwing ? [el("span", { "class": "kb-zelfscan-onderbouwing", "data-onderbouwing": p.onderbouwing }, [" (onderbouwing: " + p.onderbouwing.toLowerCase() + ")"])] : []));
        });
        var more = yes.length - named.length;
        if (more > 0) {
          named.push(el("li", { "class": "kb-zelfscan-meer" }, ["en nog " + more + " andere: zie de ", link(theme.tabel, "vergelijkingstabel"), "."]));
        }
        parts.push(el("ul", {}, named));
      }
      return el("li", { "data-vraag": q.sleutel }, parts);
    });
    if (!items.length) return null;
    var templates = theme.sjablonen.map(function (s) { return link(s.url, s.titel, { "data-sjabloon": s.id }); });
    return el("section", { "class": "kb-zelfscan-neem", "data-thema": theme.code, "aria-labelledby": "kb-neem-" + theme.code }, [
      el("h4", { id: "kb-neem-" + theme.code }, [theme.label]),
      el("ul", {}, items),
      templates.length ? el("p", {}, [(templates.length === 1 ? "Sjabloon om mee te beginnen: " : "Sjablonen om mee te beginnen: ")]
        .concat(joined(templates, " en ")).concat(["."])) : null,
      el("p", {}, [link(theme.url, "Meer over " + theme.label.toLowerCase(), { "data-themapagina": theme.code }), " op de themapagina."])]);
  }
  function render(answers, moveFocus) {
    var rows = ranked(answers);
    var heading = el("h3", { tabindex: "-1" }, ["Uw regio naast de " + Math.min(config.meest, rows.length) + " praktijken die het meest op u lijken"]);
    var sections = config.themas.map(function (theme) { return takeaway(answers, theme, rows); }).filter(Boolean);
    var children = [heading].concat(alikeList(answers, rows)).concat(sideBySide(answers, rows)).concat([
      el("h3", {}, ["Wat u kunt overnemen"]),
      sections.length ?
        el("p", {}, ["Per thema waar u nee, deels of weet ik niet antwoordde: de praktijken die het wel geregeld hebben " +
                     "(die het meest op u lijken eerst), het sjabloon van het thema en de themapagina."]) :
        el("p", {}, ["U antwoordde overal ja. Dan kan uw regio een voorbeeld zijn voor andere regio's: ",
                     link(config.aanmelden, "meld uw afspraken aan als praktijk"), "."])
    ]).concat(sections);
    out.textContent = "";
    children.forEach(function (child) { if (child) out.appendChild(child); });
    figures(rows);
    /* a result table wider than its column scrolls in its own box, with a hint (kennisbank.js) */
    if (window.kennisbankTabellen) window.kennisbankTabellen(out);
    document.documentElement.classList.add("kb-zelfscan-heeft-uitkomst");
    if (moveFocus) { heading.focus(); }
  }
  function clearResult() {
    if (rule) out.parentNode.insertBefore(rule, out.nextSibling);
    figures([]);
    out.textContent = "";
    placeholder.forEach(function (n) { out.appendChild(n.cloneNode(true)); });
    document.documentElement.classList.remove("kb-zelfscan-heeft-uitkomst");
  }
  function say(text) {
    statusLine.textContent = "";
    window.setTimeout(function () { statusLine.textContent = text; }, 50);
  }

  /* ---- the file: YAML in the shape of a practice record ---- */
  function quote(text) {
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function yamlValue(value) {
    if (typeof value === "number") return String(value);
    if (Array.isArray(value)) return "[" + value.map(quote).join(", ") + "]";
    return quote(String(value));
  }
  function recordValue(q, answers) {
    var value = answers[q.sleutel];
    if (known(value)) return value;
    return q.onbekend_code ? config.onbekend : undefined;   /* "weet ik niet" is the code onbekend where the list has it */
  }
  function missing(record) {
    return config.verplicht.filter(function (path) {
      var parts = path.split(".");
      if (parts.length === 1) return !(parts[0] in record);
      return parts[0] in record && !(parts[1] in record[parts[0]]);
    });
  }
  function wrapped(words, width) {
    var lines = [], line = "";
    words.forEach(function (word, i) {
      var piece = word + (i < words.length - 1 ? "," : "");
      if (line && (line + " " + piece).length > width) { lines.push(line); line = piece; } else line = line ? line + " " + piece : piece;
    });
    if (line) lines.push(line);
    return lines;
  }
  function toYaml(answers) {
    var record = {}, body = [], open = [];
    config.volgorde.forEach(function (key) {
      var q = byKey[key], value = recordValue(q, answers);
      if (value === undefined) return;
      var parents = q.pad.slice(0, -1), same = 0, node = record;
      while (same < open.length && same < parents.length && open[same] === parents[same]) same++;
      open = open.slice(0, same);
      parents.forEach(function (part, depth) {
        node = node[part] = node[part] || {};
        if (depth >= same) { body.push(new Array(depth + 1).join("  ") + part + ":"); open.push(part); }
      });
      node[q.pad[q.pad.length - 1]] = value;
      body.push(new Array(parents.length + 1).join("  ") + q.pad[q.pad.length - 1] + ": " + yamlValue(value));
    });
    var today = new Date(), iso = today.getFullYear() + "-" + ("0" + (today.getMonth() + 1)).slice(-2) + "-" + ("0" + today.getDate()).slice(-2);
    var head = [config.kenmerk,
      "# Antwoorden uit de zelfscan van de Kennisbank Doorbraakaanpak, opgeslagen op " + iso + ".",
      "# Dit bestand heeft de vorm van een praktijk, maar is nog geen volledige praktijk.",
      "# Wordt het een praktijk, dan vult een redacteur nog deze verplichte velden aan:"]
      .concat(wrapped(missing(record), 86).map(function (line) { return "#   " + line; }))
      .concat(["# en controleert het bestand daarna met: kennisbank validate",
               "# Verder invullen: open de pagina Zelfscan en kies \"Ga verder met een bestand\"."]);
    return head.concat(body).join("\n") + "\n";
  }
  function slug(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  }
  function download() {
    var answers = readForm().answers;
    var name = "zelfscan" + (slug(answers.regio) ? "-" + slug(answers.regio) : "") + ".yaml";
    var url = URL.createObjectURL(new Blob([toYaml(answers)], { type: "application/yaml" }));
    var a = el("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say("Uw antwoorden staan in het bestand " + name + ". Bewaar het goed: daarmee kunt u later verder gaan.");
  }

  /* the file is read by kennisbankZelfscanLezer (below this page script) */
  var reader = kennisbankZelfscanLezer();
  function dig(data, path) {
    return path.reduce(function (node, part) { return node && typeof node === "object" && !Array.isArray(node) ? node[part] : undefined; }, data);
  }
  function codes(q) { return q.keuzes.map(function (k) { return k[0]; }); }
  function acceptOne(q, raw) {
    if (raw === undefined || raw === null || raw === "" || raw === config.onbekend) return {};
    if (q.soort === "schaal" || q.soort === "code") {
      return codes(q).indexOf(raw) !== -1 ? { value: raw } : { skip: "\"" + raw + "\" is geen keuze bij deze vraag" };
    }
    if (q.soort === "codes") {
      var list = Array.isArray(raw) ? raw : [raw];
      var bad = list.filter(function (c) { return codes(q).indexOf(c) === -1; });
      var good = unique(list.filter(function (c) { return codes(q).indexOf(c) !== -1; }));
      return bad.length ? { value: good.length ? good : undefined, skip: bad.map(function (c) { return "\"" + c + "\""; }).join(", ") + " " +
                            (bad.length === 1 ? "is geen keuze" : "zijn geen keuzes") + " bij deze vraag" } : { value: good };
    }
    if (q.soort === "getal") return numberOk(q, raw) ? { value: raw } : { skip: "\"" + raw + "\" is niet " + rangeText(q) };
    var text = String(raw).trim();
    return q.lengte && text.length > q.lengte ? { skip: "de tekst is langer dan " + q.lengte + " tekens" } : { value: text || undefined };
  }
  function accept(data, byPath) {
    var answers = {}, skipped = [];
    questions.forEach(function (q) {
      var found = acceptOne(q, byPath ? dig(data, q.pad) : data[q.sleutel]);
      if (found.value !== undefined) answers[q.sleutel] = found.value;
      if (found.skip) skipped.push(q.titel + ": " + found.skip);
    });
    return { answers: answers, skipped: skipped };
  }
  function isZelfscan(text) {
    var first = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/).filter(function (l) { return l.trim(); })[0] || "";
    return first.trim() === config.kenmerk || first.indexOf(config.kenmerk + " ") === 0;
  }
  function showFileError(text) {
    fileError.hidden = !text;
    fileError.textContent = text || "";
  }
  function upload(file) {
    showFileError("");
    if (file.size > reader.MAX_BYTES) {
      showFileError("Het bestand " + file.name + " is te groot voor een zelfscan (meer dan " + reader.MAX_BYTES / 1024 +
                    " kB). Kies het bestand dat u op deze pagina downloadde.");
      return;
    }
    file.text().then(function (text) { uploaded(file.name, text); }, function () {
      showFileError("Het bestand " + file.name + " kan niet worden geopend. Kies het opnieuw, of download uw antwoorden opnieuw.");
    });
  }
  function uploaded(name, text) {
    if (!isZelfscan(text)) {
      showFileError("Het bestand " + name + " is geen zelfscan van deze kennisbank. Kies een bestand dat u hier met " +
                    "\"Download mijn antwoorden\" heeft gemaakt; zo'n bestand begint met de regel \"" + config.kenmerk + "\".");
      return;
    }
    var data;
    try { data = reader.parse(text); } catch (err) {
      var readable = err instanceof reader.Unreadable, where = readable && err.line ? "regel " + err.line + ": " : "";
      showFileError("Het bestand " + name + " kan niet gelezen worden: " + where +
                    (readable ? err.why : "de inhoud heeft niet de vorm van een zelfscan") + ". Herstel " +
                    (where ? "die regel" : "het bestand") + ", of download uw antwoorden opnieuw.");
      return;
    }
    var result = accept(data, true);
    fillForm(result.answers);
    showProblems([]);
    save(result.answers);
    render(result.answers, false);
    say("Uw antwoorden uit " + name + " zijn teruggezet. U kunt verder gaan waar u was." +
        (result.skipped.length ? " Niet overgenomen: " + result.skipped.join("; ") + "." : ""));
  }

  /* the long lists of "Kies uw samenwerkingsverband" (every SWV, every gemeente) are made here from the
     page's data (macros.render.zelfscan.swv_questions) instead of being sent as HTML as well */
  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-opties]"), function (list) {
    var q = byKey[list.getAttribute("data-kb-opties")];
    (q ? q.keuzes : []).forEach(function (k) {
      var id = q.html_id + "-" + k[0].replace(/ /g, "-");
      list.appendChild(el("li", { "class": "kb-optie" }, [
        el("input", { type: "checkbox", form: config.formulier, name: q.sleutel, id: id, value: k[0] }),
        el("label", { "for": id }, [k[1]])]));
    });
  });

  /* ---- wiring ---- */
  /* every keystroke is kept; the result (if shown) follows each finished change */
  function changed(event) {
    if (!event.target || event.target.form !== form) return;
    var read = readForm();
    save(read.answers);
    if (event.type === "change" && document.documentElement.classList.contains("kb-zelfscan-heeft-uitkomst")) {
      render(read.answers, false);
    }
  }
  document.addEventListener("change", changed);
  document.addEventListener("input", changed);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var read = readForm();
    showProblems(read.problems);
    if (read.problems.length) {
      controls(read.problems[0].sleutel)[0].focus();
      return;
    }
    save(read.answers);
    render(read.answers, true);
  });
  document.querySelector("[data-kb-download]").addEventListener("click", download);
  document.querySelector("[data-kb-wis]").addEventListener("click", function () {
    forget();
    form.reset();
    showProblems([]);
    showFileError("");
    clearResult();
    say("Uw antwoorden zijn gewist. Er staat niets meer van deze zelfscan in deze browser.");
  });
  var picker = document.querySelector("[data-kb-upload]");
  picker.addEventListener("change", function () {
    if (picker.files && picker.files[0]) upload(picker.files[0]);
    picker.value = "";
  });

  var earlier = stored();
  if (earlier && Object.keys(earlier).length) {
    fillForm(earlier);
    render(earlier, false);
    say("Uw eerdere antwoorden uit deze browser zijn teruggezet.");
  }
  /* "Kies uw samenwerkingsverband" (macros.render.zelfscan.swv_chooser): ticks the SWV, its gemeenten and
     its onderwijssoort; the answers stay editable in the lists below it */
  var swvChooser = document.querySelector("[data-kb-swvkeuze]");
  if (swvChooser && config.swv_gemeenten) {
    swvChooser.addEventListener("change", function () {
      var code = swvChooser.value, status = document.querySelector("[data-kb-swvkeuze-status]");
      if (!config.swv_gemeenten[code]) return;
      var answers = readForm().answers, gemeenten = config.swv_gemeenten[code], kind = code.slice(0, 2).toLowerCase();
      answers.swv = unique((answers.swv || []).concat([code]));
      answers.gemeenten = unique((answers.gemeenten || []).concat(gemeenten));
      answers.onderwijssoort = unique((answers.onderwijssoort || []).concat([kind]));
      fillForm(answers);
      save(answers);
      status.textContent = code + " is aangevinkt, met " + gemeenten.length + (gemeenten.length === 1 ? " gemeente" : " gemeenten") +
        " en " + label(byKey.onderwijssoort, kind).toLowerCase() + ". U ziet en verandert ze onder \"Samenwerkingsverbanden en gemeenten van uw regio\".";
    });
  }

  /* for the tests: the same rule as macros.render.zelfscan.most_alike, on any answers */
  window.kennisbankZelfscan = { mostAlike: mostAlike, ranked: ranked };
})();

/* The reader of an uploaded zelfscan file: the YAML the page writes, and what an editor is likely
   to change in it: blocks by indentation, "key: value", lists as [a, b] or as "- a" lines, quoted
   or plain text, and > or | for text over several lines. Anything else, a file larger than
   MAX_BYTES and nesting deeper than MAX_DEPTH give an Unreadable with a Dutch reason. Every step
   looks at each character a bounded number of times, so the time grows with the size of the file
   and nothing can hang the page. A function declaration (hoisted), so the page script above can
   use it; under node (tests/test_zelfscan_reader.py) it is the module's export. */
function kennisbankZelfscanLezer() {
  "use strict";
  var MAX_BYTES = 512 * 1024, MAX_DEPTH = 8;
  function Unreadable(line, why) { this.line = line; this.why = why; }
  function isBlank(line) { return /^\s*(#[^]*)?$/.test(line); }
  function indentOf(line) { return line.match(/^ */)[0].length; }
  function stripComment(text) {
    var hash = /(^|\s)#/.exec(text);
    return (hash ? text.slice(0, hash.index) : text).trim();
  }
  function afterQuote(t, line) {   /* 'text' with '' for a quote, then only a comment */
    var out = "", i = 1;
    while (i < t.length) {
      if (t.charAt(i) === "'" && t.charAt(i + 1) === "'") { out += "'"; i += 2; } else if (t.charAt(i) === "'") break;
      else { out += t.charAt(i); i++; }
    }
    if (i >= t.length || stripComment(t.slice(i + 1)) !== "") throw new Unreadable(line, "de aanhalingstekens of haakjes kloppen niet");
    return out;
  }
  function flowDepth(t) {   /* how deep [ and { nest, outside quoted text */
    var depth = 0, deepest = 0, quote = "", i;
    for (i = 0; i < t.length; i++) {
      var c = t.charAt(i);
      if (quote) {
        if (c === "\\" && quote === "\"") i++;
        else if (c === quote) quote = "";
      } else if (c === "\"" || c === "'") quote = c;
      else if (c === "[" || c === "{") { depth++; deepest = Math.max(deepest, depth); }
      else if (c === "]" || c === "}") depth--;
    }
    return deepest;
  }
  function scalar(text, line) {
    var t = text.trim();
    if (flowDepth(t) > 1) throw new Unreadable(line, "hier staan lijsten in lijsten; een zelfscan heeft alleen gewone lijsten");
    if (t.charAt(0) === "\"" || t.charAt(0) === "[") {
      try { return JSON.parse(t); } catch (e) { /* maybe a comment follows */ }
      try { return JSON.parse(stripComment(t)); } catch (e) { /* plain flow list, below */ }
    }
    if (t.charAt(0) === "'") return afterQuote(t, line);
    t = stripComment(t);
    if (t.charAt(0) === "[" && t.charAt(t.length - 1) === "]") {
      var inner = t.slice(1, -1).trim();
      return inner ? inner.split(",").map(function (part) { return scalar(part, line); }) : [];
    }
    if (/^["'[{]/.test(t)) throw new Unreadable(line, "de aanhalingstekens of haakjes kloppen niet");
    if (t === "" || t === "~" || t === "null") return null;
    if (t === "true" || t === "false") return t === "true";
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return t;
  }
  function blockText(lines, start, indent, style) {
    var taken = [], i = start, cut = Infinity;
    while (i < lines.length && (/^\s*$/.test(lines[i]) || indentOf(lines[i]) > indent)) { taken.push(lines[i]); i++; }
    while (taken.length && /^\s*$/.test(taken[taken.length - 1])) taken.pop();
    taken.forEach(function (l) { if (l.trim()) cut = Math.min(cut, indentOf(l)); });
    var parts = taken.map(function (l) { return l.slice(cut === Infinity ? 0 : cut); });
    var text = style.charAt(0) === "|" ? parts.join("\n") :
      parts.join("\n").replace(/([^\n])\n(?=[^\n])/g, "$1 ").replace(/\n\n/g, "\n");
    return { text: text, next: i };
  }
  function nextContent(lines, i) {   /* the next line that is not blank or a comment */
    while (i < lines.length && isBlank(lines[i])) i++;
    return i < lines.length ? lines[i] : "";
  }
  function parse(text) {
    if (text.length > MAX_BYTES) throw new Unreadable(0, "het bestand is groter dan " + MAX_BYTES / 1024 + " kB");
    var lines = text.split(/\r\n|\r|\n/), root = {}, stack = [{ indent: -1, node: root }];
    var i = 0;
    while (i < lines.length) {
      var line = lines[i], number = i + 1;
      i++;
      if (isBlank(line)) continue;
      if (/^\s*\t/.test(line)) throw new Unreadable(number, "spring in met spaties, niet met tabs");
      var indent = indentOf(line), body = line.slice(indent);
      var item = /^-(?:\s([^]*))?$/.exec(body);
      while (stack.length > 1 && (indent < stack[stack.length - 1].indent ||
             (indent === stack[stack.length - 1].indent && !(item && Array.isArray(stack[stack.length - 1].node))))) stack.pop();
      var top = stack[stack.length - 1];
      if (item) {
        if (!Array.isArray(top.node)) throw new Unreadable(number, "een lijstregel (- ...) staat hier niet onder een veld");
        top.node.push(scalar(item[1] || "", number));
        continue;
      }
      var pair = /^([A-Za-z0-9_-]+):(?:\s([^]*))?$/.exec(body);
      if (!pair || Array.isArray(top.node) || indent <= top.indent) throw new Unreadable(number, "deze regel is geen \"veld: waarde\"");
      var rest = pair[2] === undefined ? "" : pair[2].replace(/^\s+/, "");
      if (/^[|>][-+]?\s*(#[^]*)?$/.test(rest)) {
        var block = blockText(lines, i, indent, rest.trim());
        top.node[pair[1]] = block.text;
        i = block.next;
      } else if (stripComment(rest) === "") {
        if (stack.length > MAX_DEPTH) throw new Unreadable(number, "hier staan meer dan " + MAX_DEPTH + " blokken in elkaar");
        var child = /^\s*-(\s|$)/.test(nextContent(lines, i)) ? [] : {};
        top.node[pair[1]] = child;
        stack.push({ indent: indent, node: child });
      } else {
        top.node[pair[1]] = scalar(rest, number);
      }
    }
    return root;
  }
  return { parse: parse, Unreadable: Unreadable, MAX_BYTES: MAX_BYTES, MAX_DEPTH: MAX_DEPTH };
}
if (typeof module === "object" && module.exports) module.exports = kennisbankZelfscanLezer();
