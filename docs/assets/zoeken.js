/* Kennisbank Doorbraakaanpak: the site search. Pagefind (index in pagefind/, written after every
   build by macros/publish/search_index.py) through its Modular UI, shown in Material's search box
   and result panel. Pagefind's code and index are fetched from this site on first use only.
   Keys: "/" or "s" opens the search, arrow keys move through the results, Enter opens the first,
   Escape closes. */
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
    body.appendChild(paragraph("kb-zoek-fragment", excerptNodes(data.excerpt)));
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
      this.status.textContent = TEKST.input_hint;
      return;
    }
    var n = results.length;
    this.status.textContent = say(n === 0 ? TEKST.zero_results : n === 1 ? TEKST.one_result : TEKST.many_results,
      this.term, n);
    this.next(false);
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

  var box = document.querySelector("[data-kb-zoeken]");
  if (box) setup(box);
})();
