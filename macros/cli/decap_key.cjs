/* Loaded into decap-server by `kennisbank beheer` (node --require, before decap-server starts):
   decap-server then answers only requests that carry the key the guard
   (macros/cli/editor_guard.py) was given in KENNISBANK_DECAP_SLEUTEL. So no other web page or
   program on this computer reaches it past the guard, even if it finds its port. Without a key
   every request is refused. Node's own http.createServer gets the check in front of the handler
   it is given (express's app); nothing of decap-server itself is changed. */
"use strict";
const crypto = require("crypto");
const http = require("http");

const key = Buffer.from(process.env.KENNISBANK_DECAP_SLEUTEL || "", "utf8");
const createServer = http.createServer;

function carriesKey(request) {
  const given = Buffer.from(String(request.headers["x-kennisbank-sleutel"] || ""), "utf8");
  return key.length > 0 && given.length === key.length && crypto.timingSafeEqual(given, key);
}

http.createServer = function (options, handler) {
  const inner = typeof options === "function" ? options : handler;
  function checked(request, response) {
    if (carriesKey(request)) return inner(request, response);
    response.writeHead(403, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ error: "Niet toegestaan: de lokale server van de webeditor is alleen te bereiken via kennisbank beheer." }));
  }
  return typeof options === "function" ? createServer.call(this, checked) : createServer.call(this, options, checked);
};
