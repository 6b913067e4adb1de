/* Makes docs/assets/redactie-schema.js: the practice JSON Schema compiled by ajv (npm, pinned in
   package.json) into standalone code for the web editor. Run from the project folder:
       node tests/maak_redactie_schema.cjs > docs/assets/redactie-schema.js
   tests/test_editor_checks.py runs it again and fails when the committed file is not current.
   Formats follow what `kennisbank validate` checks (jsonschema's format checker): an e-mail address
   has an @, a date has the form JJJJ-MM-DD (that it exists is a record rule in redactie-controle.js),
   a web address is checked by the record rules. */
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const standalone = require("ajv/dist/standalone").default;

const root = path.resolve(__dirname, "..");
const schema = JSON.parse(fs.readFileSync(path.join(root, "practices/schema/praktijk.schema.json"), "utf8"));
const ajv = new Ajv({
  allErrors: true, strict: false, code: { source: true, lines: true },
  formats: { date: /^\d{4}-\d{2}-\d{2}$/, email: /@/, uri: /^[\s\S]*$/ },
});
const code = standalone(ajv, ajv.compile(schema));
const runtime = {};
for (const name of new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))) {
  if (name !== "ajv/dist/runtime/ucs2length") throw new Error("onverwachte afhankelijkheid in de code van ajv: " + name);
  runtime[name] = fs.readFileSync(require.resolve(name), "utf8").replace(/\n\/\/# sourceMappingURL=.*$/m, "");
}
const parts = Object.entries(runtime).map(([name, text]) =>
  `  runtime[${JSON.stringify(name)}] = (function () { var module = { exports: {} }, exports = module.exports;\n${text}\n  return module.exports; })();`);
process.stdout.write(`/* Made by tests/maak_redactie_schema.cjs from practices/schema/praktijk.schema.json with ajv ${require("ajv/package.json").version}; do not edit. */
(function (root) {
  "use strict";
  var runtime = {};
${parts.join("\n")}
  function require(name) { return runtime[name]; }
  var module = { exports: {} }, exports = module.exports;
${code}
  var validate = module.exports.default || module.exports;
  if (typeof root.module === "object" && root.module.exports) root.module.exports = validate;
  else root.self.KbSchema = validate;
})({ self: typeof self !== "undefined" ? self : this, module: typeof module === "object" ? module : undefined });
`);
