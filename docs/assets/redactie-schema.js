/* Made by tests/maak_redactie_schema.cjs from practices/schema/praktijk.schema.json with ajv 8.20.0; do not edit. */
(function (root) {
  "use strict";
  var runtime = {};
  runtime["ajv/dist/runtime/ucs2length"] = (function () { var module = { exports: {} }, exports = module.exports;
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.default = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  return module.exports; })();
  function require(name) { return runtime[name]; }
  var module = { exports: {} }, exports = module.exports;
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://kennisbank.ingrado.nl/schema/praktijk.schema.json","title":"Goede praktijk","description":"Eén regionale afspraak over de doorbraakaanpak, als gestructureerd record. Elk veld is hier één keer gedefinieerd; tabellen, formulieren en documentatie worden hieruit afgeleid.","type":"object","additionalProperties":false,"required":["id","titel","samenvatting","status","voorbeeld","regio","swv","gemeenten","rmc_regio","onderwijssoort","themas","partners","datums","volwassenheid","geoorloofd_verzuim","ongeoorloofd_verzuim","doorbraakoverleg","financiering","leerplicht","gegevensdeling","jeugdhulp","contact","licentie","redactie","onderbouwing"],"properties":{"id":{"title":"Kenmerk","x-melding":"Gebruik kleine letters, cijfers en streepjes, zoals walcheren-vo-2026.","description":"Vaste korte naam in kleine letters, gelijk aan de bestandsnaam. Wordt het webadres /praktijken/<id>/ en verandert nooit.","type":"string","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":80,"examples":["west-brabant-po-doorbraak"]},"titel":{"title":"Titel","x-melding":"Laat de tekens < > { } [ ] weg, zoals in Doorbraaktafel Walcheren (VO).","description":"Korte titel van de praktijk, zonder de tekens < > { } [ ].","type":"string","minLength":5,"maxLength":120,"pattern":"^[^<>{}\\[\\]]+$"},"samenvatting":{"title":"Samenvatting","description":"Twee tot vijf zinnen: wat is afgesproken en wat levert het op.","type":"string","minLength":20,"maxLength":1200},"context":{"title":"Aanleiding","description":"Waarom de regio deze afspraken maakte.","type":"string","maxLength":4000},"werkwijze":{"title":"Zo werkt het","description":"Hoe de afspraken in de praktijk werken.","type":"string","maxLength":6000},"status":{"title":"Status","description":"Fase van de afspraken.","type":"string","maxLength":60,"x-codelijst":"status"},"voorbeeld":{"title":"Fictief voorbeeld","x-formulierhint":"Vink dit aan als het record een verzonnen voorbeeld is en geen echte regionale afspraak. De pagina toont dat dan duidelijk.","description":"true als dit record een verzonnen voorbeeld is en geen echte regionale afspraak. De pagina toont dat dan duidelijk.","type":"boolean"},"regio":{"title":"Regio","description":"Naam van de regio zoals de partijen die zelf gebruiken.","type":"string","minLength":2,"maxLength":120},"swv":{"title":"Samenwerkingsverbanden","x-enkelvoud":"Samenwerkingsverband","x-melding":"Schrijf PO of VO met het nummer van het samenwerkingsverband, zoals PO 27-07 of VO 25-07.","description":"Codes van de samenwerkingsverbanden, zoals PO 27-07 of VO 25-07. Ook PO2707 en PO-27-07 worden herkend en omgezet.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"praktijk-swv","x-normaliseer":"swv","items":{"type":"string","maxLength":20,"pattern":"^ *([Pp][Oo]|[Vv][Oo]) *(- *)?[0-9]{2} *(- *)?[0-9]{2} *$"}},"gemeenten":{"title":"Gemeenten","description":"Gemeenten die meedoen, als CBS-code (GM0363) of als naam; namen worden omgezet naar codes.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"praktijk-gemeenten","x-referentie":"gemeenten","x-normaliseer":"gemeente","items":{"type":"string","minLength":2,"maxLength":80}},"rmc_regio":{"title":"RMC-regio","x-melding":"Schrijf MC met twee cijfers, zoals MC19.","description":"Code van de RMC-regio, zoals MC19.","type":"string","maxLength":10,"x-referentie":"rmc-regios","pattern":"^MC[0-9]{2}$"},"onderwijssoort":{"title":"Onderwijssoort","description":"Primair (po) en/of voortgezet (vo) onderwijs.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"praktijk-onderwijssoort","x-codelijst":"onderwijssoort","items":{"type":"string","maxLength":60}},"themas":{"title":"Thema's","description":"Thema's waar deze praktijk een goed voorbeeld van is.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"praktijk-themas","x-codelijst":"themas","items":{"type":"string","maxLength":60}},"partners":{"title":"Partners","x-enkelvoud":"Partner","description":"Organisaties die de afspraken maakten, met hun rol.","type":"array","minItems":1,"x-tabel":"partners","items":{"type":"object","additionalProperties":false,"required":["organisatie","rol"],"properties":{"organisatie":{"title":"Organisatie","description":"Naam van de organisatie.","type":"string","minLength":2,"maxLength":160},"rol":{"title":"Rol","description":"Rol van de organisatie in de afspraken.","type":"string","maxLength":60,"x-codelijst":"partnerrol"}}}},"datums":{"title":"Datums","type":"object","additionalProperties":false,"required":["afgesproken"],"properties":{"afgesproken":{"title":"Afgesproken op","description":"Datum waarop de partijen de afspraken vastlegden.","type":"string","maxLength":40,"format":"date"},"in_werking":{"title":"In werking sinds","description":"Datum vanaf wanneer de afspraken gelden.","type":"string","maxLength":40,"format":"date"},"volgende_evaluatie":{"title":"Volgende evaluatie","description":"Datum waarop de partijen de afspraken evalueren.","type":"string","maxLength":40,"format":"date"}}},"vervangt":{"title":"Vervangt","x-melding":"Gebruik het kenmerk van de oude praktijk: kleine letters, cijfers en streepjes, zoals walcheren-vo-2019.","description":"Kenmerk van een eerdere praktijk die door deze wordt vervangen.","type":"string","maxLength":80,"pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","x-verwijzing":"praktijken"},"volwassenheid":{"title":"Volwassenheid","description":"Voorbeeldregio, op weg, of op zoek naar ondersteuning.","type":"string","maxLength":60,"x-codelijst":"volwassenheid","x-vergelijk":"ondersteuning-regios"},"sjabloon":{"title":"Gebruikt sjabloon","description":"Het sjabloon van deze kennisbank waarop de afspraken gebaseerd zijn.","type":"object","additionalProperties":false,"required":["id","versie"],"properties":{"id":{"title":"Sjabloon","description":"Kenmerk van het sjabloon.","type":"string","maxLength":80,"x-verwijzing":"sjablonen"},"versie":{"title":"Sjabloonversie","x-melding":"Schrijf drie getallen met punten ertussen, zoals 1.0.0.","description":"Versie van het sjabloon, zoals 1.0.0.","type":"string","maxLength":20,"pattern":"^[0-9]+\\.[0-9]+\\.[0-9]+$"}}},"geoorloofd_verzuim":{"title":"Geoorloofd verzuim","type":"object","x-thema":"geoorloofd-verzuim","additionalProperties":false,"required":["dekking","mazl"],"properties":{"dekking":{"title":"Geregeld","description":"Regelen de afspraken geoorloofd verzuim (ziekte, schorsing, vrijstellingen)?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"geoorloofd-verzuim"},"mazl":{"title":"MAZL","description":"Werkt de regio met MAZL (de jeugdarts ziet leerlingen met veel ziekmeldingen)?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"geoorloofd-verzuim"},"toelichting":{"title":"Toelichting","description":"Hoe de afspraken over geoorloofd verzuim werken.","type":"string","maxLength":3000}}},"ongeoorloofd_verzuim":{"title":"Ongeoorloofd verzuim","type":"object","x-thema":"ongeoorloofd-verzuim","additionalProperties":false,"required":["dekking"],"properties":{"dekking":{"title":"Geregeld","description":"Regelen de afspraken ongeoorloofd verzuim?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"ongeoorloofd-verzuim"},"vroegsignalering":{"title":"Melden vóór 16 uur","description":"Bespreken school en leerplicht verzuim al vóór de wettelijke meldgrens van 16 uur in 4 weken?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"ongeoorloofd-verzuim"},"toelichting":{"title":"Toelichting","description":"Hoe de afspraken over ongeoorloofd verzuim werken.","type":"string","maxLength":3000}}},"doorbraakoverleg":{"title":"Doorbraakoverleg","type":"object","x-thema":"doorbraakoverleg","additionalProperties":false,"required":["aanwezig"],"properties":{"aanwezig":{"title":"Doorbraakoverleg","description":"Is er een vast doorbraakoverleg voor vastgelopen situaties?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"doorbraakoverleg"},"leden":{"title":"Leden","description":"Rollen die aan het doorbraakoverleg deelnemen.","type":"array","uniqueItems":true,"x-tabel":"doorbraakoverleg-leden","x-codelijst":"partnerrol","x-vergelijk":"doorbraakoverleg","items":{"type":"string","maxLength":60}},"termijn_overleg_werkdagen":{"title":"Termijn overleg (werkdagen)","description":"Binnen hoeveel werkdagen na de aanmelding het doorbraakoverleg de situatie bespreekt.","type":"integer","minimum":1,"maximum":120,"x-weergave":"Overleg binnen {} werkdagen"},"termijn_besluit_werkdagen":{"title":"Termijn besluit (werkdagen)","description":"Binnen hoeveel werkdagen na de aanmelding er een besluit ligt over het aanbod voor de leerling: wie wat doet en wie wat betaalt.","type":"integer","minimum":1,"maximum":120,"x-weergave":"Besluit binnen {} werkdagen","x-vergelijk":"doorbraakoverleg"},"doorzettingsmacht":{"title":"Doorzettingsmacht","description":"Rol of rollen die de knoop doorhakken als de partijen het niet eens worden; bij een gezamenlijk besluit elke rol die meebeslist.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"doorbraakoverleg-doorzettingsmacht","x-codelijst":"partnerrol","x-vergelijk":"doorbraakoverleg","items":{"type":"string","maxLength":60}},"doorzettingsmacht_bindend":{"title":"Besluit bindend","description":"Zijn de partijen vooraf gebonden aan het besluit van wie doorzettingsmacht heeft?","type":"string","maxLength":60,"x-codelijst":"bindend"},"casusregie":{"title":"Casusregie","description":"Rol die de regie over de situatie van de leerling voert.","type":"string","maxLength":60,"x-codelijst":"partnerrol","x-vergelijk":"doorbraakoverleg"},"toelichting":{"title":"Toelichting","description":"Hoe het doorbraakoverleg werkt.","type":"string","maxLength":3000}}},"financiering":{"title":"Financiering passende plek","type":"object","x-thema":"financiering-passende-plek","additionalProperties":false,"required":["vooraf_afgesproken","model"],"properties":{"vooraf_afgesproken":{"title":"Vooraf afgesproken","description":"Hebben gemeenten en samenwerkingsverband vooraf afgesproken wie betaalt?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"financiering-passende-plek"},"model":{"title":"Model","description":"Hoe de kosten worden gedragen.","type":"string","maxLength":60,"x-codelijst":"financieringsmodel","x-vergelijk":"financiering-passende-plek"},"verdeling":{"title":"Wie betaalt wat","description":"Wie welk deel van de kosten draagt.","type":"string","maxLength":1500,"x-vergelijk":"financiering-passende-plek"},"ruimte_binnen_regels":{"title":"Ruimte binnen de regels","description":"Hoe de regio de ruimte binnen de regels benut om financiële ruimte te maken.","type":"string","maxLength":2000},"toelichting":{"title":"Toelichting","description":"Verdere uitleg over de financiering.","type":"string","maxLength":3000}}},"leerplicht":{"title":"Rol van de leerplichtambtenaar","type":"object","x-thema":"rol-leerplichtambtenaar","additionalProperties":false,"required":["preventief","adviserend"],"properties":{"preventief":{"title":"Preventief","description":"Is de leerplichtambtenaar betrokken vóórdat er een verzuimmelding is?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"rol-leerplichtambtenaar"},"adviserend":{"title":"Adviserend","description":"Adviseert de leerplichtambtenaar leerling, ouders en school, bijvoorbeeld in het zorgadviesteam?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"rol-leerplichtambtenaar"},"toelichting":{"title":"Toelichting","description":"Hoe de leerplichtambtenaar werkt.","type":"string","maxLength":3000}}},"gegevensdeling":{"title":"Gegevensdeling","type":"object","x-thema":"gegevensdeling","additionalProperties":false,"required":["avg_grondslag","convenant","privacyprotocol"],"properties":{"avg_grondslag":{"title":"Grondslag in de AVG","description":"Op welke grondslag uit artikel 6 lid 1 van de AVG de partijen gegevens delen (onder a tot en met f); meer dan één als verschillende gegevens of partijen een andere grondslag hebben.","type":"array","minItems":1,"uniqueItems":true,"x-tabel":"gegevensdeling-avg-grondslag","x-codelijst":"avg-grondslag","x-vergelijk":"gegevensdeling","items":{"type":"string","maxLength":60}},"wettelijke_grondslag":{"title":"Wettelijke bepaling","description":"De wetsartikelen waarop een grondslag onder c of e rust, zoals Leerplichtwet 1969 art. 21 en 22.","type":"string","minLength":3,"maxLength":300,"x-vergelijk":"gegevensdeling"},"convenant":{"title":"Convenant","description":"Is er een ondertekend convenant gegevensdeling?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"gegevensdeling"},"privacyprotocol":{"title":"Privacyprotocol","description":"Is er een privacyprotocol?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"gegevensdeling"},"dpia":{"title":"DPIA","description":"Is voor deze gegevensdeling een gegevensbeschermingseffectbeoordeling (DPIA) gedaan?","type":"string","maxLength":60,"x-codelijst":"dpia","x-vergelijk":"gegevensdeling"},"toelichting":{"title":"Toelichting","description":"Hoe de partijen gegevens delen, en hoe ouders en leerling betrokken worden.","type":"string","maxLength":3000}}},"jeugdhulp":{"title":"Samenwerking met jeugdhulp","type":"object","x-thema":"samenwerking-jeugdhulp","additionalProperties":false,"required":["betrokken"],"properties":{"betrokken":{"title":"Jeugdhulp betrokken","description":"Is jeugdhulp vast onderdeel van de afspraken?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"samenwerking-jeugdhulp"},"een_plan":{"title":"Eén plan","description":"Maken onderwijs en jeugdhulp één gezamenlijk plan voor de leerling?","type":"string","maxLength":60,"x-codelijst":"dekking","x-vergelijk":"samenwerking-jeugdhulp"},"toelichting":{"title":"Toelichting","description":"Hoe onderwijs en jeugdhulp samenwerken.","type":"string","maxLength":3000}}},"onderbouwing":{"title":"Onderbouwing","description":"Hoe goed is onderbouwd dat de afspraken werken? De redactie stelt het niveau vast op grond van het document dat zij beoordeelde; de niveaus staan uitgelegd op de pagina Onderbouwing.","type":"object","additionalProperties":false,"required":["niveau"],"if":{"properties":{"niveau":{"const":"beschreven"}}},"else":{"required":["document"],"properties":{"document":{"description":"Vanaf het niveau onderbouwd is het evaluatiedocument verplicht: noem titel en webadres van het document waarop het niveau berust."}}},"properties":{"niveau":{"title":"Niveau van onderbouwing","description":"Beschreven, onderbouwd, eerste aanwijzingen voor effect of goede aanwijzingen voor effect.","type":"string","maxLength":60,"x-codelijst":"onderbouwing","x-vergelijk":"ondersteuning-regios"},"document":{"title":"Evaluatiedocument","description":"Titel en webadres van het document waarop het niveau berust, zoals een evaluatierapport. Verplicht vanaf het niveau onderbouwd.","type":"string","minLength":5,"maxLength":300},"toelichting":{"title":"Toelichting van de redactie","description":"Waarom de redactie dit niveau toekende.","type":"string","maxLength":1000}}},"resultaten":{"title":"Resultaten","x-enkelvoud":"Resultaat","description":"Gemeten resultaten, elk met periode en bron. Definitie, eenheid en noemer van een indicator staan in de codelijst indicator; tabellen zetten cijfers alleen naast elkaar als indicator en periode gelijk zijn.","type":"array","x-tabel":"resultaten","items":{"type":"object","additionalProperties":false,"required":["indicator","waarde","periode","bron"],"properties":{"indicator":{"title":"Indicator","description":"Wat is gemeten; de codelijst indicator geeft de definitie, de eenheid en waarover geteld wordt.","type":"string","maxLength":60,"x-codelijst":"indicator"},"waarde":{"title":"Waarde","description":"De gemeten waarde, in de eenheid van de indicator.","type":"number"},"noemer":{"title":"Noemer","description":"Het aantal waarover geteld is, zoals het aantal leerplichtigen in de regio; nodig bij een indicator die per aantal telt (per 1.000 leerplichtigen, procent).","type":"integer","minimum":1},"periode":{"title":"Periode","x-melding":"Schrijf een schooljaar (2023-2024), een kalenderjaar (2023) of een peildatum (2024-10-01).","description":"Schooljaar (2023-2024), kalenderjaar (2023) of peildatum (2024-10-01) van de meting.","type":"string","maxLength":10,"pattern":"^(20[0-9]{2}-20[0-9]{2}|20[0-9]{2}-[01][0-9]-[0-3][0-9]|20[0-9]{2})$"},"bron":{"title":"Bron","description":"Waar de meting vandaan komt.","type":"string","minLength":3,"maxLength":300},"toelichting":{"title":"Toelichting","description":"Uitleg bij de meting.","type":"string","maxLength":1000}}}},"lessen":{"title":"Geleerde lessen","x-enkelvoud":"Les","description":"Wat andere regio's van deze aanpak kunnen leren.","type":"array","x-tabel":"lessen","items":{"type":"string","minLength":5,"maxLength":1000}},"valkuilen":{"title":"Valkuilen","x-enkelvoud":"Valkuil","description":"Waar de regio tegenaan liep.","type":"array","x-tabel":"valkuilen","items":{"type":"string","minLength":5,"maxLength":1000}},"documenten":{"title":"Documenten","x-enkelvoud":"Document","description":"Documenten bij de afspraken, als bestand in practices/bijlagen/ of als webadres.","type":"array","x-tabel":"documenten","items":{"type":"object","additionalProperties":false,"required":["titel","type"],"properties":{"titel":{"title":"Titel","description":"Titel van het document.","type":"string","minLength":3,"maxLength":200},"type":{"title":"Soort","description":"Soort document.","type":"string","maxLength":60,"x-codelijst":"documenttype"},"bestand":{"title":"Bestand","x-melding":"Gebruik letters, cijfers, punten, streepjes en liggende streepjes, zonder spaties, zoals convenant-2025.pdf.","description":"Bestandsnaam in practices/bijlagen/.","type":"string","maxLength":120,"pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"url":{"title":"Webadres","description":"Webadres dat begint met https:// of http://.","type":"string","format":"uri","maxLength":500}}}},"contact":{"title":"Contact","type":"object","additionalProperties":false,"required":["organisatie","email"],"properties":{"organisatie":{"title":"Organisatie","description":"Organisatie die vragen over deze praktijk beantwoordt.","type":"string","minLength":2,"maxLength":160},"email":{"title":"E-mailadres","description":"Functioneel e-mailadres van de organisatie (zoals leerplicht@gemeente.nl), nooit een persoonlijk adres.","type":"string","format":"email","maxLength":200}}},"licentie":{"title":"Licentie","description":"Licentie waaronder de tekst gedeeld wordt.","type":"string","maxLength":60,"x-codelijst":"licentie"},"redactie":{"title":"Redactie","type":"object","additionalProperties":false,"required":["organisatie","beoordeeld_op","volgende_beoordeling"],"properties":{"organisatie":{"title":"Redactie door","description":"Organisatie die het record beoordeelde.","type":"string","minLength":2,"maxLength":160},"beoordeeld_op":{"title":"Laatst beoordeeld","description":"Datum van de laatste inhoudelijke controle.","type":"string","maxLength":40,"format":"date"},"volgende_beoordeling":{"title":"Volgende beoordeling","description":"Datum waarop het record opnieuw gecontroleerd moet zijn.","type":"string","maxLength":40,"format":"date"}}}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$", "u");
const pattern1 = new RegExp("^[^<>{}\\[\\]]+$", "u");
const pattern2 = new RegExp("^ *([Pp][Oo]|[Vv][Oo]) *(- *)?[0-9]{2} *(- *)?[0-9]{2} *$", "u");
const pattern3 = new RegExp("^MC[0-9]{2}$", "u");
const pattern5 = new RegExp("^[0-9]+\\.[0-9]+\\.[0-9]+$", "u");
const pattern6 = new RegExp("^(20[0-9]{2}-20[0-9]{2}|20[0-9]{2}-[01][0-9]-[0-3][0-9]|20[0-9]{2})$", "u");
const pattern7 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
const formats0 = /^\d{4}-\d{2}-\d{2}$/;
const formats6 = /^[\s\S]*$/;
const formats8 = /@/;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://kennisbank.ingrado.nl/schema/praktijk.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.titel === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "titel"},message:"must have required property '"+"titel"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.samenvatting === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "samenvatting"},message:"must have required property '"+"samenvatting"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.status === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.voorbeeld === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "voorbeeld"},message:"must have required property '"+"voorbeeld"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.regio === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "regio"},message:"must have required property '"+"regio"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.swv === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "swv"},message:"must have required property '"+"swv"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.gemeenten === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gemeenten"},message:"must have required property '"+"gemeenten"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.rmc_regio === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rmc_regio"},message:"must have required property '"+"rmc_regio"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.onderwijssoort === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "onderwijssoort"},message:"must have required property '"+"onderwijssoort"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.themas === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "themas"},message:"must have required property '"+"themas"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.partners === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partners"},message:"must have required property '"+"partners"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.datums === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "datums"},message:"must have required property '"+"datums"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.volwassenheid === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "volwassenheid"},message:"must have required property '"+"volwassenheid"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.geoorloofd_verzuim === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "geoorloofd_verzuim"},message:"must have required property '"+"geoorloofd_verzuim"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.ongeoorloofd_verzuim === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ongeoorloofd_verzuim"},message:"must have required property '"+"ongeoorloofd_verzuim"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.doorbraakoverleg === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "doorbraakoverleg"},message:"must have required property '"+"doorbraakoverleg"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.financiering === undefined){
const err17 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "financiering"},message:"must have required property '"+"financiering"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.leerplicht === undefined){
const err18 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "leerplicht"},message:"must have required property '"+"leerplicht"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data.gegevensdeling === undefined){
const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gegevensdeling"},message:"must have required property '"+"gegevensdeling"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data.jeugdhulp === undefined){
const err20 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "jeugdhulp"},message:"must have required property '"+"jeugdhulp"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.contact === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "contact"},message:"must have required property '"+"contact"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data.licentie === undefined){
const err22 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "licentie"},message:"must have required property '"+"licentie"+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.redactie === undefined){
const err23 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "redactie"},message:"must have required property '"+"redactie"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data.onderbouwing === undefined){
const err24 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "onderbouwing"},message:"must have required property '"+"onderbouwing"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err25 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err26 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!pattern0.test(data0)){
const err27 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.titel !== undefined){
let data1 = data.titel;
if(typeof data1 === "string"){
if(func3(data1) > 120){
const err29 = {instancePath:instancePath+"/titel",schemaPath:"#/properties/titel/maxLength",keyword:"maxLength",params:{limit: 120},message:"must NOT have more than 120 characters"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(func3(data1) < 5){
const err30 = {instancePath:instancePath+"/titel",schemaPath:"#/properties/titel/minLength",keyword:"minLength",params:{limit: 5},message:"must NOT have fewer than 5 characters"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!pattern1.test(data1)){
const err31 = {instancePath:instancePath+"/titel",schemaPath:"#/properties/titel/pattern",keyword:"pattern",params:{pattern: "^[^<>{}\\[\\]]+$"},message:"must match pattern \""+"^[^<>{}\\[\\]]+$"+"\""};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/titel",schemaPath:"#/properties/titel/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.samenvatting !== undefined){
let data2 = data.samenvatting;
if(typeof data2 === "string"){
if(func3(data2) > 1200){
const err33 = {instancePath:instancePath+"/samenvatting",schemaPath:"#/properties/samenvatting/maxLength",keyword:"maxLength",params:{limit: 1200},message:"must NOT have more than 1200 characters"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(func3(data2) < 20){
const err34 = {instancePath:instancePath+"/samenvatting",schemaPath:"#/properties/samenvatting/minLength",keyword:"minLength",params:{limit: 20},message:"must NOT have fewer than 20 characters"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/samenvatting",schemaPath:"#/properties/samenvatting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.context !== undefined){
let data3 = data.context;
if(typeof data3 === "string"){
if(func3(data3) > 4000){
const err36 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/maxLength",keyword:"maxLength",params:{limit: 4000},message:"must NOT have more than 4000 characters"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.werkwijze !== undefined){
let data4 = data.werkwijze;
if(typeof data4 === "string"){
if(func3(data4) > 6000){
const err38 = {instancePath:instancePath+"/werkwijze",schemaPath:"#/properties/werkwijze/maxLength",keyword:"maxLength",params:{limit: 6000},message:"must NOT have more than 6000 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/werkwijze",schemaPath:"#/properties/werkwijze/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.status !== undefined){
let data5 = data.status;
if(typeof data5 === "string"){
if(func3(data5) > 60){
const err40 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.voorbeeld !== undefined){
if(typeof data.voorbeeld !== "boolean"){
const err42 = {instancePath:instancePath+"/voorbeeld",schemaPath:"#/properties/voorbeeld/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.regio !== undefined){
let data7 = data.regio;
if(typeof data7 === "string"){
if(func3(data7) > 120){
const err43 = {instancePath:instancePath+"/regio",schemaPath:"#/properties/regio/maxLength",keyword:"maxLength",params:{limit: 120},message:"must NOT have more than 120 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(func3(data7) < 2){
const err44 = {instancePath:instancePath+"/regio",schemaPath:"#/properties/regio/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/regio",schemaPath:"#/properties/regio/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.swv !== undefined){
let data8 = data.swv;
if(Array.isArray(data8)){
if(data8.length < 1){
const err46 = {instancePath:instancePath+"/swv",schemaPath:"#/properties/swv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 === "string"){
if(func3(data9) > 20){
const err47 = {instancePath:instancePath+"/swv/" + i0,schemaPath:"#/properties/swv/items/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(!pattern2.test(data9)){
const err48 = {instancePath:instancePath+"/swv/" + i0,schemaPath:"#/properties/swv/items/pattern",keyword:"pattern",params:{pattern: "^ *([Pp][Oo]|[Vv][Oo]) *(- *)?[0-9]{2} *(- *)?[0-9]{2} *$"},message:"must match pattern \""+"^ *([Pp][Oo]|[Vv][Oo]) *(- *)?[0-9]{2} *(- *)?[0-9]{2} *$"+"\""};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/swv/" + i0,schemaPath:"#/properties/swv/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
let i1 = data8.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data8[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err50 = {instancePath:instancePath+"/swv",schemaPath:"#/properties/swv/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err51 = {instancePath:instancePath+"/swv",schemaPath:"#/properties/swv/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.gemeenten !== undefined){
let data10 = data.gemeenten;
if(Array.isArray(data10)){
if(data10.length < 1){
const err52 = {instancePath:instancePath+"/gemeenten",schemaPath:"#/properties/gemeenten/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
const len1 = data10.length;
for(let i2=0; i2<len1; i2++){
let data11 = data10[i2];
if(typeof data11 === "string"){
if(func3(data11) > 80){
const err53 = {instancePath:instancePath+"/gemeenten/" + i2,schemaPath:"#/properties/gemeenten/items/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(func3(data11) < 2){
const err54 = {instancePath:instancePath+"/gemeenten/" + i2,schemaPath:"#/properties/gemeenten/items/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/gemeenten/" + i2,schemaPath:"#/properties/gemeenten/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
let i3 = data10.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data10[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err56 = {instancePath:instancePath+"/gemeenten",schemaPath:"#/properties/gemeenten/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err57 = {instancePath:instancePath+"/gemeenten",schemaPath:"#/properties/gemeenten/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data.rmc_regio !== undefined){
let data12 = data.rmc_regio;
if(typeof data12 === "string"){
if(func3(data12) > 10){
const err58 = {instancePath:instancePath+"/rmc_regio",schemaPath:"#/properties/rmc_regio/maxLength",keyword:"maxLength",params:{limit: 10},message:"must NOT have more than 10 characters"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(!pattern3.test(data12)){
const err59 = {instancePath:instancePath+"/rmc_regio",schemaPath:"#/properties/rmc_regio/pattern",keyword:"pattern",params:{pattern: "^MC[0-9]{2}$"},message:"must match pattern \""+"^MC[0-9]{2}$"+"\""};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/rmc_regio",schemaPath:"#/properties/rmc_regio/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data.onderwijssoort !== undefined){
let data13 = data.onderwijssoort;
if(Array.isArray(data13)){
if(data13.length < 1){
const err61 = {instancePath:instancePath+"/onderwijssoort",schemaPath:"#/properties/onderwijssoort/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
const len2 = data13.length;
for(let i4=0; i4<len2; i4++){
let data14 = data13[i4];
if(typeof data14 === "string"){
if(func3(data14) > 60){
const err62 = {instancePath:instancePath+"/onderwijssoort/" + i4,schemaPath:"#/properties/onderwijssoort/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/onderwijssoort/" + i4,schemaPath:"#/properties/onderwijssoort/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
let i5 = data13.length;
let j2;
if(i5 > 1){
const indices2 = {};
for(;i5--;){
let item2 = data13[i5];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err64 = {instancePath:instancePath+"/onderwijssoort",schemaPath:"#/properties/onderwijssoort/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i5+" are identical)"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
break;
}
indices2[item2] = i5;
}
}
}
else {
const err65 = {instancePath:instancePath+"/onderwijssoort",schemaPath:"#/properties/onderwijssoort/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.themas !== undefined){
let data15 = data.themas;
if(Array.isArray(data15)){
if(data15.length < 1){
const err66 = {instancePath:instancePath+"/themas",schemaPath:"#/properties/themas/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
const len3 = data15.length;
for(let i6=0; i6<len3; i6++){
let data16 = data15[i6];
if(typeof data16 === "string"){
if(func3(data16) > 60){
const err67 = {instancePath:instancePath+"/themas/" + i6,schemaPath:"#/properties/themas/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/themas/" + i6,schemaPath:"#/properties/themas/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
let i7 = data15.length;
let j3;
if(i7 > 1){
const indices3 = {};
for(;i7--;){
let item3 = data15[i7];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err69 = {instancePath:instancePath+"/themas",schemaPath:"#/properties/themas/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i7+" are identical)"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
break;
}
indices3[item3] = i7;
}
}
}
else {
const err70 = {instancePath:instancePath+"/themas",schemaPath:"#/properties/themas/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data.partners !== undefined){
let data17 = data.partners;
if(Array.isArray(data17)){
if(data17.length < 1){
const err71 = {instancePath:instancePath+"/partners",schemaPath:"#/properties/partners/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
const len4 = data17.length;
for(let i8=0; i8<len4; i8++){
let data18 = data17[i8];
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.organisatie === undefined){
const err72 = {instancePath:instancePath+"/partners/" + i8,schemaPath:"#/properties/partners/items/required",keyword:"required",params:{missingProperty: "organisatie"},message:"must have required property '"+"organisatie"+"'"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data18.rol === undefined){
const err73 = {instancePath:instancePath+"/partners/" + i8,schemaPath:"#/properties/partners/items/required",keyword:"required",params:{missingProperty: "rol"},message:"must have required property '"+"rol"+"'"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
for(const key1 in data18){
if(!((key1 === "organisatie") || (key1 === "rol"))){
const err74 = {instancePath:instancePath+"/partners/" + i8,schemaPath:"#/properties/partners/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data18.organisatie !== undefined){
let data19 = data18.organisatie;
if(typeof data19 === "string"){
if(func3(data19) > 160){
const err75 = {instancePath:instancePath+"/partners/" + i8+"/organisatie",schemaPath:"#/properties/partners/items/properties/organisatie/maxLength",keyword:"maxLength",params:{limit: 160},message:"must NOT have more than 160 characters"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(func3(data19) < 2){
const err76 = {instancePath:instancePath+"/partners/" + i8+"/organisatie",schemaPath:"#/properties/partners/items/properties/organisatie/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/partners/" + i8+"/organisatie",schemaPath:"#/properties/partners/items/properties/organisatie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data18.rol !== undefined){
let data20 = data18.rol;
if(typeof data20 === "string"){
if(func3(data20) > 60){
const err78 = {instancePath:instancePath+"/partners/" + i8+"/rol",schemaPath:"#/properties/partners/items/properties/rol/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/partners/" + i8+"/rol",schemaPath:"#/properties/partners/items/properties/rol/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/partners/" + i8,schemaPath:"#/properties/partners/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath:instancePath+"/partners",schemaPath:"#/properties/partners/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data.datums !== undefined){
let data21 = data.datums;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.afgesproken === undefined){
const err82 = {instancePath:instancePath+"/datums",schemaPath:"#/properties/datums/required",keyword:"required",params:{missingProperty: "afgesproken"},message:"must have required property '"+"afgesproken"+"'"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key2 in data21){
if(!(((key2 === "afgesproken") || (key2 === "in_werking")) || (key2 === "volgende_evaluatie"))){
const err83 = {instancePath:instancePath+"/datums",schemaPath:"#/properties/datums/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data21.afgesproken !== undefined){
let data22 = data21.afgesproken;
if(typeof data22 === "string"){
if(func3(data22) > 40){
const err84 = {instancePath:instancePath+"/datums/afgesproken",schemaPath:"#/properties/datums/properties/afgesproken/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(!(formats0.test(data22))){
const err85 = {instancePath:instancePath+"/datums/afgesproken",schemaPath:"#/properties/datums/properties/afgesproken/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/datums/afgesproken",schemaPath:"#/properties/datums/properties/afgesproken/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data21.in_werking !== undefined){
let data23 = data21.in_werking;
if(typeof data23 === "string"){
if(func3(data23) > 40){
const err87 = {instancePath:instancePath+"/datums/in_werking",schemaPath:"#/properties/datums/properties/in_werking/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if(!(formats0.test(data23))){
const err88 = {instancePath:instancePath+"/datums/in_werking",schemaPath:"#/properties/datums/properties/in_werking/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/datums/in_werking",schemaPath:"#/properties/datums/properties/in_werking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data21.volgende_evaluatie !== undefined){
let data24 = data21.volgende_evaluatie;
if(typeof data24 === "string"){
if(func3(data24) > 40){
const err90 = {instancePath:instancePath+"/datums/volgende_evaluatie",schemaPath:"#/properties/datums/properties/volgende_evaluatie/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!(formats0.test(data24))){
const err91 = {instancePath:instancePath+"/datums/volgende_evaluatie",schemaPath:"#/properties/datums/properties/volgende_evaluatie/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/datums/volgende_evaluatie",schemaPath:"#/properties/datums/properties/volgende_evaluatie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath:instancePath+"/datums",schemaPath:"#/properties/datums/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data.vervangt !== undefined){
let data25 = data.vervangt;
if(typeof data25 === "string"){
if(func3(data25) > 80){
const err94 = {instancePath:instancePath+"/vervangt",schemaPath:"#/properties/vervangt/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(!pattern0.test(data25)){
const err95 = {instancePath:instancePath+"/vervangt",schemaPath:"#/properties/vervangt/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/vervangt",schemaPath:"#/properties/vervangt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data.volwassenheid !== undefined){
let data26 = data.volwassenheid;
if(typeof data26 === "string"){
if(func3(data26) > 60){
const err97 = {instancePath:instancePath+"/volwassenheid",schemaPath:"#/properties/volwassenheid/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/volwassenheid",schemaPath:"#/properties/volwassenheid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data.sjabloon !== undefined){
let data27 = data.sjabloon;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.id === undefined){
const err99 = {instancePath:instancePath+"/sjabloon",schemaPath:"#/properties/sjabloon/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if(data27.versie === undefined){
const err100 = {instancePath:instancePath+"/sjabloon",schemaPath:"#/properties/sjabloon/required",keyword:"required",params:{missingProperty: "versie"},message:"must have required property '"+"versie"+"'"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
for(const key3 in data27){
if(!((key3 === "id") || (key3 === "versie"))){
const err101 = {instancePath:instancePath+"/sjabloon",schemaPath:"#/properties/sjabloon/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data27.id !== undefined){
let data28 = data27.id;
if(typeof data28 === "string"){
if(func3(data28) > 80){
const err102 = {instancePath:instancePath+"/sjabloon/id",schemaPath:"#/properties/sjabloon/properties/id/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
else {
const err103 = {instancePath:instancePath+"/sjabloon/id",schemaPath:"#/properties/sjabloon/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data27.versie !== undefined){
let data29 = data27.versie;
if(typeof data29 === "string"){
if(func3(data29) > 20){
const err104 = {instancePath:instancePath+"/sjabloon/versie",schemaPath:"#/properties/sjabloon/properties/versie/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(!pattern5.test(data29)){
const err105 = {instancePath:instancePath+"/sjabloon/versie",schemaPath:"#/properties/sjabloon/properties/versie/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+\\.[0-9]+$"+"\""};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
else {
const err106 = {instancePath:instancePath+"/sjabloon/versie",schemaPath:"#/properties/sjabloon/properties/versie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/sjabloon",schemaPath:"#/properties/sjabloon/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data.geoorloofd_verzuim !== undefined){
let data30 = data.geoorloofd_verzuim;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.dekking === undefined){
const err108 = {instancePath:instancePath+"/geoorloofd_verzuim",schemaPath:"#/properties/geoorloofd_verzuim/required",keyword:"required",params:{missingProperty: "dekking"},message:"must have required property '"+"dekking"+"'"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
if(data30.mazl === undefined){
const err109 = {instancePath:instancePath+"/geoorloofd_verzuim",schemaPath:"#/properties/geoorloofd_verzuim/required",keyword:"required",params:{missingProperty: "mazl"},message:"must have required property '"+"mazl"+"'"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
for(const key4 in data30){
if(!(((key4 === "dekking") || (key4 === "mazl")) || (key4 === "toelichting"))){
const err110 = {instancePath:instancePath+"/geoorloofd_verzuim",schemaPath:"#/properties/geoorloofd_verzuim/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data30.dekking !== undefined){
let data31 = data30.dekking;
if(typeof data31 === "string"){
if(func3(data31) > 60){
const err111 = {instancePath:instancePath+"/geoorloofd_verzuim/dekking",schemaPath:"#/properties/geoorloofd_verzuim/properties/dekking/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
else {
const err112 = {instancePath:instancePath+"/geoorloofd_verzuim/dekking",schemaPath:"#/properties/geoorloofd_verzuim/properties/dekking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data30.mazl !== undefined){
let data32 = data30.mazl;
if(typeof data32 === "string"){
if(func3(data32) > 60){
const err113 = {instancePath:instancePath+"/geoorloofd_verzuim/mazl",schemaPath:"#/properties/geoorloofd_verzuim/properties/mazl/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
else {
const err114 = {instancePath:instancePath+"/geoorloofd_verzuim/mazl",schemaPath:"#/properties/geoorloofd_verzuim/properties/mazl/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data30.toelichting !== undefined){
let data33 = data30.toelichting;
if(typeof data33 === "string"){
if(func3(data33) > 3000){
const err115 = {instancePath:instancePath+"/geoorloofd_verzuim/toelichting",schemaPath:"#/properties/geoorloofd_verzuim/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
else {
const err116 = {instancePath:instancePath+"/geoorloofd_verzuim/toelichting",schemaPath:"#/properties/geoorloofd_verzuim/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
}
else {
const err117 = {instancePath:instancePath+"/geoorloofd_verzuim",schemaPath:"#/properties/geoorloofd_verzuim/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data.ongeoorloofd_verzuim !== undefined){
let data34 = data.ongeoorloofd_verzuim;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.dekking === undefined){
const err118 = {instancePath:instancePath+"/ongeoorloofd_verzuim",schemaPath:"#/properties/ongeoorloofd_verzuim/required",keyword:"required",params:{missingProperty: "dekking"},message:"must have required property '"+"dekking"+"'"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
for(const key5 in data34){
if(!(((key5 === "dekking") || (key5 === "vroegsignalering")) || (key5 === "toelichting"))){
const err119 = {instancePath:instancePath+"/ongeoorloofd_verzuim",schemaPath:"#/properties/ongeoorloofd_verzuim/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data34.dekking !== undefined){
let data35 = data34.dekking;
if(typeof data35 === "string"){
if(func3(data35) > 60){
const err120 = {instancePath:instancePath+"/ongeoorloofd_verzuim/dekking",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/dekking/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
else {
const err121 = {instancePath:instancePath+"/ongeoorloofd_verzuim/dekking",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/dekking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data34.vroegsignalering !== undefined){
let data36 = data34.vroegsignalering;
if(typeof data36 === "string"){
if(func3(data36) > 60){
const err122 = {instancePath:instancePath+"/ongeoorloofd_verzuim/vroegsignalering",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/vroegsignalering/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
else {
const err123 = {instancePath:instancePath+"/ongeoorloofd_verzuim/vroegsignalering",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/vroegsignalering/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data34.toelichting !== undefined){
let data37 = data34.toelichting;
if(typeof data37 === "string"){
if(func3(data37) > 3000){
const err124 = {instancePath:instancePath+"/ongeoorloofd_verzuim/toelichting",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
else {
const err125 = {instancePath:instancePath+"/ongeoorloofd_verzuim/toelichting",schemaPath:"#/properties/ongeoorloofd_verzuim/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
else {
const err126 = {instancePath:instancePath+"/ongeoorloofd_verzuim",schemaPath:"#/properties/ongeoorloofd_verzuim/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data.doorbraakoverleg !== undefined){
let data38 = data.doorbraakoverleg;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.aanwezig === undefined){
const err127 = {instancePath:instancePath+"/doorbraakoverleg",schemaPath:"#/properties/doorbraakoverleg/required",keyword:"required",params:{missingProperty: "aanwezig"},message:"must have required property '"+"aanwezig"+"'"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
for(const key6 in data38){
if(!((((((((key6 === "aanwezig") || (key6 === "leden")) || (key6 === "termijn_overleg_werkdagen")) || (key6 === "termijn_besluit_werkdagen")) || (key6 === "doorzettingsmacht")) || (key6 === "doorzettingsmacht_bindend")) || (key6 === "casusregie")) || (key6 === "toelichting"))){
const err128 = {instancePath:instancePath+"/doorbraakoverleg",schemaPath:"#/properties/doorbraakoverleg/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
if(data38.aanwezig !== undefined){
let data39 = data38.aanwezig;
if(typeof data39 === "string"){
if(func3(data39) > 60){
const err129 = {instancePath:instancePath+"/doorbraakoverleg/aanwezig",schemaPath:"#/properties/doorbraakoverleg/properties/aanwezig/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
else {
const err130 = {instancePath:instancePath+"/doorbraakoverleg/aanwezig",schemaPath:"#/properties/doorbraakoverleg/properties/aanwezig/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
if(data38.leden !== undefined){
let data40 = data38.leden;
if(Array.isArray(data40)){
const len5 = data40.length;
for(let i9=0; i9<len5; i9++){
let data41 = data40[i9];
if(typeof data41 === "string"){
if(func3(data41) > 60){
const err131 = {instancePath:instancePath+"/doorbraakoverleg/leden/" + i9,schemaPath:"#/properties/doorbraakoverleg/properties/leden/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
else {
const err132 = {instancePath:instancePath+"/doorbraakoverleg/leden/" + i9,schemaPath:"#/properties/doorbraakoverleg/properties/leden/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
let i10 = data40.length;
let j4;
if(i10 > 1){
const indices4 = {};
for(;i10--;){
let item4 = data40[i10];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err133 = {instancePath:instancePath+"/doorbraakoverleg/leden",schemaPath:"#/properties/doorbraakoverleg/properties/leden/uniqueItems",keyword:"uniqueItems",params:{i: i10, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i10+" are identical)"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
break;
}
indices4[item4] = i10;
}
}
}
else {
const err134 = {instancePath:instancePath+"/doorbraakoverleg/leden",schemaPath:"#/properties/doorbraakoverleg/properties/leden/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data38.termijn_overleg_werkdagen !== undefined){
let data42 = data38.termijn_overleg_werkdagen;
if(!((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42)))){
const err135 = {instancePath:instancePath+"/doorbraakoverleg/termijn_overleg_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_overleg_werkdagen/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(typeof data42 == "number"){
if(data42 > 120 || isNaN(data42)){
const err136 = {instancePath:instancePath+"/doorbraakoverleg/termijn_overleg_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_overleg_werkdagen/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120},message:"must be <= 120"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
if(data42 < 1 || isNaN(data42)){
const err137 = {instancePath:instancePath+"/doorbraakoverleg/termijn_overleg_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_overleg_werkdagen/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
if(data38.termijn_besluit_werkdagen !== undefined){
let data43 = data38.termijn_besluit_werkdagen;
if(!((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43)))){
const err138 = {instancePath:instancePath+"/doorbraakoverleg/termijn_besluit_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_besluit_werkdagen/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
if(typeof data43 == "number"){
if(data43 > 120 || isNaN(data43)){
const err139 = {instancePath:instancePath+"/doorbraakoverleg/termijn_besluit_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_besluit_werkdagen/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120},message:"must be <= 120"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
if(data43 < 1 || isNaN(data43)){
const err140 = {instancePath:instancePath+"/doorbraakoverleg/termijn_besluit_werkdagen",schemaPath:"#/properties/doorbraakoverleg/properties/termijn_besluit_werkdagen/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
}
if(data38.doorzettingsmacht !== undefined){
let data44 = data38.doorzettingsmacht;
if(Array.isArray(data44)){
if(data44.length < 1){
const err141 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht",schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
const len6 = data44.length;
for(let i11=0; i11<len6; i11++){
let data45 = data44[i11];
if(typeof data45 === "string"){
if(func3(data45) > 60){
const err142 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht/" + i11,schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht/" + i11,schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
let i12 = data44.length;
let j5;
if(i12 > 1){
const indices5 = {};
for(;i12--;){
let item5 = data44[i12];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err144 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht",schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht/uniqueItems",keyword:"uniqueItems",params:{i: i12, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i12+" are identical)"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
break;
}
indices5[item5] = i12;
}
}
}
else {
const err145 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht",schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data38.doorzettingsmacht_bindend !== undefined){
let data46 = data38.doorzettingsmacht_bindend;
if(typeof data46 === "string"){
if(func3(data46) > 60){
const err146 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht_bindend",schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht_bindend/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
else {
const err147 = {instancePath:instancePath+"/doorbraakoverleg/doorzettingsmacht_bindend",schemaPath:"#/properties/doorbraakoverleg/properties/doorzettingsmacht_bindend/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data38.casusregie !== undefined){
let data47 = data38.casusregie;
if(typeof data47 === "string"){
if(func3(data47) > 60){
const err148 = {instancePath:instancePath+"/doorbraakoverleg/casusregie",schemaPath:"#/properties/doorbraakoverleg/properties/casusregie/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
else {
const err149 = {instancePath:instancePath+"/doorbraakoverleg/casusregie",schemaPath:"#/properties/doorbraakoverleg/properties/casusregie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
if(data38.toelichting !== undefined){
let data48 = data38.toelichting;
if(typeof data48 === "string"){
if(func3(data48) > 3000){
const err150 = {instancePath:instancePath+"/doorbraakoverleg/toelichting",schemaPath:"#/properties/doorbraakoverleg/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
else {
const err151 = {instancePath:instancePath+"/doorbraakoverleg/toelichting",schemaPath:"#/properties/doorbraakoverleg/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
}
else {
const err152 = {instancePath:instancePath+"/doorbraakoverleg",schemaPath:"#/properties/doorbraakoverleg/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data.financiering !== undefined){
let data49 = data.financiering;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(data49.vooraf_afgesproken === undefined){
const err153 = {instancePath:instancePath+"/financiering",schemaPath:"#/properties/financiering/required",keyword:"required",params:{missingProperty: "vooraf_afgesproken"},message:"must have required property '"+"vooraf_afgesproken"+"'"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
if(data49.model === undefined){
const err154 = {instancePath:instancePath+"/financiering",schemaPath:"#/properties/financiering/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
for(const key7 in data49){
if(!(((((key7 === "vooraf_afgesproken") || (key7 === "model")) || (key7 === "verdeling")) || (key7 === "ruimte_binnen_regels")) || (key7 === "toelichting"))){
const err155 = {instancePath:instancePath+"/financiering",schemaPath:"#/properties/financiering/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
if(data49.vooraf_afgesproken !== undefined){
let data50 = data49.vooraf_afgesproken;
if(typeof data50 === "string"){
if(func3(data50) > 60){
const err156 = {instancePath:instancePath+"/financiering/vooraf_afgesproken",schemaPath:"#/properties/financiering/properties/vooraf_afgesproken/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
else {
const err157 = {instancePath:instancePath+"/financiering/vooraf_afgesproken",schemaPath:"#/properties/financiering/properties/vooraf_afgesproken/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data49.model !== undefined){
let data51 = data49.model;
if(typeof data51 === "string"){
if(func3(data51) > 60){
const err158 = {instancePath:instancePath+"/financiering/model",schemaPath:"#/properties/financiering/properties/model/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
else {
const err159 = {instancePath:instancePath+"/financiering/model",schemaPath:"#/properties/financiering/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data49.verdeling !== undefined){
let data52 = data49.verdeling;
if(typeof data52 === "string"){
if(func3(data52) > 1500){
const err160 = {instancePath:instancePath+"/financiering/verdeling",schemaPath:"#/properties/financiering/properties/verdeling/maxLength",keyword:"maxLength",params:{limit: 1500},message:"must NOT have more than 1500 characters"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
else {
const err161 = {instancePath:instancePath+"/financiering/verdeling",schemaPath:"#/properties/financiering/properties/verdeling/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
if(data49.ruimte_binnen_regels !== undefined){
let data53 = data49.ruimte_binnen_regels;
if(typeof data53 === "string"){
if(func3(data53) > 2000){
const err162 = {instancePath:instancePath+"/financiering/ruimte_binnen_regels",schemaPath:"#/properties/financiering/properties/ruimte_binnen_regels/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
else {
const err163 = {instancePath:instancePath+"/financiering/ruimte_binnen_regels",schemaPath:"#/properties/financiering/properties/ruimte_binnen_regels/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
if(data49.toelichting !== undefined){
let data54 = data49.toelichting;
if(typeof data54 === "string"){
if(func3(data54) > 3000){
const err164 = {instancePath:instancePath+"/financiering/toelichting",schemaPath:"#/properties/financiering/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
else {
const err165 = {instancePath:instancePath+"/financiering/toelichting",schemaPath:"#/properties/financiering/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
}
else {
const err166 = {instancePath:instancePath+"/financiering",schemaPath:"#/properties/financiering/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
if(data.leerplicht !== undefined){
let data55 = data.leerplicht;
if(data55 && typeof data55 == "object" && !Array.isArray(data55)){
if(data55.preventief === undefined){
const err167 = {instancePath:instancePath+"/leerplicht",schemaPath:"#/properties/leerplicht/required",keyword:"required",params:{missingProperty: "preventief"},message:"must have required property '"+"preventief"+"'"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
if(data55.adviserend === undefined){
const err168 = {instancePath:instancePath+"/leerplicht",schemaPath:"#/properties/leerplicht/required",keyword:"required",params:{missingProperty: "adviserend"},message:"must have required property '"+"adviserend"+"'"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
for(const key8 in data55){
if(!(((key8 === "preventief") || (key8 === "adviserend")) || (key8 === "toelichting"))){
const err169 = {instancePath:instancePath+"/leerplicht",schemaPath:"#/properties/leerplicht/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data55.preventief !== undefined){
let data56 = data55.preventief;
if(typeof data56 === "string"){
if(func3(data56) > 60){
const err170 = {instancePath:instancePath+"/leerplicht/preventief",schemaPath:"#/properties/leerplicht/properties/preventief/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
else {
const err171 = {instancePath:instancePath+"/leerplicht/preventief",schemaPath:"#/properties/leerplicht/properties/preventief/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data55.adviserend !== undefined){
let data57 = data55.adviserend;
if(typeof data57 === "string"){
if(func3(data57) > 60){
const err172 = {instancePath:instancePath+"/leerplicht/adviserend",schemaPath:"#/properties/leerplicht/properties/adviserend/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
else {
const err173 = {instancePath:instancePath+"/leerplicht/adviserend",schemaPath:"#/properties/leerplicht/properties/adviserend/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
if(data55.toelichting !== undefined){
let data58 = data55.toelichting;
if(typeof data58 === "string"){
if(func3(data58) > 3000){
const err174 = {instancePath:instancePath+"/leerplicht/toelichting",schemaPath:"#/properties/leerplicht/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
else {
const err175 = {instancePath:instancePath+"/leerplicht/toelichting",schemaPath:"#/properties/leerplicht/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
}
else {
const err176 = {instancePath:instancePath+"/leerplicht",schemaPath:"#/properties/leerplicht/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data.gegevensdeling !== undefined){
let data59 = data.gegevensdeling;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
if(data59.avg_grondslag === undefined){
const err177 = {instancePath:instancePath+"/gegevensdeling",schemaPath:"#/properties/gegevensdeling/required",keyword:"required",params:{missingProperty: "avg_grondslag"},message:"must have required property '"+"avg_grondslag"+"'"};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
if(data59.convenant === undefined){
const err178 = {instancePath:instancePath+"/gegevensdeling",schemaPath:"#/properties/gegevensdeling/required",keyword:"required",params:{missingProperty: "convenant"},message:"must have required property '"+"convenant"+"'"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
if(data59.privacyprotocol === undefined){
const err179 = {instancePath:instancePath+"/gegevensdeling",schemaPath:"#/properties/gegevensdeling/required",keyword:"required",params:{missingProperty: "privacyprotocol"},message:"must have required property '"+"privacyprotocol"+"'"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
for(const key9 in data59){
if(!((((((key9 === "avg_grondslag") || (key9 === "wettelijke_grondslag")) || (key9 === "convenant")) || (key9 === "privacyprotocol")) || (key9 === "dpia")) || (key9 === "toelichting"))){
const err180 = {instancePath:instancePath+"/gegevensdeling",schemaPath:"#/properties/gegevensdeling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data59.avg_grondslag !== undefined){
let data60 = data59.avg_grondslag;
if(Array.isArray(data60)){
if(data60.length < 1){
const err181 = {instancePath:instancePath+"/gegevensdeling/avg_grondslag",schemaPath:"#/properties/gegevensdeling/properties/avg_grondslag/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
const len7 = data60.length;
for(let i13=0; i13<len7; i13++){
let data61 = data60[i13];
if(typeof data61 === "string"){
if(func3(data61) > 60){
const err182 = {instancePath:instancePath+"/gegevensdeling/avg_grondslag/" + i13,schemaPath:"#/properties/gegevensdeling/properties/avg_grondslag/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
else {
const err183 = {instancePath:instancePath+"/gegevensdeling/avg_grondslag/" + i13,schemaPath:"#/properties/gegevensdeling/properties/avg_grondslag/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
let i14 = data60.length;
let j6;
if(i14 > 1){
const indices6 = {};
for(;i14--;){
let item6 = data60[i14];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err184 = {instancePath:instancePath+"/gegevensdeling/avg_grondslag",schemaPath:"#/properties/gegevensdeling/properties/avg_grondslag/uniqueItems",keyword:"uniqueItems",params:{i: i14, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i14+" are identical)"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
break;
}
indices6[item6] = i14;
}
}
}
else {
const err185 = {instancePath:instancePath+"/gegevensdeling/avg_grondslag",schemaPath:"#/properties/gegevensdeling/properties/avg_grondslag/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data59.wettelijke_grondslag !== undefined){
let data62 = data59.wettelijke_grondslag;
if(typeof data62 === "string"){
if(func3(data62) > 300){
const err186 = {instancePath:instancePath+"/gegevensdeling/wettelijke_grondslag",schemaPath:"#/properties/gegevensdeling/properties/wettelijke_grondslag/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if(func3(data62) < 3){
const err187 = {instancePath:instancePath+"/gegevensdeling/wettelijke_grondslag",schemaPath:"#/properties/gegevensdeling/properties/wettelijke_grondslag/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
else {
const err188 = {instancePath:instancePath+"/gegevensdeling/wettelijke_grondslag",schemaPath:"#/properties/gegevensdeling/properties/wettelijke_grondslag/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
if(data59.convenant !== undefined){
let data63 = data59.convenant;
if(typeof data63 === "string"){
if(func3(data63) > 60){
const err189 = {instancePath:instancePath+"/gegevensdeling/convenant",schemaPath:"#/properties/gegevensdeling/properties/convenant/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
else {
const err190 = {instancePath:instancePath+"/gegevensdeling/convenant",schemaPath:"#/properties/gegevensdeling/properties/convenant/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data59.privacyprotocol !== undefined){
let data64 = data59.privacyprotocol;
if(typeof data64 === "string"){
if(func3(data64) > 60){
const err191 = {instancePath:instancePath+"/gegevensdeling/privacyprotocol",schemaPath:"#/properties/gegevensdeling/properties/privacyprotocol/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
else {
const err192 = {instancePath:instancePath+"/gegevensdeling/privacyprotocol",schemaPath:"#/properties/gegevensdeling/properties/privacyprotocol/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
if(data59.dpia !== undefined){
let data65 = data59.dpia;
if(typeof data65 === "string"){
if(func3(data65) > 60){
const err193 = {instancePath:instancePath+"/gegevensdeling/dpia",schemaPath:"#/properties/gegevensdeling/properties/dpia/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
else {
const err194 = {instancePath:instancePath+"/gegevensdeling/dpia",schemaPath:"#/properties/gegevensdeling/properties/dpia/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
if(data59.toelichting !== undefined){
let data66 = data59.toelichting;
if(typeof data66 === "string"){
if(func3(data66) > 3000){
const err195 = {instancePath:instancePath+"/gegevensdeling/toelichting",schemaPath:"#/properties/gegevensdeling/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
else {
const err196 = {instancePath:instancePath+"/gegevensdeling/toelichting",schemaPath:"#/properties/gegevensdeling/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
}
else {
const err197 = {instancePath:instancePath+"/gegevensdeling",schemaPath:"#/properties/gegevensdeling/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
if(data.jeugdhulp !== undefined){
let data67 = data.jeugdhulp;
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
if(data67.betrokken === undefined){
const err198 = {instancePath:instancePath+"/jeugdhulp",schemaPath:"#/properties/jeugdhulp/required",keyword:"required",params:{missingProperty: "betrokken"},message:"must have required property '"+"betrokken"+"'"};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
for(const key10 in data67){
if(!(((key10 === "betrokken") || (key10 === "een_plan")) || (key10 === "toelichting"))){
const err199 = {instancePath:instancePath+"/jeugdhulp",schemaPath:"#/properties/jeugdhulp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
if(data67.betrokken !== undefined){
let data68 = data67.betrokken;
if(typeof data68 === "string"){
if(func3(data68) > 60){
const err200 = {instancePath:instancePath+"/jeugdhulp/betrokken",schemaPath:"#/properties/jeugdhulp/properties/betrokken/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
}
else {
const err201 = {instancePath:instancePath+"/jeugdhulp/betrokken",schemaPath:"#/properties/jeugdhulp/properties/betrokken/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
if(data67.een_plan !== undefined){
let data69 = data67.een_plan;
if(typeof data69 === "string"){
if(func3(data69) > 60){
const err202 = {instancePath:instancePath+"/jeugdhulp/een_plan",schemaPath:"#/properties/jeugdhulp/properties/een_plan/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
else {
const err203 = {instancePath:instancePath+"/jeugdhulp/een_plan",schemaPath:"#/properties/jeugdhulp/properties/een_plan/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
if(data67.toelichting !== undefined){
let data70 = data67.toelichting;
if(typeof data70 === "string"){
if(func3(data70) > 3000){
const err204 = {instancePath:instancePath+"/jeugdhulp/toelichting",schemaPath:"#/properties/jeugdhulp/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 3000},message:"must NOT have more than 3000 characters"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
else {
const err205 = {instancePath:instancePath+"/jeugdhulp/toelichting",schemaPath:"#/properties/jeugdhulp/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
}
}
else {
const err206 = {instancePath:instancePath+"/jeugdhulp",schemaPath:"#/properties/jeugdhulp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
if(data.onderbouwing !== undefined){
let data71 = data.onderbouwing;
const _errs156 = errors;
let valid34 = true;
const _errs157 = errors;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.niveau !== undefined){
if("beschreven" !== data71.niveau){
const err207 = {};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
}
var _valid0 = _errs157 === errors;
errors = _errs156;
if(vErrors !== null){
if(_errs156){
vErrors.length = _errs156;
}
else {
vErrors = null;
}
}
if(!_valid0){
const _errs159 = errors;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.document === undefined){
const err208 = {instancePath:instancePath+"/onderbouwing",schemaPath:"#/properties/onderbouwing/else/required",keyword:"required",params:{missingProperty: "document"},message:"must have required property '"+"document"+"'"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
var _valid0 = _errs159 === errors;
valid34 = _valid0;
}
if(!valid34){
const err209 = {instancePath:instancePath+"/onderbouwing",schemaPath:"#/properties/onderbouwing/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.niveau === undefined){
const err210 = {instancePath:instancePath+"/onderbouwing",schemaPath:"#/properties/onderbouwing/required",keyword:"required",params:{missingProperty: "niveau"},message:"must have required property '"+"niveau"+"'"};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
for(const key11 in data71){
if(!(((key11 === "niveau") || (key11 === "document")) || (key11 === "toelichting"))){
const err211 = {instancePath:instancePath+"/onderbouwing",schemaPath:"#/properties/onderbouwing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
if(data71.niveau !== undefined){
let data73 = data71.niveau;
if(typeof data73 === "string"){
if(func3(data73) > 60){
const err212 = {instancePath:instancePath+"/onderbouwing/niveau",schemaPath:"#/properties/onderbouwing/properties/niveau/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
else {
const err213 = {instancePath:instancePath+"/onderbouwing/niveau",schemaPath:"#/properties/onderbouwing/properties/niveau/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
if(data71.document !== undefined){
let data74 = data71.document;
if(typeof data74 === "string"){
if(func3(data74) > 300){
const err214 = {instancePath:instancePath+"/onderbouwing/document",schemaPath:"#/properties/onderbouwing/properties/document/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
if(func3(data74) < 5){
const err215 = {instancePath:instancePath+"/onderbouwing/document",schemaPath:"#/properties/onderbouwing/properties/document/minLength",keyword:"minLength",params:{limit: 5},message:"must NOT have fewer than 5 characters"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
else {
const err216 = {instancePath:instancePath+"/onderbouwing/document",schemaPath:"#/properties/onderbouwing/properties/document/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
if(data71.toelichting !== undefined){
let data75 = data71.toelichting;
if(typeof data75 === "string"){
if(func3(data75) > 1000){
const err217 = {instancePath:instancePath+"/onderbouwing/toelichting",schemaPath:"#/properties/onderbouwing/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
else {
const err218 = {instancePath:instancePath+"/onderbouwing/toelichting",schemaPath:"#/properties/onderbouwing/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
}
else {
const err219 = {instancePath:instancePath+"/onderbouwing",schemaPath:"#/properties/onderbouwing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
if(data.resultaten !== undefined){
let data76 = data.resultaten;
if(Array.isArray(data76)){
const len8 = data76.length;
for(let i15=0; i15<len8; i15++){
let data77 = data76[i15];
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
if(data77.indicator === undefined){
const err220 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/required",keyword:"required",params:{missingProperty: "indicator"},message:"must have required property '"+"indicator"+"'"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
if(data77.waarde === undefined){
const err221 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/required",keyword:"required",params:{missingProperty: "waarde"},message:"must have required property '"+"waarde"+"'"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
if(data77.periode === undefined){
const err222 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/required",keyword:"required",params:{missingProperty: "periode"},message:"must have required property '"+"periode"+"'"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(data77.bron === undefined){
const err223 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/required",keyword:"required",params:{missingProperty: "bron"},message:"must have required property '"+"bron"+"'"};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
for(const key12 in data77){
if(!((((((key12 === "indicator") || (key12 === "waarde")) || (key12 === "noemer")) || (key12 === "periode")) || (key12 === "bron")) || (key12 === "toelichting"))){
const err224 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
if(data77.indicator !== undefined){
let data78 = data77.indicator;
if(typeof data78 === "string"){
if(func3(data78) > 60){
const err225 = {instancePath:instancePath+"/resultaten/" + i15+"/indicator",schemaPath:"#/properties/resultaten/items/properties/indicator/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
else {
const err226 = {instancePath:instancePath+"/resultaten/" + i15+"/indicator",schemaPath:"#/properties/resultaten/items/properties/indicator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data77.waarde !== undefined){
if(!(typeof data77.waarde == "number")){
const err227 = {instancePath:instancePath+"/resultaten/" + i15+"/waarde",schemaPath:"#/properties/resultaten/items/properties/waarde/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
if(data77.noemer !== undefined){
let data80 = data77.noemer;
if(!((typeof data80 == "number") && (!(data80 % 1) && !isNaN(data80)))){
const err228 = {instancePath:instancePath+"/resultaten/" + i15+"/noemer",schemaPath:"#/properties/resultaten/items/properties/noemer/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
if(typeof data80 == "number"){
if(data80 < 1 || isNaN(data80)){
const err229 = {instancePath:instancePath+"/resultaten/" + i15+"/noemer",schemaPath:"#/properties/resultaten/items/properties/noemer/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
}
if(data77.periode !== undefined){
let data81 = data77.periode;
if(typeof data81 === "string"){
if(func3(data81) > 10){
const err230 = {instancePath:instancePath+"/resultaten/" + i15+"/periode",schemaPath:"#/properties/resultaten/items/properties/periode/maxLength",keyword:"maxLength",params:{limit: 10},message:"must NOT have more than 10 characters"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
if(!pattern6.test(data81)){
const err231 = {instancePath:instancePath+"/resultaten/" + i15+"/periode",schemaPath:"#/properties/resultaten/items/properties/periode/pattern",keyword:"pattern",params:{pattern: "^(20[0-9]{2}-20[0-9]{2}|20[0-9]{2}-[01][0-9]-[0-3][0-9]|20[0-9]{2})$"},message:"must match pattern \""+"^(20[0-9]{2}-20[0-9]{2}|20[0-9]{2}-[01][0-9]-[0-3][0-9]|20[0-9]{2})$"+"\""};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
else {
const err232 = {instancePath:instancePath+"/resultaten/" + i15+"/periode",schemaPath:"#/properties/resultaten/items/properties/periode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
if(data77.bron !== undefined){
let data82 = data77.bron;
if(typeof data82 === "string"){
if(func3(data82) > 300){
const err233 = {instancePath:instancePath+"/resultaten/" + i15+"/bron",schemaPath:"#/properties/resultaten/items/properties/bron/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
if(func3(data82) < 3){
const err234 = {instancePath:instancePath+"/resultaten/" + i15+"/bron",schemaPath:"#/properties/resultaten/items/properties/bron/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
else {
const err235 = {instancePath:instancePath+"/resultaten/" + i15+"/bron",schemaPath:"#/properties/resultaten/items/properties/bron/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
if(data77.toelichting !== undefined){
let data83 = data77.toelichting;
if(typeof data83 === "string"){
if(func3(data83) > 1000){
const err236 = {instancePath:instancePath+"/resultaten/" + i15+"/toelichting",schemaPath:"#/properties/resultaten/items/properties/toelichting/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
else {
const err237 = {instancePath:instancePath+"/resultaten/" + i15+"/toelichting",schemaPath:"#/properties/resultaten/items/properties/toelichting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
}
else {
const err238 = {instancePath:instancePath+"/resultaten/" + i15,schemaPath:"#/properties/resultaten/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
}
else {
const err239 = {instancePath:instancePath+"/resultaten",schemaPath:"#/properties/resultaten/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
if(data.lessen !== undefined){
let data84 = data.lessen;
if(Array.isArray(data84)){
const len9 = data84.length;
for(let i16=0; i16<len9; i16++){
let data85 = data84[i16];
if(typeof data85 === "string"){
if(func3(data85) > 1000){
const err240 = {instancePath:instancePath+"/lessen/" + i16,schemaPath:"#/properties/lessen/items/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
if(func3(data85) < 5){
const err241 = {instancePath:instancePath+"/lessen/" + i16,schemaPath:"#/properties/lessen/items/minLength",keyword:"minLength",params:{limit: 5},message:"must NOT have fewer than 5 characters"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
else {
const err242 = {instancePath:instancePath+"/lessen/" + i16,schemaPath:"#/properties/lessen/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
}
else {
const err243 = {instancePath:instancePath+"/lessen",schemaPath:"#/properties/lessen/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
if(data.valkuilen !== undefined){
let data86 = data.valkuilen;
if(Array.isArray(data86)){
const len10 = data86.length;
for(let i17=0; i17<len10; i17++){
let data87 = data86[i17];
if(typeof data87 === "string"){
if(func3(data87) > 1000){
const err244 = {instancePath:instancePath+"/valkuilen/" + i17,schemaPath:"#/properties/valkuilen/items/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
if(func3(data87) < 5){
const err245 = {instancePath:instancePath+"/valkuilen/" + i17,schemaPath:"#/properties/valkuilen/items/minLength",keyword:"minLength",params:{limit: 5},message:"must NOT have fewer than 5 characters"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
}
else {
const err246 = {instancePath:instancePath+"/valkuilen/" + i17,schemaPath:"#/properties/valkuilen/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
}
else {
const err247 = {instancePath:instancePath+"/valkuilen",schemaPath:"#/properties/valkuilen/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
if(data.documenten !== undefined){
let data88 = data.documenten;
if(Array.isArray(data88)){
const len11 = data88.length;
for(let i18=0; i18<len11; i18++){
let data89 = data88[i18];
if(data89 && typeof data89 == "object" && !Array.isArray(data89)){
if(data89.titel === undefined){
const err248 = {instancePath:instancePath+"/documenten/" + i18,schemaPath:"#/properties/documenten/items/required",keyword:"required",params:{missingProperty: "titel"},message:"must have required property '"+"titel"+"'"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
if(data89.type === undefined){
const err249 = {instancePath:instancePath+"/documenten/" + i18,schemaPath:"#/properties/documenten/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
for(const key13 in data89){
if(!((((key13 === "titel") || (key13 === "type")) || (key13 === "bestand")) || (key13 === "url"))){
const err250 = {instancePath:instancePath+"/documenten/" + i18,schemaPath:"#/properties/documenten/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
if(data89.titel !== undefined){
let data90 = data89.titel;
if(typeof data90 === "string"){
if(func3(data90) > 200){
const err251 = {instancePath:instancePath+"/documenten/" + i18+"/titel",schemaPath:"#/properties/documenten/items/properties/titel/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
if(func3(data90) < 3){
const err252 = {instancePath:instancePath+"/documenten/" + i18+"/titel",schemaPath:"#/properties/documenten/items/properties/titel/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
else {
const err253 = {instancePath:instancePath+"/documenten/" + i18+"/titel",schemaPath:"#/properties/documenten/items/properties/titel/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
if(data89.type !== undefined){
let data91 = data89.type;
if(typeof data91 === "string"){
if(func3(data91) > 60){
const err254 = {instancePath:instancePath+"/documenten/" + i18+"/type",schemaPath:"#/properties/documenten/items/properties/type/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
else {
const err255 = {instancePath:instancePath+"/documenten/" + i18+"/type",schemaPath:"#/properties/documenten/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
if(data89.bestand !== undefined){
let data92 = data89.bestand;
if(typeof data92 === "string"){
if(func3(data92) > 120){
const err256 = {instancePath:instancePath+"/documenten/" + i18+"/bestand",schemaPath:"#/properties/documenten/items/properties/bestand/maxLength",keyword:"maxLength",params:{limit: 120},message:"must NOT have more than 120 characters"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
if(!pattern7.test(data92)){
const err257 = {instancePath:instancePath+"/documenten/" + i18+"/bestand",schemaPath:"#/properties/documenten/items/properties/bestand/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\""};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
else {
const err258 = {instancePath:instancePath+"/documenten/" + i18+"/bestand",schemaPath:"#/properties/documenten/items/properties/bestand/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
if(data89.url !== undefined){
let data93 = data89.url;
if(typeof data93 === "string"){
if(func3(data93) > 500){
const err259 = {instancePath:instancePath+"/documenten/" + i18+"/url",schemaPath:"#/properties/documenten/items/properties/url/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
if(!(formats6.test(data93))){
const err260 = {instancePath:instancePath+"/documenten/" + i18+"/url",schemaPath:"#/properties/documenten/items/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
else {
const err261 = {instancePath:instancePath+"/documenten/" + i18+"/url",schemaPath:"#/properties/documenten/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
}
}
else {
const err262 = {instancePath:instancePath+"/documenten/" + i18,schemaPath:"#/properties/documenten/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
}
else {
const err263 = {instancePath:instancePath+"/documenten",schemaPath:"#/properties/documenten/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
if(data.contact !== undefined){
let data94 = data.contact;
if(data94 && typeof data94 == "object" && !Array.isArray(data94)){
if(data94.organisatie === undefined){
const err264 = {instancePath:instancePath+"/contact",schemaPath:"#/properties/contact/required",keyword:"required",params:{missingProperty: "organisatie"},message:"must have required property '"+"organisatie"+"'"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
if(data94.email === undefined){
const err265 = {instancePath:instancePath+"/contact",schemaPath:"#/properties/contact/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'"};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
for(const key14 in data94){
if(!((key14 === "organisatie") || (key14 === "email"))){
const err266 = {instancePath:instancePath+"/contact",schemaPath:"#/properties/contact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data94.organisatie !== undefined){
let data95 = data94.organisatie;
if(typeof data95 === "string"){
if(func3(data95) > 160){
const err267 = {instancePath:instancePath+"/contact/organisatie",schemaPath:"#/properties/contact/properties/organisatie/maxLength",keyword:"maxLength",params:{limit: 160},message:"must NOT have more than 160 characters"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
if(func3(data95) < 2){
const err268 = {instancePath:instancePath+"/contact/organisatie",schemaPath:"#/properties/contact/properties/organisatie/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
else {
const err269 = {instancePath:instancePath+"/contact/organisatie",schemaPath:"#/properties/contact/properties/organisatie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
}
if(data94.email !== undefined){
let data96 = data94.email;
if(typeof data96 === "string"){
if(func3(data96) > 200){
const err270 = {instancePath:instancePath+"/contact/email",schemaPath:"#/properties/contact/properties/email/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
if(!(formats8.test(data96))){
const err271 = {instancePath:instancePath+"/contact/email",schemaPath:"#/properties/contact/properties/email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
else {
const err272 = {instancePath:instancePath+"/contact/email",schemaPath:"#/properties/contact/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
}
}
else {
const err273 = {instancePath:instancePath+"/contact",schemaPath:"#/properties/contact/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
}
if(data.licentie !== undefined){
let data97 = data.licentie;
if(typeof data97 === "string"){
if(func3(data97) > 60){
const err274 = {instancePath:instancePath+"/licentie",schemaPath:"#/properties/licentie/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
else {
const err275 = {instancePath:instancePath+"/licentie",schemaPath:"#/properties/licentie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
if(data.redactie !== undefined){
let data98 = data.redactie;
if(data98 && typeof data98 == "object" && !Array.isArray(data98)){
if(data98.organisatie === undefined){
const err276 = {instancePath:instancePath+"/redactie",schemaPath:"#/properties/redactie/required",keyword:"required",params:{missingProperty: "organisatie"},message:"must have required property '"+"organisatie"+"'"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
if(data98.beoordeeld_op === undefined){
const err277 = {instancePath:instancePath+"/redactie",schemaPath:"#/properties/redactie/required",keyword:"required",params:{missingProperty: "beoordeeld_op"},message:"must have required property '"+"beoordeeld_op"+"'"};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
if(data98.volgende_beoordeling === undefined){
const err278 = {instancePath:instancePath+"/redactie",schemaPath:"#/properties/redactie/required",keyword:"required",params:{missingProperty: "volgende_beoordeling"},message:"must have required property '"+"volgende_beoordeling"+"'"};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
for(const key15 in data98){
if(!(((key15 === "organisatie") || (key15 === "beoordeeld_op")) || (key15 === "volgende_beoordeling"))){
const err279 = {instancePath:instancePath+"/redactie",schemaPath:"#/properties/redactie/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
}
if(data98.organisatie !== undefined){
let data99 = data98.organisatie;
if(typeof data99 === "string"){
if(func3(data99) > 160){
const err280 = {instancePath:instancePath+"/redactie/organisatie",schemaPath:"#/properties/redactie/properties/organisatie/maxLength",keyword:"maxLength",params:{limit: 160},message:"must NOT have more than 160 characters"};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
if(func3(data99) < 2){
const err281 = {instancePath:instancePath+"/redactie/organisatie",schemaPath:"#/properties/redactie/properties/organisatie/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters"};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
}
else {
const err282 = {instancePath:instancePath+"/redactie/organisatie",schemaPath:"#/properties/redactie/properties/organisatie/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
if(data98.beoordeeld_op !== undefined){
let data100 = data98.beoordeeld_op;
if(typeof data100 === "string"){
if(func3(data100) > 40){
const err283 = {instancePath:instancePath+"/redactie/beoordeeld_op",schemaPath:"#/properties/redactie/properties/beoordeeld_op/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
if(!(formats0.test(data100))){
const err284 = {instancePath:instancePath+"/redactie/beoordeeld_op",schemaPath:"#/properties/redactie/properties/beoordeeld_op/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
else {
const err285 = {instancePath:instancePath+"/redactie/beoordeeld_op",schemaPath:"#/properties/redactie/properties/beoordeeld_op/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
if(data98.volgende_beoordeling !== undefined){
let data101 = data98.volgende_beoordeling;
if(typeof data101 === "string"){
if(func3(data101) > 40){
const err286 = {instancePath:instancePath+"/redactie/volgende_beoordeling",schemaPath:"#/properties/redactie/properties/volgende_beoordeling/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
if(!(formats0.test(data101))){
const err287 = {instancePath:instancePath+"/redactie/volgende_beoordeling",schemaPath:"#/properties/redactie/properties/volgende_beoordeling/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
else {
const err288 = {instancePath:instancePath+"/redactie/volgende_beoordeling",schemaPath:"#/properties/redactie/properties/volgende_beoordeling/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
}
}
else {
const err289 = {instancePath:instancePath+"/redactie",schemaPath:"#/properties/redactie/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
}
}
else {
const err290 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

  var validate = module.exports.default || module.exports;
  if (typeof root.module === "object" && root.module.exports) root.module.exports = validate;
  else root.self.KbSchema = validate;
})({ self: typeof self !== "undefined" ? self : this, module: typeof module === "object" ? module : undefined });
