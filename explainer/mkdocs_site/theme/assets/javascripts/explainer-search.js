/* The explainer's search: the worker Material's search box talks to (explainer/mkdocs_site/theme/
   main.html, note 2, says how it is started), answering Material's messages from Pagefind's index
   (explainer/mkdocs_site/search_index.py builds it). Material's box, results list and keyboard
   behaviour are kept; Pagefind fetches only the index chunks a query needs and the text of the
   results it lists.

   explainerSearch(bundle, synonymsUrl) returns the worker's message handler:
   - SETUP (Material sends it once the page is idle, or when the reader reaches for search):
     load Pagefind (bundle is the URL of its folder) and the story's words
     (search/synonyms.json), then answer READY;
   - QUERY: the reader's text as words, never as query syntax: folded (case, accents, "F-35" =
     "F35"), "F 35" joined where the story has that designator, and for a glossary alias in the
     query ("Triumf") a second search with the alias replaced by its term ("S-400"); the
     results of both, best first, answered as Material's RESULT: at once every result with its
     page's title (explainer-pages.json, written with the index), then again with the text
     of the first few once it has come (one round of requests), and of the rest of the first
     screen once the reader has paused typing; a result further down shows its title. */
function explainerSearch(bundle, synonymsUrl) {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  /* Material's SearchMessageType */
  var FIRST = 5;  /* a browser fetches six files at once from a host: one round trip */
  var SHOWN = 10;  /* Material lists ten results at once, more as the reader scrolls */
  var REST_AFTER = 300;  /* ms: the rest of the first screen once the reader has paused */
  var LETTERS = { "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d" };
  var pagefind = null, designators = {}, synonyms = [], titles = {}, latest = 0;
  var root = new URL("../", bundle).href;  /* the site's root: the bundle is its pagefind/ */

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[ıøđłßæœþð]/g, function (c) { return LETTERS[c]; })
      .replace(/(\p{L})-(?=\d)/gu, "$1");
  }
  /* Words only: whatever else the reader (or an alias in glossary.yml) typed is a separator. */
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function at(list, part) {
    if (!part.length) return -1;
    for (var i = 0; i + part.length <= list.length; i++)
      if (part.every(function (w, j) { return list[i + j] === w; })) return i;
    return -1;
  }
  function joined(typed) {  /* "f 35" → "f35" where the story has F-35 */
    var out = [];
    for (var i = 0; i < typed.length; i++) {
      var next = typed[i + 1];
      if (/^\p{L}+$/u.test(typed[i]) && /^\d+$/.test(next || "") && designators[typed[i] + next]) {
        out.push(typed[i] + next); i++;
      } else out.push(typed[i]);
    }
    return out;
  }
  /* The searches a query makes: its words, and its words with each alias replaced by its term. */
  function variants(query) {
    var typed = joined(words(query)), found = [typed];
    synonyms.forEach(function (pair) {
      var alias = joined(words(pair[0])), term = joined(words(pair[1])), where = at(typed, alias);
      if (where < 0 || !term.length) return;
      /* a query naming the term already ("Erdogan" of "Recep Tayyip Erdoğan") needs no other */
      if (term.some(function (word) { return typed.indexOf(word) >= 0; })) return;
      found.push(typed.slice(0, where).concat(term, typed.slice(where + alias.length)));
    });
    return found.filter(function (list) { return list.length; });
  }

  function escape(text) {
    return String(text || "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  /* Material puts a result's title and text into the page as HTML. Titles come from Pagefind
     as the page's text; an excerpt comes as that text's words with "<" and ">" escaped (not
     "&") and <mark>s round the words found, so an article's "&lt;" and "<" look alike there.
     The excerpt's words are found in the escaped text and taken from the text itself, each
     escaped once: what the reader sees is what the article says. */
  var WORD_BREAK = /[\r\n\s]+/g;
  function marked(excerpt, data) {
    var tokens = String(excerpt || "").split(" ");
    var found = tokens.map(function (token) { return token.replace(/^<mark>|<\/mark>$/g, ""); });
    var text = String(data && data.content || "").split(WORD_BREAK);
    var escaped = String(data && data.raw_content || "").split(WORD_BREAK);
    if (text.length === escaped.length && found.length && found[0]) {
      for (var start = 0; start + found.length <= escaped.length; start++) {
        if (escaped[start] !== found[0]) continue;
        var same = found.every(function (word, k) { return escaped[start + k] === word; });
        if (same) return tokens.map(function (token, k) {
          var word = escape(text[start + k]);
          return token === found[k] ? word : "<mark>" + word + "</mark>";
        }).join(" ");
      }
    }
    /* Not found (text in a script Pagefind splits at zero-width spaces): Pagefind's own
       escaping undone, the marks kept. */
    return String(excerpt || "").split(/(<\/?mark>)/).map(function (part) {
      if (part === "<mark>" || part === "</mark>") return part;
      return escape(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    }).join("");
  }
  function group(data, score, terms) {
    var page = { location: data.url, title: escape(data.meta && data.meta.title || data.url),
                 text: marked(data.excerpt, data), score: score, terms: terms };
    var sections = (data.sub_results || []).filter(function (section) {  /* not the page's h1 */
      return section.url && section.url.indexOf("#") > 0 && section.url !== data.url &&
        !(section.anchor && /^h1$/i.test(section.anchor.element || ""));
    }).slice(0, 5).map(function (section) {
      return { location: section.url, title: escape(section.title), text: marked(section.excerpt, data),
               score: score / 2, terms: terms };
    });
    return [page].concat(sections);
  }

  function titled(result, terms) {  /* a result whose text isn't fetched: its page and title */
    var page = titles[result.id];
    return page && [{ location: new URL(String(page[0]).replace(/^\/+/, ""), root).href,
                      title: escape(page[1] || page[0]), text: "", score: result.score,
                      terms: terms }];
  }

  function setup() {
    var story = fetch(synonymsUrl).then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (data) {
        synonyms = (data.synonyms || []).filter(function (pair) {
          return Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string";
        });
        (data.designators || []).forEach(function (d) { if (typeof d === "string") designators[d] = true; });
      }).catch(function () { synonyms = []; });
    var engine = import(bundle + "pagefind.js").then(function (module) {
      return module.options({ basePath: bundle, excerptLength: 24 }).then(function () {
        return module.init();
      }).then(function () { pagefind = module; });
    });
    var pages = fetch(bundle + "explainer-pages.json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (data) { titles = data.pages || {}; }).catch(function () { titles = {}; });
    return Promise.all([story, pages, engine.catch(function () { pagefind = null; })]);
  }

  function pause(ms) { return new Promise(function (done) { setTimeout(done, ms); }); }
  function answer(items) { postMessage({ type: RESULT, data: { items: items } }); }

  function search(query) {
    var id = ++latest, searches = variants(query);
    if (!pagefind || !searches.length) return Promise.resolve(answer([]));
    var terms = {}, best = new Map(), ranked = [], texts = {};
    searches[0].forEach(function (word) { terms[word] = true; });
    function add(found) {
      (found && found.results || []).forEach(function (result) {
        var known = best.get(result.id);
        if (!known || known.score < result.score) best.set(result.id, result);
      });
      ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
    }
    function listed() {
      return ranked.map(function (result) {
        var data = texts[result.id];
        return data ? group(data, result.score, terms) : titled(result, terms);
      }).filter(Boolean);
    }
    function titledAll() {  /* every result's title is known (the titles match the index) */
      return ranked.length && ranked.every(function (result) { return titles[result.id]; });
    }
    function fetchTexts(results) {
      return Promise.all(results.map(function (result) {
        return result.data().then(function (data) { texts[result.id] = data; });
      }));
    }
    var searched = searches.map(function (list) { return pagefind.search(list.join(" ")); });
    /* At once: the typed words' results by their titles, before an alias's term is searched. */
    searched[0].then(function (found) {
      if (id !== latest) return;
      add(found);
      if (titledAll()) answer(listed());
    }).catch(function () { /* answered below */ });
    return Promise.all(searched).then(function (found) {
      if (id !== latest) return;
      found.slice(1).forEach(add);
      if (!ranked.length) return answer([]);
      if (found.length > 1 && titledAll()) answer(listed());
      /* Then the text of the first few (and of any whose title isn't known: an index newer
         than the titles), in one round of requests. */
      var first = ranked.filter(function (result, i) { return i < FIRST || !titles[result.id]; });
      return fetchTexts(first).then(function () {
        if (id !== latest) return;
        answer(listed());
        if (ranked.length <= FIRST) return;
        return pause(REST_AFTER).then(function () {
          if (id !== latest) return;  /* still typing */
          return fetchTexts(ranked.slice(FIRST, SHOWN)).then(function () {
            if (id === latest) answer(listed());
          });
        });
      });
    });
  }

  var ready = null;
  return function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) {
      ready = ready || setup();
      ready.then(function () { postMessage({ type: READY }); });
    } else if (message.type === QUERY && typeof message.data === "string") {
      (ready || (ready = setup())).then(function () { return search(message.data); })
        .catch(function () { answer([]); });
    }
  };
}
