/* Kennisbank Doorbraakaanpak: the web editor's checks of one practice, before it is saved.
   The shape is checked by the JSON Schema compiled with ajv (redactie-schema.js, made from
   practices/schema/praktijk.schema.json); the record rules take their data and their messages from
   regels.json, which macros/publish/editor_config.py writes from macros/checks (the module that
   `kennisbank validate` runs), so a word list, a pattern or a message is defined once, in Python.
   Every problem names the field by its label on the form. Runs in the browser and in node
   (tests/test_editor_checks.py compares its verdicts with `kennisbank validate`). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.KbControle = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var TYPE_WORDS = { string: "een tekst", integer: "een heel getal", number: "een getal", boolean: "ja of nee",
    array: "een lijst", object: "een blok met velden" };

  var NO_DATE = "Dit is geen bestaande datum. Kies een datum in de kalender, zoals 01-09-2025.";

  function quoted(text) { return "‘" + text + "’"; }
  function fill(template, hole, text) { return template.split(hole).join(text); }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /* ---- field labels: the titles of the schema, as the form shows them ---- */
  function specAt(schema, path) {
    var spec = schema;
    for (var i = 0; i < path.length && spec; i += 1) {
      if (typeof path[i] === "number") spec = spec.items;
      else spec = (spec.properties || {})[path[i]];
    }
    return spec;
  }
  function label(schema, path) {
    var parts = [];
    var spec = schema;
    path.forEach(function (key) {
      if (!spec) return;
      if (typeof key === "number") {
        spec = spec.items;
        if (parts.length) parts[parts.length - 1] += " " + (key + 1);
        return;
      }
      spec = (spec.properties || {})[key];
      parts.push(spec && spec.title ? spec.title : key);
    });
    return parts.join(" › ");
  }

  /* ---- the schema, through ajv's compiled function ---- */
  function pathOf(pointer) {
    if (!pointer) return [];
    return pointer.split("/").slice(1).map(function (part) {
      var key = part.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^\d+$/.test(key) ? Number(key) : key;
    });
  }
  function patternMessage(schema, path, spec) {
    var parent = typeof path[path.length - 1] === "number" ? specAt(schema, path.slice(0, -1)) : null;
    var own = spec["x-melding"] || (parent && parent["x-melding"]);
    if (own) return own;
    var about = spec.description || (parent && parent.description) || "";
    return ("Deze waarde heeft niet de juiste vorm. " + about).trim();
  }
  function schemaMessage(schema, error, path) {
    var spec = specAt(schema, path) || {};
    var p = error.params || {};
    var n = typeof error.data === "string" ? Array.from(error.data).length : 0;
    switch (error.keyword) {
      case "required": {
        var missing = specAt(schema, path.concat([p.missingProperty])) || {};
        return "Vul dit in." + (missing.description ? " " + missing.description : "");
      }
      case "pattern": return patternMessage(schema, path, spec);
      case "format":
        if (p.format === "date") return NO_DATE;
        if (p.format === "email") return "Dit is geen e-mailadres. Schrijf het als naam@organisatie.nl, zoals info@swv-voorbeeld.nl.";
        return "Dit is geen webadres. Een webadres begint met https://, zoals https://www.ingrado.nl/.";
      case "minLength": return "De tekst is te kort: minstens " + p.limit + " tekens (nu " + n + ").";
      case "maxLength": return "De tekst is te lang: hoogstens " + p.limit + " tekens (nu " + n + "). Kort de tekst in.";
      case "minimum": return "Het getal is te klein: minstens " + p.limit + ".";
      case "maximum": return "Het getal is te groot: hoogstens " + p.limit + ".";
      case "minItems": return "Voeg er minstens " + p.limit + " toe.";
      case "uniqueItems": return "Een waarde staat twee keer in de lijst. Haal de dubbele weg.";
      case "type": return "Hier hoort " + (TYPE_WORDS[p.type] || p.type) + ".";
      case "additionalProperties": return "Onbekend veld " + quoted(p.additionalProperty) + ". Haal het weg.";
      default: return "Deze waarde klopt niet. " + (spec.description || "");
    }
  }
  function shapeProblems(record, schema, validate) {
    if (validate(record)) return [];
    return (validate.errors || []).map(function (error) {
      var path = pathOf(error.instancePath);
      if (error.keyword === "required") path = path.concat([error.params.missingProperty]);
      return { pad: path, melding: schemaMessage(schema, error, pathOf(error.instancePath)) };
    });
  }

  /* ---- personal data (macros/checks/personal_data.py), with its patterns from regels.json ---- */
  function foldChar(c) {
    if (/[0-9]/.test(c)) return c;
    if (/\s/.test(c) || /[\p{Zs}\p{Zl}\p{Zp}\p{Cf}]/u.test(c)) return " ";
    if (/\p{Pd}/u.test(c) || c === "\u2212") return "-";
    var plain = c.normalize("NFKC");
    return plain.length === 1 ? plain : c;
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      out += c.charCodeAt(0) < 128 ? (/[\t\n\r\x0b\x0c]/.test(c) ? " " : c) : foldChar(c);
    }
    return out;
  }
  function regex(rules, name) {
    var p = rules.patronen[name];
    return new RegExp(p.bron, "g" + p.vlaggen);
  }
  function spans(re, text) {
    var out = [], m;
    while ((m = re.exec(text)) !== null) {
      out.push([m.index, m.index + m[0].length, m[0]]);
      if (m[0] === "") re.lastIndex += 1;
    }
    return out;
  }
  function ibanOk(compact) {
    if (compact.length < 15 || compact.length > 34) return false;
    var moved = compact.slice(4) + compact.slice(0, 4);
    var rest = 0;
    for (var i = 0; i < moved.length; i += 1) {
      var digits = String(parseInt(moved.charAt(i), 36));
      for (var j = 0; j < digits.length; j += 1) rest = (rest * 10 + Number(digits.charAt(j))) % 97;
    }
    return rest === 1;
  }
  function ibanSpans(rules, folded) {
    var upper = folded.replace(/[a-z]/g, function (c) { return c.toUpperCase(); });
    var out = spans(regex(rules, "iban_kort"), upper).filter(function (s) { return ibanOk(s[2]); });
    spans(regex(rules, "iban_spaties"), upper).forEach(function (s) {
      var groups = s[2].split(" ");
      for (var k = groups.length; k > 2; k -= 1) {
        if (ibanOk(groups.slice(0, k).join(""))) {
          out.push([s[0], s[0] + groups.slice(0, k).join(" ").length]);
          break;
        }
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }
  function elevenTest(digits) {
    var total = 0;
    for (var i = 0; i < 8; i += 1) total += Number(digits.charAt(i)) * (9 - i);
    total -= Number(digits.charAt(8));
    return total % 11 === 0 && digits !== "000000000";
  }
  function bsnFound(rules, text, masked) {
    var found = [];
    spans(regex(rules, "cijferreeks"), masked).forEach(function (run) {
      var groups = spans(/[0-9]+/g, run[2]).map(function (g) { return [g[0] + run[0], g[1] + run[0], g[2]]; });
      for (var i = 0; i < groups.length; i += 1) {
        var digits = "";
        for (var j = i; j < groups.length; j += 1) {
          digits += groups[j][2];
          if (digits.length >= 9) {
            if (digits.length === 9 && elevenTest(digits)) found.push(text.slice(groups[i][0], groups[j][1]));
            break;
          }
        }
      }
    });
    return found;
  }
  function freeMail(rules, domain) {
    return rules.gratis_mail.some(function (p) {
      return domain.indexOf(p) === 0 || (p.slice(-1) === "." && ("." + domain).indexOf("." + p) !== -1);
    });
  }
  function hasRoleWord(rules, local) {
    return rules.rolwoorden.some(function (word) { return local.indexOf(word) !== -1; });
  }
  function mailboxProblems(rules, address) {
    var lower = address.toLowerCase(), at = lower.indexOf("@");
    var m = rules.meldingen, hole = rules.gat;
    if (freeMail(rules, lower.slice(at + 1))) return [fill(m.gratis_mail, hole, address)];
    if (!hasRoleWord(rules, lower.slice(0, at))) return [fill(m.geen_rolmailbox, hole, address)];
    return [];
  }
  function textMailboxProblems(rules, address) {
    var lower = address.toLowerCase(), at = lower.indexOf("@");
    var local = lower.slice(0, at), m = rules.meldingen, hole = rules.gat;
    if (freeMail(rules, lower.slice(at + 1))) return [fill(m.gratis_mail, hole, address)];
    if (/^[a-z]+(?:[._-][a-z]+)+$/.test(local) && !hasRoleWord(rules, local)) return [fill(m.persoonsadres, hole, address)];
    return [];
  }
  function personalData(rules, text, addresses) {
    var folded = fold(text), m = rules.meldingen, hole = rules.gat;
    var digits = (folded.match(/[0-9]/g) || []).length;
    var mobiles = digits >= 9 ? spans(regex(rules, "mobiel"), folded) : [];
    var ibans = ibanSpans(rules, folded);
    var out = mobiles.map(function (s) { return fill(m.mobiel, hole, text.slice(s[0], s[1])); });
    out = out.concat(ibans.map(function (s) { return fill(m.iban, hole, text.slice(s[0], s[1])); }));
    var masked = folded;
    mobiles.concat(ibans).forEach(function (s) {
      masked = masked.slice(0, s[0]) + new Array(s[1] - s[0] + 1).join("x") + masked.slice(s[1]);
    });
    if (digits >= 9) out = out.concat(bsnFound(rules, text, masked).map(function (f) { return fill(m.bsn, hole, f); }));
    out = out.concat(spans(regex(rules, "geboren"), folded).map(function (s) {
      return fill(m.geboren, hole, text.slice(s[0], s[1]));
    }));
    if (addresses) {
      spans(regex(rules, "email"), folded).forEach(function (s) {
        out = out.concat(textMailboxProblems(rules, s[2]));
      });
    }
    return out;
  }
  function formulaProblem(rules, text) {
    var first = /^[\t\r]/.test(text) ? text.charAt(0) : text.replace(/^\s+/, "").charAt(0);
    if (!first || rules.formule_begin.indexOf(first) === -1) return null;
    var shown = first === "\t" ? "een tab" : first === "\r" ? "een regeleinde" : "'" + first + "'";
    return fill(rules.meldingen.formule, rules.gat, shown);
  }

  /* ---- the other record rules (macros/checks/records.py) ---- */
  function eachString(value, spec, path, fn) {
    if (value === undefined || value === null || !spec) return;
    if (spec.type === "object" && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value).forEach(function (k) { eachString(value[k], (spec.properties || {})[k], path.concat([k]), fn); });
    } else if (spec.type === "array" && Array.isArray(value)) {
      value.forEach(function (item, i) { eachString(item, spec.items, path.concat([i]), fn); });
    } else if (typeof value === "string") {
      fn(value, spec, path);
    }
  }
  function isoDate(text) {
    if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    var p = text.split("-").map(Number);
    var day = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    return day.getUTCFullYear() === p[0] && day.getUTCMonth() === p[1] - 1 && day.getUTCDate() === p[2] ? text : null;
  }
  function dutchDate(iso) { return iso.split("-").reverse().join("-"); }
  function valueAt(record, path) {
    return path.reduce(function (v, k) { return v && typeof v === "object" ? v[k] : undefined; }, record);
  }
  function ruleProblems(record, rules, today) {
    var out = [];
    eachString(record, rules.schema, [], function (text, spec, path) {
      var messages = personalData(rules, text, spec.format !== "email");
      var formula = formulaProblem(rules, text);
      if (formula) messages.push(formula);
      if (spec.format === "email" && text.indexOf("@") !== -1) messages = messages.concat(mailboxProblems(rules, text));
      if (spec.format === "uri" && !rules.webadres_begin.some(function (s) { return text.toLowerCase().indexOf(s) === 0; })) {
        messages.push(quoted(text) + " is geen toegestaan webadres. Een webadres begint met https:// of http://, " +
          "zoals https://www.ingrado.nl/.");
      }
      if (spec.format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(text) && !isoDate(text)) messages.push(NO_DATE);
      if (spec.format === "date" && path[path.length - 1] === "beoordeeld_op" && isoDate(text) && text > today) {
        messages.push(dutchDate(text) + " ligt in de toekomst; een beoordeling kan niet later zijn dan vandaag (" +
          dutchDate(today) + ").");
      }
      messages.forEach(function (message) { out.push({ pad: path, melding: capital(message) }); });
    });
    rules.datumvolgorde.forEach(function (rule) {
      var a = isoDate(valueAt(record, rule.eerst)), b = isoDate(valueAt(record, rule.later));
      if (a && b && b < a) {
        out.push({ pad: rule.later, melding: dutchDate(b) + " ligt vóór " + label(rules.schema, rule.eerst) + " (" +
          dutchDate(a) + "): " + rule.waarom + ". Controleer beide datums." });
      }
    });
    (record.documenten || []).forEach(function (doc, i) {
      if (doc && typeof doc === "object" && (("bestand" in doc) === ("url" in doc))) {
        out.push({ pad: ["documenten", i], melding: "Vul óf een bestandsnaam óf een webadres in, niet allebei en " +
          "niet geen van beide." });
      }
    });
    return out;
  }

  /* Decap keeps a cleared field as an empty value; a saved file leaves it out, and so does the check. */
  function cleaned(value) {
    if (Array.isArray(value)) return value.map(cleaned);
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (k) {
        var v = cleaned(value[k]);
        if (v === "" || v === null || v === undefined) return;
        if (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) return;
        out[k] = v;
      });
      return out;
    }
    return value;
  }

  /* All problems of one practice: [{pad, veld, melding}] in the order of the form. */
  function problemen(record, rules, validate, today) {
    var data = cleaned(record);
    var found = shapeProblems(data, rules.schema, validate).concat(ruleProblems(data, rules, today));
    var order = JSON.stringify(Object.keys(rules.schema.properties));
    found.forEach(function (p) { p.veld = label(rules.schema, p.pad); });
    return found.sort(function (a, b) {
      return order.indexOf('"' + a.pad[0] + '"') - order.indexOf('"' + b.pad[0] + '"');
    });
  }

  function aantal(n) { return n === 1 ? "1 probleem" : n + " problemen"; }

  return { problemen: problemen, label: label, aantal: aantal, cleaned: cleaned, fold: fold };
});
