/* Kennisbank Doorbraakaanpak: fill in an agreement template on its page (/sjablonen/<id>/).
   Everything this script needs is in the page (#kb-sjabloon-gegevens and the form, made by
   macros/render/template_pages.py) and in the site's own blank .docx/.odt: nothing is sent.
   The values stay in this browser (localStorage) until the reader clicks "Wis ingevulde waarden".
   A download fills the blank document inside its ZIP (fflate, served from the site): the marked
   placeholders, variants and repeated blocks are changed exactly as macros/publish/fill.py
   does on the command line; tests/test_fillin.py checks that both give the same text. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;   /* under node: only kennisbankInvulwaarde, below */
  var source = document.getElementById("kb-sjabloon-gegevens");
  var form = document.querySelector("form[data-kb-invullen]");
  var text = document.querySelector("[data-kb-sjabloontekst]");
  if (!source || !form || !text) return;
  var config = JSON.parse(source.textContent);
  var statusLine = form.querySelector("[data-kb-status]");
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  var XML_NS = "http://www.w3.org/XML/1998/namespace";
  var HINT = "Toelichting", MARK = "Invulveld";
  var fieldInfo = {};
  config.velden.forEach(function (f) { fieldInfo[f.naam] = f; });

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function clean(value) { return kennisbankInvulwaarde(value); }
  function say(message) { if (statusLine) statusLine.textContent = message; }

  /* ---- the values: {velden, keuzes, herhalingen}, like macros.load.template_parts.Values ---- */
  function defaults() {
    var state = { velden: {}, keuzes: {}, herhalingen: {} };
    /* A suggestion (standaard) is the input's placeholder, not a value: typing replaces it. */
    Object.keys(config.herhalingen).forEach(function (r) { state.herhalingen[r] = [itemDefaults(r)]; });
    return state;
  }
  function itemDefaults() { return {}; }
  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(config.bewaarsleutel) || "null");
      if (stored && typeof stored === "object") {
        var state = defaults();
        Object.keys(stored.velden || {}).forEach(function (n) {
          if (fieldInfo[n] && !fieldInfo[n].herhaling) state.velden[n] = String(stored.velden[n]);
        });
        Object.keys(stored.keuzes || {}).forEach(function (k) {
          if ((config.keuzes[k] || []).indexOf(stored.keuzes[k]) >= 0) state.keuzes[k] = stored.keuzes[k];
        });
        Object.keys(config.herhalingen).forEach(function (r) {
          var items = (stored.herhalingen || {})[r];
          if (Array.isArray(items) && items.length) {
            state.herhalingen[r] = items.map(function (item) {
              var out = {};
              config.herhalingen[r].forEach(function (n) { if (item && item[n] != null) out[n] = String(item[n]); });
              return out;
            });
          }
        });
        return state;
      }
    } catch (e) { /* storage off or damaged: start afresh */ }
    return defaults();
  }
  function save(state) {
    try { window.localStorage.setItem(config.bewaarsleutel, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  /* ---- the form ---- */
  var groups = {};
  each(form.querySelectorAll(".kb-herhaalgroep[data-herhaling]"), function (group) {
    var first = group.querySelector("[data-kb-item]");
    groups[group.getAttribute("data-herhaling")] = { box: group.querySelector("[data-kb-items]"), pattern: first.cloneNode(true) };
  });

  function renumber(item, n) {
    each(item.querySelectorAll("[id], [for], [aria-describedby]"), function (el) {
      ["id", "for", "aria-describedby"].forEach(function (a) {
        if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replace(/-\d+$/, "-" + n));
      });
    });
    item.querySelector("[data-kb-nummer]").textContent = String(n);
  }
  function showItems(repeat, items) {
    var group = groups[repeat];
    group.box.textContent = "";
    items.forEach(function (values, i) {
      var item = group.pattern.cloneNode(true);
      renumber(item, i + 1);
      each(item.querySelectorAll("input[data-veld]"), function (input) {
        input.value = values[input.getAttribute("data-veld")] || "";
      });
      item.querySelector("[data-kb-verwijderen]").hidden = items.length < 2;
      group.box.appendChild(item);
    });
  }
  function showForm(state) {
    each(form.querySelectorAll("input[data-veld]:not([data-herhaling])"), function (input) {
      input.value = state.velden[input.getAttribute("data-veld")] || "";
    });
    each(form.querySelectorAll("input[type=radio][data-keuze]"), function (radio) {
      radio.checked = (state.keuzes[radio.getAttribute("data-keuze")] || "") === radio.value;
    });
    Object.keys(groups).forEach(function (r) { showItems(r, state.herhalingen[r]); });
  }
  function readForm() {
    var state = { velden: {}, keuzes: {}, herhalingen: {} };
    each(form.querySelectorAll("input[data-veld]:not([data-herhaling])"), function (input) {
      state.velden[input.getAttribute("data-veld")] = input.value;
    });
    each(form.querySelectorAll("input[type=radio][data-keuze]:checked"), function (radio) {
      if (radio.value) state.keuzes[radio.getAttribute("data-keuze")] = radio.value;
    });
    Object.keys(groups).forEach(function (r) {
      state.herhalingen[r] = Array.prototype.map.call(groups[r].box.querySelectorAll("[data-kb-item]"), function (item) {
        var values = {};
        each(item.querySelectorAll("input[data-veld]"), function (input) { values[input.getAttribute("data-veld")] = input.value; });
        return values;
      });
    });
    return state;
  }

  /* ---- the text on the page ---- */
  var patterns = [];
  each(text.querySelectorAll(".kb-herhaling[data-herhaling]"), function (block) {
    var item = block.querySelector("[data-kb-item]");
    patterns.push({ block: block, repeat: block.getAttribute("data-herhaling"), pattern: item.cloneNode(true) });
  });
  function lookup(state, item) {
    return function (name) {
      var info = fieldInfo[name];
      if (info && info.herhaling) return clean((item || {})[name]);
      return clean(state.velden[name]);
    };
  }
  function fillSpan(span, value) {
    if (!span.hasAttribute("data-label")) span.setAttribute("data-label", span.textContent);
    var filled = value(span.getAttribute("data-veld"));
    span.textContent = filled || span.getAttribute("data-label");
    span.classList.toggle("is-ingevuld", filled !== "");
  }
  function fillSpans(root, value) {
    each(root.querySelectorAll(".kb-invulveld[data-veld]"), function (span) { fillSpan(span, value); });
  }
  function visible(only, state) {  /* "keuze=variant keuze=variant": shown unless each is ruled out */
    return only.split(" ").some(function (pair) {
      var parts = pair.split("="), chosen = state.keuzes[parts[0]];
      return !chosen || chosen === parts[1];
    });
  }
  function showText(state) {
    each(text.querySelectorAll(".kb-variant[data-keuze]"), function (block) {
      var chosen = state.keuzes[block.getAttribute("data-keuze")];
      block.hidden = Boolean(chosen) && chosen !== block.getAttribute("data-variant");
      block.classList.toggle("is-gekozen", chosen === block.getAttribute("data-variant"));
    });
    patterns.forEach(function (p) {
      each(p.block.querySelectorAll("[data-kb-item]"), function (old) { old.parentNode.removeChild(old); });
      var after = p.block.lastElementChild;
      state.herhalingen[p.repeat].forEach(function (values) {
        var item = p.pattern.cloneNode(true);
        fillSpans(item, lookup(state, values));
        p.block.insertBefore(item, after);
      });
      p.block.classList.add("is-ingevuld");
    });
    var outside = lookup(state);
    each(text.querySelectorAll(".kb-invulveld[data-veld]"), function (span) {
      if (!span.closest("[data-kb-item]")) fillSpan(span, outside);
    });
    each(form.querySelectorAll(".kb-veld[data-alleen]"), function (row) {
      row.hidden = !visible(row.getAttribute("data-alleen"), state);
    });
  }

  /* ---- filling the documents (the same steps as macros/publish/fill.py) ---- */
  function marker(name) { var parts = (name || "").split("__"); return parts.length > 1 ? parts : [""]; }
  function elements(node) { return Array.prototype.filter.call(node.childNodes, function (n) { return n.nodeType === 1; }); }
  function remove(node) { if (node.parentNode) node.parentNode.removeChild(node); }

  function docxIsHint(block) {
    if (block.localName !== "p") return false;
    var style = block.getElementsByTagNameNS(W, "pStyle")[0];
    return Boolean(style) && style.parentNode.parentNode === block && style.getAttributeNS(W, "val") === HINT;
  }
  function docxFields(root, value) {
    each(Array.prototype.slice.call(root.getElementsByTagNameNS(W, "bookmarkStart")), function (start) {
      var names = marker(start.getAttributeNS(W, "name"));
      var filled = names[0] === "kbf" ? value(names[1]) : "";
      if (!filled) return;
      var runs = [], ident = start.getAttributeNS(W, "id");
      for (var n = start.nextElementSibling; n; n = n.nextElementSibling) {
        if (n.localName === "bookmarkEnd" && n.getAttributeNS(W, "id") === ident) break;
        if (n.localName === "r" && n.namespaceURI === W) runs.push(n);
      }
      if (!runs.length) return;
      var first = runs[0];
      elements(first).forEach(function (child) {
        if (child.localName !== "rPr") { remove(child); return; }
        elements(child).forEach(function (p) {
          if (p.localName === "rStyle" && p.getAttributeNS(W, "val") === MARK) remove(p);
        });
      });
      var t = first.ownerDocument.createElementNS(W, "w:t");
      t.setAttributeNS(XML_NS, "xml:space", "preserve");
      t.textContent = filled;  /* the XML serialiser escapes it */
      first.appendChild(t);
      runs.slice(1).forEach(remove);
    });
  }
  function docxStrip(root, onlyMarkers) {
    var starts = {}, ends = {};
    each(root.getElementsByTagNameNS(W, "bookmarkStart"), function (b) { starts[b.getAttributeNS(W, "id")] = b; });
    each(root.getElementsByTagNameNS(W, "bookmarkEnd"), function (b) { ends[b.getAttributeNS(W, "id")] = b; });
    Object.keys(starts).forEach(function (id) {
      var name = starts[id].getAttributeNS(W, "name") || "";
      if (!onlyMarkers || name.indexOf("kb") === 0 || !ends[id]) {
        remove(starts[id]);
        if (ends[id]) { remove(ends[id]); delete ends[id]; }
      }
    });
    Object.keys(ends).forEach(function (id) { if (!starts[id]) remove(ends[id]); });
  }
  function docxSections(body, prefix) {
    return elements(body).filter(function (el) {
      return el.localName === "bookmarkStart" && (el.getAttributeNS(W, "name") || "").indexOf(prefix) === 0;
    }).map(function (start) {
      var blocks = [], ident = start.getAttributeNS(W, "id"), end = null;
      for (var n = start.nextElementSibling; n; n = n.nextElementSibling) {
        if (n.localName === "bookmarkEnd" && n.getAttributeNS(W, "id") === ident) { end = n; break; }
        blocks.push(n);
      }
      return { start: start, end: end, blocks: blocks };
    });
  }
  function fillDocx(doc, state) {
    var body = doc.getElementsByTagNameNS(W, "body")[0];
    docxSections(body, "kbm__").forEach(function (s) {  /* the model notice: not in the agreement one signs */
      s.blocks.forEach(remove); remove(s.end); remove(s.start);
    });
    docxSections(body, "kbk__").forEach(function (s) {
      var names = marker(s.start.getAttributeNS(W, "name")), chosen = state.keuzes[names[1]];
      if (!chosen) return;
      s.blocks.forEach(function (b) { if (chosen !== names[2] || docxIsHint(b)) remove(b); });
      remove(s.end); remove(s.start);
    });
    docxSections(body, "kbh__").forEach(function (s) {
      var repeat = marker(s.start.getAttributeNS(W, "name"))[1];
      state.herhalingen[repeat].forEach(function (item) {
        s.blocks.forEach(function (b) {
          if (docxIsHint(b)) return;
          var clone = b.cloneNode(true);
          docxFields(clone, lookup(state, item));
          docxStrip(clone, false);
          body.insertBefore(clone, s.end);
        });
      });
      s.blocks.forEach(remove); remove(s.end); remove(s.start);
    });
    docxFields(doc.documentElement, lookup(state));
    docxStrip(doc.documentElement, true);
  }

  function odtIsHint(el) { return el.localName === "p" && el.getAttributeNS(T, "style-name") === HINT; }
  function odtFields(root, value) {
    each(Array.prototype.slice.call(root.getElementsByTagNameNS(T, "bookmark-start")), function (start) {
      var names = marker(start.getAttributeNS(T, "name"));
      var filled = names[0] === "kbf" ? value(names[1]) : "";
      var span = start.nextElementSibling;
      if (!filled || !span || span.localName !== "span" || span.namespaceURI !== T) return;
      span.removeAttributeNS(T, "style-name");
      span.textContent = filled;
    });
  }
  function odtStrip(root, onlyMarkers) {
    var marks = [];
    ["bookmark-start", "bookmark-end", "bookmark"].forEach(function (tag) {
      each(root.getElementsByTagNameNS(T, tag), function (b) { marks.push(b); });
    });
    var count = {};
    marks.forEach(function (b) { var n = b.getAttributeNS(T, "name"); count[n] = (count[n] || 0) + 1; });
    marks.forEach(function (b) {
      var name = b.getAttributeNS(T, "name") || "";
      var paired = b.localName === "bookmark" || count[name] === 2;
      if (!onlyMarkers || name.indexOf("kb") === 0 || !paired) remove(b);
    });
  }
  function odtSections(root, prefix) {
    return Array.prototype.filter.call(root.getElementsByTagNameNS(T, "section"), function (s) {
      return (s.getAttributeNS(T, "name") || "").indexOf(prefix) === 0;
    });
  }
  function unwrap(section, keep) {
    elements(section).forEach(function (child) { if (keep(child)) section.parentNode.insertBefore(child, section); });
    remove(section);
  }
  function fillOdt(doc, state) {
    var root = doc.documentElement;
    odtSections(root, "kbm__").forEach(remove);  /* the model notice */
    odtSections(root, "kbk__").forEach(function (section) {
      var names = marker(section.getAttributeNS(T, "name")), chosen = state.keuzes[names[1]];
      if (chosen) unwrap(section, function (child) { return chosen === names[2] && !odtIsHint(child); });
    });
    odtSections(root, "kbh__").forEach(function (section) {
      var repeat = marker(section.getAttributeNS(T, "name"))[1];
      var blocks = elements(section).filter(function (child) { return !odtIsHint(child); });
      state.herhalingen[repeat].forEach(function (item) {
        blocks.forEach(function (b) {
          var clone = b.cloneNode(true);
          odtFields(clone, lookup(state, item));
          odtStrip(clone, false);
          section.parentNode.insertBefore(clone, section);
        });
      });
      remove(section);
    });
    odtSections(root, "kbo__").forEach(function (section) { unwrap(section, function () { return true; }); });
    odtFields(root, lookup(state));
    odtStrip(root, true);
  }

  var MAIN = { docx: "word/document.xml", odt: "content.xml" };
  function filledPackage(bytes, fmt, state) {
    var zip = window.fflate;
    var files = zip.unzipSync(new Uint8Array(bytes));
    var doc = new DOMParser().parseFromString(zip.strFromU8(files[MAIN[fmt]]), "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("onleesbaar document");
    (fmt === "docx" ? fillDocx : fillOdt)(doc, state);
    var xml = new XMLSerializer().serializeToString(doc);
    if (xml.indexOf("<?xml") !== 0) xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml;
    var out = {};
    if (files.mimetype) out.mimetype = [files.mimetype, { level: 0 }];  /* ODF: first and not compressed */
    Object.keys(files).forEach(function (name) {
      if (name !== "mimetype") out[name] = name === MAIN[fmt] ? zip.strToU8(xml) : files[name];
    });
    return zip.zipSync(out, { level: 6 });
  }
  function download(fmt) {
    if (!window.fflate) { say("Het document kan nog niet worden gemaakt: de pagina is nog niet helemaal geladen. Probeer het zo opnieuw."); return; }
    var state = readForm();
    say("Het document wordt gemaakt…");
    fetch(config.documenten[fmt]).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      var data = filledPackage(bytes, fmt, state);
      var type = fmt === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                : "application/vnd.oasis.opendocument.text";
      var url = URL.createObjectURL(new Blob([data], { type: type }));
      var link = document.createElement("a");
      link.href = url;
      link.download = config.bestandsnamen[fmt];
      document.body.appendChild(link);
      link.click();
      remove(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      say("Het ingevulde document " + config.bestandsnamen[fmt] + " is gemaakt.");
    }).catch(function () {
      say("Het ingevulde document kon niet worden gemaakt. Download het lege sjabloon hierboven en vul het zelf in.");
    });
  }

  /* ---- wiring ---- */
  function update() {
    var state = readForm();
    save(state);
    showText(state);
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var group = button.closest(".kb-herhaalgroep");
    var state = readForm();
    if (button.hasAttribute("data-kb-toevoegen")) {
      var repeat = group.getAttribute("data-herhaling");
      state.herhalingen[repeat].push(itemDefaults(repeat));
      showItems(repeat, state.herhalingen[repeat]);
      var items = groups[repeat].box.querySelectorAll("[data-kb-item]");
      items[items.length - 1].querySelector("input").focus();
    } else if (button.hasAttribute("data-kb-verwijderen")) {
      var r = group.getAttribute("data-herhaling");
      var index = Array.prototype.indexOf.call(groups[r].box.querySelectorAll("[data-kb-item]"), button.closest("[data-kb-item]"));
      state.herhalingen[r].splice(index, 1);
      showItems(r, state.herhalingen[r]);
      group.querySelector("[data-kb-toevoegen]").focus();
    } else if (button.hasAttribute("data-kb-document")) {
      download(button.getAttribute("data-kb-document"));
      return;
    } else if (button.hasAttribute("data-kb-afdrukken")) {
      window.print();
      return;
    } else if (button.hasAttribute("data-kb-wissen")) {
      try { window.localStorage.removeItem(config.bewaarsleutel); } catch (e) { /* nothing kept */ }
      state = defaults();
      showForm(state);
      showText(state);
      say("De ingevulde waarden zijn gewist.");
      return;
    } else {
      return;
    }
    save(state);
    showText(state);
  });

  var initial = load();
  showForm(initial);
  showText(initial);
  form.hidden = false;
})();

/* A filled-in value as it goes into a document: the rule of macros.load.template_parts.clean_value,
   written with the same characters (tests/test_fill_parity.py proves the two equal for every code
   point). Removed: C0 controls but tab, LF and CR; DEL and the C1 controls but NEL (U+0085); lone
   surrogates; the noncharacters; the byte-order mark U+FEFF. Whitespace (tab, LF, CR, space, NEL,
   the no-break spaces and the Unicode spaces and separators): a run becomes one space, none at
   either end. Not JavaScript's \s, which differs from Python's str.split. A function declaration
   (hoisted), so the page script above can use it; under node it is the module's export. */
function kennisbankInvulwaarde(value) {
  "use strict";
  return String(value == null ? "" : value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu, "")
    .replace(/[\t\n\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ")
    .replace(/^ | $/g, "");
}
if (typeof module === "object" && module.exports) module.exports = kennisbankInvulwaarde;
