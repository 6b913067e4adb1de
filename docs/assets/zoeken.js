/* Kennisbank Doorbraakaanpak: the site search. Pagefind (index in pagefind/, written after every
   build by macros/publish/search_index.py) through its Modular UI, shown in Material's search box
   and result panel. Pagefind's code and index are fetched from this site on first use only.
   Keys: "/" or "s" opens the search, arrow keys move through the results, Enter opens the first,
   Escape closes.
   A query that names a gemeente, an RMC region or a samenwerkingsverband is answered as a place
   (pagefind/kennisbank-plaatsen.json, written by macros/publish/place_index.py): the practices that
   cover it first, then the pages with the name as typed; never Pagefind's prefix or near matches
   (Middelburg is no "middel"). When no practice covers it, the answer says so and offers the
   practices nearest to it and the map. */
(function () {
  "use strict";

  /* Pagefind UI's string names, in Dutch. */
  var TEKST = {
    input_hint: "Typ om te zoeken. Sneltoets: / of s.",
    searching: "Zoeken naar [SEARCH_TERM]…",
    zero_results: "Geen resultaten voor [SEARCH_TERM].",
    one_result: "[COUNT] resultaat voor [SEARCH_TERM].",
    many_results: "[COUNT] resultaten voor [SEARCH_TERM].",
    error_search: "Zoeken is mislukt: de zoekindex kon niet worden geladen.",
    load_more: "Meer resultaten"
  };
  var PER_BATCH = 10;
  /* Terms the index adds after a word (macros/render/search_terms.py: MARK_OPEN, MARK_CLOSE). */
  var ADDED = "\u27e6[^\u27e7\\s<]*\u27e7";
  var ADDED_ALONE = new RegExp("(^|\\s)" + ADDED + "(?=\\s|$)", "g");
  var ADDED_FOUND = new RegExp("(\\S+)((?:\\s+<mark>" + ADDED + "</mark>)+)", "g");
  var ADDED_LEFT = new RegExp("\\s*(<mark>)?" + ADDED + "(</mark>)?", "g");

  function say(template, term, count) {
    return template.replace("[SEARCH_TERM]", "\u201c" + term + "\u201d").replace("[COUNT]", String(count));
  }

  /* A snippet as a reader should see it: added terms out, the word they belong to highlighted. */
  function cleanExcerpt(html) {
    return (html || "")
      .replace(ADDED_ALONE, "$1")
      .replace(ADDED_FOUND, function (all, word) {
        return /^<mark>.*<\/mark>$/.test(word) ? word : "<mark>" + word + "</mark>";
      })
      .replace(ADDED_LEFT, "")
      .replace(/\s+(?=[.,;:!?)])/g, "")
      .replace(/\s{2,}/g, " ")
      .trim();
  }

  /* Pagefind's excerpt as DOM: text and <mark> only, whatever the index holds. */
  function excerptNodes(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = cleanExcerpt(html);
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(parsed.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function paragraph(className, content) {
    var p = document.createElement("p");
    p.className = className;
    if (typeof content === "string") p.textContent = content; else p.appendChild(content);
    return p;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = meta.url || data.url;
    var body = document.createElement("div");
    body.className = "md-search-result__article md-typeset";
    var title = paragraph("kb-zoek-titel", meta.title || data.url);
    if (meta.fictief) {
      /* a fictional practice (meta from macros/publish/search_index.py): the same badge as on the pages */
      var badge = document.createElement("span");
      badge.className = "kb-label kb-label--voorbeeld kb-fictief";
      badge.textContent = meta.fictief;
      title.appendChild(document.createTextNode(" "));
      title.appendChild(badge);
    }
    body.appendChild(title);
    var kind = (data.filters && data.filters.soort && data.filters.soort[0]) || "";
    var where = meta.regio ? kind + " \u00b7 " + meta.regio : kind;
    if (where) body.appendChild(paragraph("kb-zoek-soort", where));
    if (data.excerpt) body.appendChild(paragraph("kb-zoek-fragment", excerptNodes(data.excerpt)));
    a.appendChild(body);
    li.appendChild(a);
    return li;
  }

  /* The longest domain word (macros/render/search_terms.py HEADS) a one-word query ends in. */
  function compoundTail(term, heads) {
    var word = term.trim().toLowerCase(), best = null;
    if (/\s/.test(word)) return null;
    (heads || []).forEach(function (head) {
      if (word.length >= head.length + 3 && word.slice(-head.length) === head && (!best || head.length > best.length)) best = head;
    });
    return best;
  }

  /* A name as the place index keys it (macros/publish/place_index.py: key). */
  function placeKey(text) {
    var folded = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[-'\u2019\/.,()]/g, " ").replace(/\s+/g, " ").trim();
    return folded.indexOf("gemeente ") === 0 ? folded.slice(9).trim() : folded;
  }

  function unique(list) {
    return list.filter(function (item, at) { return list.indexOf(item) === at; });
  }

  function praktijken(n) {
    return n === 1 ? "1 praktijk" : n + " praktijken";
  }

  /* What the places named by a query say: their names, the practices covering them, else the nearest. */
  function placeAnswer(places, indexes) {
    var found = indexes.map(function (i) { return places.plaatsen[i]; });
    var answer = {
      naam: unique(found.map(function (p) { return p.naam; })).join(" en "),
      soort: unique(found.map(function (p) { return p.soort; })),
      covering: unique([].concat.apply([], found.map(function (p) { return p.praktijken; }))),
      nearby: [], waar: []
    };
    if (!answer.covering.length) {
      found.forEach(function (p) {
        if (!p.dichtbij) return;
        answer.waar.push(p.dichtbij.waar);
        answer.nearby = unique(answer.nearby.concat(p.dichtbij.praktijken));
      });
      answer.waar = unique(answer.waar);
    }
    return answer;
  }

  /* A practice of the place index as a result Pagefind would give (no snippet). */
  function indexResult(places, id, root) {
    var p = places.praktijken[id];
    var data = { url: root + p.url, excerpt: "", filters: { soort: ["Praktijk"] },
                 meta: { title: p.titel, regio: p.regio, fictief: p.fictief ? places.fictief : "" } };
    return { id: "plaats:" + id, url: data.url, data: function () { return Promise.resolve(data); } };
  }

  function merged(lists) {
    var seen = {}, out = [];
    lists.forEach(function (list) {
      list.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; out.push(r); } });
    });
    return out;
  }

  /* A Modular UI module: the result list, ten at a time, and the spoken status line. */
  function Results(list, status, more) {
    this.list = list;
    this.status = status;
    this.more = more;
    this.term = "";
    this.results = [];
    this.shown = 0;
    this.generation = 0;
    this.asked = 0;
    this.pagefind = null;          /* the pagefind.js module the Modular UI uses, for the exact search */
    this.heads = null;             /* the domain words compounds end in, written with the index */
    this.places = null;            /* the place index (gemeenten, RMC regions, SWVs), written with the index */
    this.root = "/";               /* the site's path, for the practice URLs of the place index */
    this.placeBox = null;          /* where the answer about a place is written */
  }
  Results.prototype.register = function (instance) {
    var self = this;
    instance.on("search", function (term) { self.term = (term || "").trim(); });
    instance.on("loading", function () {
      if (self.term) self.status.textContent = say(TEKST.searching, self.term);
    });
    instance.on("results", function (found) {
      var asked = ++self.asked;
      self.rank(self.term, (found && found.results) || []).then(function (results) {
        if (asked === self.asked) self.show(results);
      });
    });
  };
  /* The order a reader expects. Pagefind also finds longer words and near spellings (Borsele finds
     Borne and Borger-Odoorn), and a page naming those twice can outrank one naming the place once:
     pages with the word as typed (or its stem), found by Pagefind's exact search ("..."), come first,
     in the order of Pagefind's ranking.
     Then Pagefind's other results. Then, for a compound whose tail is a domain word (schoolverzuim),
     the pages about the tail (verzuim): no page may use the compound itself. */
  Results.prototype.rank = function (term, results) {
    var self = this;
    if (!this.pagefind || !term || !this.places) return this.rankWords(term, results);
    return this.places.then(function (places) {
      var indexes = places && places.namen[placeKey(term)];
      return indexes ? self.rankPlace(term, places, indexes) : self.rankWords(term, results);
    }, function () { return self.rankWords(term, results); });
  };
  /* A place: the practices covering it (with Pagefind's snippet when the page names it as typed),
     else the nearest practices, then the other pages with the name as typed. */
  Results.prototype.rankPlace = function (term, places, indexes) {
    var self = this, answer = placeAnswer(places, indexes);
    return this.pagefind.then(function (pagefind) {
      return pagefind.search('"' + term.replace(/"/g, "") + '"');
    }).then(function (found) {
      var exact = (found && found.results) || [];
      return Promise.all(exact.map(function (r) { return r.data(); })).then(function (pages) {
        var byUrl = {};
        pages.forEach(function (data, at) {
          byUrl[new URL(data.url, window.location.href).pathname] = { id: exact[at].id, data: function () { return Promise.resolve(data); } };
        });
        var first = (answer.covering.length ? answer.covering : answer.nearby).map(function (id) {
          var own = indexResult(places, id, self.root);
          return byUrl[own.url] || own;
        });
        var shown = {};
        first.forEach(function (r) { shown[r.id] = true; });
        var out = first.concat(Object.keys(byUrl).map(function (url) { return byUrl[url]; })
          .filter(function (r) { return !shown[r.id]; }));
        out.place = answer;
        return out;
      });
    });
  };
  Results.prototype.rankWords = function (term, results) {
    if (!this.pagefind || !term || term.indexOf('"') !== -1) return Promise.resolve(results);
    return Promise.all([this.pagefind, this.heads]).then(function (loaded) {
      var pagefind = loaded[0], head = compoundTail(term, loaded[1]);
      return Promise.all([pagefind.search('"' + term + '"'), head ? pagefind.search(head) : null]);
    }).then(function (found) {
      var exact = found[0] ? found[0].results : [], ids = {};
      exact.forEach(function (r) { ids[r.id] = true; });
      var exactInOrder = results.filter(function (r) { return ids[r.id]; });  /* Pagefind's ranking among them */
      return merged([exactInOrder, exact, results, found[1] ? found[1].results : []]);
    }, function () { return results; });
  };

  Results.prototype.show = function (results) {
    this.generation += 1;
    this.results = results;
    this.shown = 0;
    this.list.textContent = "";
    this.more.hidden = true;
    if (!this.term) {
      this.showPlace(null);
      this.status.textContent = TEKST.input_hint;
      return;
    }
    var n = results.length;
    var counted = say(n === 0 ? TEKST.zero_results : n === 1 ? TEKST.one_result : TEKST.many_results, this.term, n);
    this.status.textContent = results.place ? this.placeSentence(results.place) + " " + counted : counted;
    this.showPlace(results.place || null);
    this.next(false);
  };
  Results.prototype.placeSentence = function (place) {
    var n = place.covering.length;
    if (!n) return "Geen praktijk in " + place.naam + ".";
    return praktijken(n) + " in " + place.naam + (n === 1 ? " staat" : " staan") + " bovenaan.";
  };
  /* Under the status line: where the nearest practices are, and the map. */
  Results.prototype.showPlace = function (place) {
    var box = this.placeBox;
    if (!box) return;
    box.textContent = "";
    box.hidden = !place;
    if (!place) return;
    var text = document.createElement("p");
    if (place.covering.length) {
      text.textContent = "Deze " + (place.covering.length === 1 ? "praktijk werkt" : "praktijken werken") + " in " +
        place.naam + ". Daaronder de pagina\u2019s die " + place.naam + " noemen.";
    } else if (place.nearby.length) {
      text.textContent = "Geen gepubliceerde praktijk werkt in " + place.naam + ". Dichtstbij: " +
        praktijken(place.nearby.length) + " " + place.waar.join(" of ") + "; die staan hieronder bovenaan.";
    } else {
      text.textContent = "Geen gepubliceerde praktijk werkt in " + place.naam + ", en ook niet " +
        (place.waar.join(" of ") || "in de buurt") + ".";
    }
    box.appendChild(text);
    var map = document.createElement("p");
    var link = document.createElement("a");
    link.href = this.root + "kaart/";
    link.textContent = "Bekijk op de kaart welke gemeenten een praktijk hebben";
    map.appendChild(link);
    box.appendChild(map);
  };
  Results.prototype.next = function (focusFirst) {
    var self = this, generation = this.generation;
    var batch = this.results.slice(this.shown, this.shown + PER_BATCH);
    this.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (generation !== self.generation) return;
      var first = null;
      pages.forEach(function (data) {
        var item = resultItem(data);
        first = first || item;
        self.list.appendChild(item);
      });
      self.more.hidden = self.shown >= self.results.length;
      if (focusFirst && first) first.querySelector("a").focus();
    });
  };

  function siteRoot(bundle) {
    return bundle.replace(/pagefind\/$/, "");
  }

  function setup(box) {
    var toggle = document.getElementById("__search");
    var input = box.querySelector("#kb-zoekveld");
    var form = box.querySelector("form");
    var list = box.querySelector("#kb-zoekresultaten");
    var status = box.querySelector("#kb-zoekstatus");
    var more = box.querySelector(".kb-zoek-meer");
    var bundle = new URL(box.getAttribute("data-kb-bundel"), window.location.href).href;
    var results = new Results(list, status, more);
    results.placeBox = box.querySelector("#kb-zoekplaats");
    results.root = new URL(siteRoot(bundle)).pathname;
    var loading = null;
    var returnTo = null;
    more.querySelector("button").textContent = TEKST.load_more;

    function load() {
      if (loading) return loading;
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundle + "pagefind-modular-ui.js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      }).then(function () {
        var ui = window.PagefindModularUI;
        /* noWorker: search in the page; Pagefind's worker script would be another 41 KB to fetch. */
        var instance = new ui.Instance({ bundlePath: bundle, baseUrl: new URL(siteRoot(bundle)).pathname, noWorker: true });
        instance.add(new ui.Input({ inputElement: "#kb-zoekveld", debounceTimeoutMs: 150 }));
        results.pagefind = import(bundle + "pagefind.js");
        results.heads = fetch(bundle + "kennisbank-zoekwoorden.json")
          .then(function (response) { return response.json(); })
          .then(function (words) { return words.koppen; }, function () { return []; });
        results.places = fetch(bundle + "kennisbank-plaatsen.json")
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(null, function () { return null; });
        instance.add(results);
        if (input.value.trim()) instance.triggerSearch(input.value);
        return instance;
      }).catch(function () {
        status.textContent = TEKST.error_search;
        loading = null;
      });
      return loading;
    }

    function open() {
      toggle.checked = true;
      load();
    }
    function close() {
      toggle.checked = false;
      if (returnTo && returnTo !== input && document.contains(returnTo)) returnTo.focus(); else input.blur();
      returnTo = null;
    }
    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }
    function editable(el) {
      return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    }

    input.addEventListener("focus", open);
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        input.focus();
        load().then(function (instance) { if (instance) instance.triggerSearch(""); });
      }, 0);
    });
    input.addEventListener("keydown", function (event) {
      var found = links();
      if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "ArrowDown" && found.length) { event.preventDefault(); found[0].focus(); }
      else if (event.key === "Enter" && found.length) { event.preventDefault(); found[0].click(); }
    });
    list.addEventListener("keydown", function (event) {
      var found = links(), at = found.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at + 1 < found.length) { event.preventDefault(); found[at + 1].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? found[at - 1] : input).focus(); }
      else if (event.key === "Escape") { event.preventDefault(); input.focus(); close(); }
    });
    list.addEventListener("click", function (event) {
      if (event.target.closest("a")) toggle.checked = false;
    });
    more.querySelector("button").addEventListener("click", function () { results.next(true); });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        returnTo = document.activeElement;
        open();
        input.focus();
        input.select();
      }
    });
  }

  /* The lookup box on the map page (macros/render/templates/_map_lookup.html): answers from the list of
     every gemeente under it, by the search's name rule (placeKey), so Den Bosch finds 's-Hertogenbosch. */
  function setupLookup(form) {
    var input = form.querySelector("input");
    var answer = form.querySelector("[data-kb-plaatsantwoord]");
    var rows = {};
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-namen]"), function (row) {
      row.getAttribute("data-kb-namen").split("|").forEach(function (name) { rows[name] = rows[name] || []; rows[name].push(row); });
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = input.value.trim(), found = rows[placeKey(typed)] || [];
      answer.textContent = "";
      if (!typed) { answer.textContent = "Typ de naam van een gemeente."; return; }
      if (!found.length) {
        answer.textContent = "Geen gemeente gevonden met de naam \u201c" + typed + "\u201d. Kies een naam uit de lijst.";
        return;
      }
      found.forEach(function (row) {
        var p = document.createElement("p");
        p.appendChild(row.querySelector("strong").cloneNode(true));
        p.appendChild(document.createTextNode(": "));
        Array.prototype.forEach.call(row.querySelector("[data-kb-plaatsuitkomst]").childNodes, function (node) {
          p.appendChild(node.cloneNode(true));
        });
        answer.appendChild(p);
      });
    });
  }

  var box = document.querySelector("[data-kb-zoeken]");
  if (box) setup(box);
  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-plaatszoeker]"), setupLookup);
})();
