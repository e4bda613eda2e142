/* The explainer's search, inside Material's search worker (explainer/mkdocs_site/theme/main.html, note 2,
   says why and how). Loaded by the wrapper worker on its first message, that is only once a
   reader reaches for search: nothing here costs a page load.

   explainerSearch(materialWorker, synonymsUrl) returns the wrapper's message handler: it folds
   case and accents on both sides (index and query), joins "F 35" to "f35" where the index has
   such a designator, and adds a glossary term's words to a query naming one of its aliases. */
function explainerSearch(materialWorker, synonymsUrl) {
  var SETUP = 0, QUERY = 2;  /* Material's SearchMessageType */
  var LETTERS = { "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d" };
  var WORDS = /[\s,:;!?()\[\]"\/.]+/;
  var designators = {}, synonyms = [];
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[ıøđłßæœþð]/g, function (c) { return LETTERS[c]; })
      .replace(/(\p{L})-(?=\d)/gu, "$1");
  }
  function words(text) { return fold(text).split(WORDS).filter(Boolean); }
  function contains(list, part) {
    for (var i = 0; i + part.length <= list.length; i++)
      if (part.every(function (w, j) { return list[i + j] === w; })) return true;
    return false;
  }
  function rewrite(query) {
    var parts = fold(query).split(/\s+/), joined = [];
    for (var i = 0; i < parts.length; i++) {
      var next = parts[i + 1];
      if (/^\p{L}+$/u.test(parts[i]) && /^\d+$/.test(next || "") && designators[parts[i] + next]) {
        joined.push(parts[i] + next); i++;
      } else joined.push(parts[i]);
    }
    var typed = words(joined.join(" ")), extra = [];
    synonyms.forEach(function (pair) {
      var term = words(pair[1]);
      if (contains(typed, words(pair[0])) && !term.some(function (w) { return typed.indexOf(w) >= 0; }))
        term.forEach(function (w) { if (extra.indexOf(w) < 0) extra.push(w); });
    });
    return joined.concat(extra).join(" ");
  }
  function setup() {
    /* The glossary's aliases, and the designators of the site's text ("s400"), found and
       folded by the generator (explainer/render/search.py): nothing here reads the whole index. */
    try {
      var request = new XMLHttpRequest();
      request.open("GET", synonymsUrl, false);  /* a worker may wait: nothing to freeze */
      request.send();
      if (request.status !== 200) return;
      var data = JSON.parse(request.responseText);
      synonyms = data.synonyms || [];
      (data.designators || []).forEach(function (d) { designators[d] = true; });
    } catch (e) { synonyms = []; }
  }
  var material = null;
  function start() {  /* on the first message: Material's worker loads with the index */
    var listen = self.addEventListener;
    self.addEventListener = function (type, fn) {
      if (type === "message" && !material) material = fn;
      else listen.apply(self, arguments);
    };
    try { importScripts(materialWorker); } finally { self.addEventListener = listen; }
    if (!self.lunr) return;
    if (lunr.QueryLexer) lunr.QueryLexer.termSeparator = /\s/;
    var foldToken = function (token) { return token.update(fold); };
    lunr.Pipeline.registerFunction(foldToken, "explainerFold");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      /* First in both pipelines: before the trimmer, which cuts "ç" off "çelik". */
      [this.pipeline, this.searchPipeline].forEach(function (pipeline) {
        if (pipeline._stack.indexOf(foldToken) < 0) pipeline._stack.unshift(foldToken);
      });
      return add.apply(this, arguments);
    };
  }
  return function (event) {
    if (!material) start();
    var message = event.data;
    try {
      if (message && message.type === SETUP) setup();
      if (message && message.type === QUERY && typeof message.data === "string")
        message = { type: QUERY, data: rewrite(message.data) };
    } catch (e) { message = event.data; }
    return material({ data: message });
  };
}
