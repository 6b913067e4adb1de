/* Kennisbank Doorbraakaanpak: the web editor (Decap CMS) made honest and Dutch.
   - Decap's `nl` locale plus what it lacks, and the project's own wording (pattern errors as a sentence,
     a missing field that is named, no "Gepubliceerd" for a file that only went to this computer).
   - Before a practice is saved, the site's checks run (redactie-controle.js). On this computer
     (`kennisbank beheer`, where saving puts the file in practices/ at once) a practice with problems is
     not saved; in the hosted editor it may be kept as a concept, but it cannot be published.
     Each problem is shown next to its field, by the field's label, and in a list at the top.
   - English that Decap writes outside its locale (its loading text, screen-reader texts) is translated.
   Loaded by /redactie/beheer/index.html after decap-cms.js, which waits for CMS.init (CMS_MANUAL_INIT). */
(function () {
  "use strict";

  var CMS = window.CMS;
  var local = ["localhost", "127.0.0.1", "[::1]"].indexOf(window.location.hostname) !== -1;
  var PRACTICES = "praktijken";
  var rules = fetch("regels.json").then(function (r) { return r.json(); });

  /* ---- words ---- */
  var MISSING = {   /* what Decap 3.16's nl locale lacks (checked against its en locale) */
    auth: { loginWithForgejo: "Inloggen met Forgejo" },
    collection: { collectionTop: { viewAsList: "Als lijst tonen", viewAsGrid: "Als raster tonen",
      newButton: "+ %{collectionLabel}" },
      entries: { unpublishedHeader: "Nog niet gepubliceerd" } },
    editor: {
      editorControl: { field: { optional: "niet verplicht", widgetLabel: "veld %{widgetLabel}" } },
      editorControlPane: { widget: { invalidPath: "'%{path}' is geen geldig pad",
        pathExists: "Pad '%{path}' bestaat al",
        regexPattern: "%{fieldLabel}: %{pattern}",
        required: "%{fieldLabel} ontbreekt. Vul het in." } },
      editorWidgets: { datetime: { setToNow: "%{fieldLabel} op vandaag zetten", now: "Vandaag", clear: "Wissen" },
        list: { addType: "%{item} toevoegen" },
        object: { expand: "Openklappen", collapse: "Dichtklappen" },
        file: { chooseMultiple: "Kies bestanden", addMore: "Meer bestanden toevoegen", removeAll: "Alle bestanden verwijderen" },
        image: { chooseMultiple: "Kies afbeeldingen", addMore: "Meer afbeeldingen toevoegen", removeAll: "Alle afbeeldingen verwijderen" },
        markdown: { strikethrough: "Doorhalen", toggleMode: { rich: "Naar opgemaakte tekst", markdown: "Naar Markdown" } } },
      editorToolbar: {
        statusInfoTooltipDraft: "Dit is een concept. Is het af, zet de status dan op ‘Wordt beoordeeld’.",
        statusInfoTooltipInReview: "Een tweede redacteur kijkt dit na. U kunt intussen nog wijzigen." },
      editorInterface: { toggleNotes: "Notities tonen of verbergen" },
      editorNotesPane: { title: "Notities", emptyState: "Nog geen notities.", addNote: "Notitie toevoegen",
        addPlaceholder: "Schrijf een notitie…", editPlaceholder: "Wijzig de notitie…", save: "Opslaan",
        cancel: "Annuleren", edit: "Wijzigen", delete: "Verwijderen", resolve: "Afhandelen", unresolve: "Heropenen",
        confirmDelete: "Weet u zeker dat u deze notitie wilt verwijderen?",
        shortcut: "Tip: met Ctrl+Enter voegt u de notitie toe." } },
    app: { app: { loadingConfig: "Instellingen laden…" } },
    mediaLibrary: { mediaLibraryModal: { close: "Sluiten" } },
    ui: { settingsDropdown: { account: "Accountmenu" },
      toast: { missingRequiredField: "Nog niet klaar: er ontbreken verplichte velden. Ze staan rood gemarkeerd.",
        onFailToPersist: "Niet opgeslagen. %{details}",
        onFailToPublishEntry: "Niet gepubliceerd. %{details}",
        noteAdded: "Notitie toegevoegd", onFailToAddNote: "Notitie niet toegevoegd: %{details}",
        noteUpdated: "Notitie bijgewerkt", onFailToUpdateNote: "Notitie niet bijgewerkt: %{details}",
        noteDeleted: "Notitie verwijderd", onFailToDeleteNote: "Notitie niet verwijderd: %{details}",
        noteResolved: "Notitie afgehandeld", noteReopened: "Notitie heropend",
        onFailToToggleNote: "Notitie niet gewijzigd: %{details}" } }
  };
  var HOSTED = { editor: { editorToolbar: {
    deployButtonLabel: "Bekijk op de site",
    published: "Gepubliceerd (de site wordt binnen enkele minuten bijgewerkt)" } } };
  /* On this computer nothing is published: saving writes the file into practices/ and the preview. */
  var LOCAL = { editor: { editorToolbar: {
    publish: "Opslaan", publishing: "Opslaan…", published: "Opgeslagen op deze computer",
    publishNow: "Nu opslaan", publishAndCreateNew: "Opslaan en nieuw item", publishAndDuplicate: "Opslaan en dupliceren",
    deployButtonLabel: "Bekijk in de voorbeeldweergave", unpublish: "Verwijderen" },
    editor: { onPublishing: "Weet u zeker dat u dit item wilt opslaan?" } } };
  /* English that Decap and its drag-and-drop library write outside the locale. */
  var ENGLISH = [
    [/^Loading configuration\.*$/, "Instellingen laden…"],
    [/^\s*To pick up a draggable item, press the space bar\.[\s\S]*$/,
      "Om een item op te pakken, druk op de spatiebalk. Verplaats het met de pijltjestoetsen. Druk opnieuw op de spatiebalk om het neer te zetten, of op Escape om te stoppen."],
    [/^Set (.+) to now$/, "$1 op vandaag zetten"],
    [/^Expand$/, "Openklappen"], [/^Collapse$/, "Dichtklappen"],
    [/^Picked up draggable item (.+)\.$/, "Item $1 opgepakt."],
    [/^Draggable item (.+) was dropped\.$/, "Item $1 neergezet."],
    [/^Dragging was cancelled\. Draggable item (.+) was dropped\.$/, "Verplaatsen gestopt. Item $1 neergezet."],
    [/^Draggable item (.+) was moved over droppable area (.+)\.$/, "Item $1 staat nu boven plek $2."],
    [/^Draggable item (.+) is no longer over a droppable area\.$/, "Item $1 staat niet meer boven een plek."]
  ];

  function merge(target, extra) {
    Object.keys(extra).forEach(function (key) {
      if (extra[key] && typeof extra[key] === "object") merge(target[key] = target[key] || {}, extra[key]);
      else target[key] = extra[key];
    });
    return target;
  }
  var nl = merge(merge({}, CMS.getLocale("nl") || {}), MISSING);
  CMS.registerLocale("nl", merge(nl, local ? LOCAL : HOSTED));

  function dutch(text) {
    for (var i = 0; i < ENGLISH.length; i += 1) {
      if (ENGLISH[i][0].test(text)) return text.replace(ENGLISH[i][0], ENGLISH[i][1]);
    }
    return null;
  }
  function translate(node) {
    if (node.nodeType === 3) {
      var d = dutch(node.nodeValue);
      if (d !== null && d !== node.nodeValue) node.nodeValue = d;
      return;
    }
    if (node.nodeType !== 1) return;
    ["aria-label", "title", "placeholder"].forEach(function (name) {
      var value = node.getAttribute(name);
      var d = value && dutch(value);
      if (d && d !== value) node.setAttribute(name, d);
    });
    for (var child = node.firstChild; child; child = child.nextSibling) translate(child);
  }

  /* ---- problems on the form ---- */
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function plainLabel(label) {
    return label.textContent.replace(/\s*\((niet verplicht|optioneel)\)\s*$/, "").trim();
  }
  /* The control of a field: the labels along its path, in the order of the form (the form shows the
     fields in schema order, so the first "Toelichting" after "Financiering passende plek" is its own;
     for the n-th item of a list, the n-th such label after the list's). */
  function follows(a, b) { return !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING); }
  function controlFor(path, schema) {
    var labels = Array.prototype.slice.call(document.querySelectorAll("label"));
    var spec = schema, found = null, skip = 0;
    for (var i = 0; i < path.length; i += 1) {
      var key = path[i];
      if (typeof key === "number") { spec = spec.items; skip = key; continue; }
      spec = (spec.properties || {})[key];
      if (!spec) break;
      var title = spec.title || key;
      var after = labels.filter(function (l) { return plainLabel(l) === title && (!found || follows(found, l)); });
      if (after.length <= skip) break;
      found = after[skip];
      skip = 0;
    }
    return found;
  }
  function clearMarks() {
    Array.prototype.forEach.call(document.querySelectorAll(".kb-controle-fout"), function (el) { el.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll("[aria-describedby^='kb-controle-fout-']"), function (el) {
      el.removeAttribute("aria-describedby");
      el.removeAttribute("aria-invalid");
    });
    var panel = document.getElementById("kb-controle");
    if (panel) panel.remove();
  }
  function showProblems(problems, schema, concept) {
    clearMarks();
    if (!problems.length) return;
    var panel = document.createElement("section");
    panel.id = "kb-controle";
    panel.setAttribute("role", "alert");
    var heading = document.createElement("h2");
    heading.textContent = "Nog niet klaar: " + KbControle.aantal(problems.length);
    var text = document.createElement("p");
    text.textContent = concept ?
      "Bewaard als concept. Zo kan de praktijk niet gepubliceerd worden; verbeter eerst de punten hieronder." :
      "Niet opgeslagen: de controle van de kennisbank keurt deze praktijk zo af. Verbeter de punten hieronder en sla opnieuw op.";
    var list = document.createElement("ul");
    var first = null, number = 0;
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var control = controlFor(problem.pad, schema);
      var name = document.createElement("strong");
      name.textContent = problem.veld + ": ";
      item.appendChild(name);
      item.appendChild(document.createTextNode(problem.melding));
      if (control) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = "Ga naar het veld";
        button.addEventListener("click", function () { control.scrollIntoView({ block: "center" }); });
        item.appendChild(document.createTextNode(" "));
        item.appendChild(button);
        var mark = document.createElement("p");
        mark.className = "kb-controle-fout";
        mark.id = "kb-controle-fout-" + (number += 1);
        mark.textContent = problem.veld + ": " + problem.melding;
        control.parentElement.insertAdjacentElement("afterend", mark);
        var input = control.htmlFor && document.getElementById(control.htmlFor);
        if (input) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", mark.id);
        }
        first = first || control;
      }
      list.appendChild(item);
    });
    panel.appendChild(heading);
    panel.appendChild(text);
    panel.appendChild(list);
    document.body.appendChild(panel);
    if (first) first.scrollIntoView({ block: "center" });
  }
  function failure(problems) {
    var message = "Nog niet klaar: " + KbControle.aantal(problems.length) + ". " +
      problems.map(function (p) { return p.veld; }).join(", ") + ".";
    return { message: message, toString: function () { return message; } };
  }
  function check(entry) {
    if (entry.get("collection") !== PRACTICES) return Promise.resolve([]);
    return rules.then(function (data) {
      var problems = KbControle.problemen(entry.get("data").toJS(), data, window.KbSchema, today());
      return { problems: problems, schema: data.schema };
    });
  }
  CMS.registerEventListener({ name: "preSave", handler: function (context) {
    return check(context.entry).then(function (result) {
      if (!result.problems) return undefined;
      showProblems(result.problems, result.schema, !local);
      if (local && result.problems.length) throw failure(result.problems);
      return undefined;
    });
  } });
  CMS.registerEventListener({ name: "prePublish", handler: function (context) {
    return check(context.entry).then(function (result) {
      if (!result.problems) return undefined;
      showProblems(result.problems, result.schema, false);
      if (result.problems.length) throw failure(result.problems);
      return undefined;
    });
  } });

  /* ---- Decap's own "required" errors: scroll to the first one ---- */
  var scrolled = false;
  function firstDecapError() {
    return document.querySelector("[class*='ControlErrorsList'] li, ul[class*='ErrorsList'] li");
  }
  /* ---- the media library's file picker offers only the allowed attachment types ---- */
  var accept = "";
  rules.then(function (r) { accept = (r.bijlagen || []).join(","); limitPickers(document); });
  function limitPickers(root) {
    if (!accept || !root.querySelectorAll) return;
    Array.prototype.forEach.call(root.querySelectorAll("input[type=file]"), function (input) {
      if (input.getAttribute("accept") !== accept) input.setAttribute("accept", accept);
    });
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, limitPickers);
      Array.prototype.forEach.call(change.addedNodes, translate);
      if (change.type === "characterData") translate(change.target);
      if (change.type === "attributes") translate(change.target);
    });
    var error = firstDecapError();
    if (error && !scrolled) {
      scrolled = true;
      error.scrollIntoView({ block: "center" });
    } else if (!error) {
      scrolled = false;
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ["aria-label", "title", "placeholder"] });

  var loading = document.getElementById("kb-laden");
  if (loading) loading.remove();
  CMS.init();
})();
