/* fupan's search: one engine for the search box of every page and for the browse page.
   Data in chunks (see search_data.py), loaded as scripts so pages opened from disk work
   too; a query loads only the chunks of its characters and of the results it shows. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var BASE = here.replace(/assets\/fupan\/search\.js(\?.*)?$/, "");
  var DIR = BASE + "assets/fupan/search/";
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET[i]] = i;
  var FACETS = ["unit", "campaign", "category", "tag", "year"];
  var FIELD_WEIGHT = [1.5, 1, 1, 1];  // about (title, tags, unit, campaign), summary, reflection, improvement
  var FUSE_K = 5;  // reciprocal rank fusion of words and meaning: 1 / (k + rank)
  var MEANING_WINDOW = 50;  // of each ranking, the first fused
  var LONE_CHAR = 0.5;  // a character no known word covers counts for half a word
  var MEANING_ALONE = 10;  // entries shown by meaning when the words found none
  var SNIPPET = 90;  // characters of a passage a result shows
  var BEFORE = 24;  // of them, before the first word found, when the passage is longer
  var NO_PASSAGE = 63;  // a meaning list's passage number past the 63rd (search_data.NO_PASSAGE)

  /* ---- chunks ---- */
  var loaded = {}, waiting = {};
  window.fupanSearchChunk = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (w) { w[0](data); });
    delete waiting[name];
  };
  function chunk(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push([resolve, reject]); return; }
      waiting[name] = [[resolve, reject]];
      fetchChunk(name, 2);
    });
  }
  function fetchChunk(name, tries) {  // a dropped connection is tried again once
    var s = document.createElement("script");
    s.src = DIR + name + ".js";
    s.async = true;
    s.onerror = function () {
      s.remove();
      if (tries > 1) { setTimeout(function () { fetchChunk(name, tries - 1); }, 200); return; }
      (waiting[name] || []).forEach(function (w) { w[1](new Error("fupan: no " + name)); });
      delete waiting[name];
    };
    document.head.appendChild(s);
  }
  function all(names) { return Promise.all(names.map(chunk)); }

  function decode(text) {  // deltas in a base-32 varint, or "~" and a bitmap
    var out = [], last = 0, value = 0, shift = 0;
    if (text[0] === "~") {
      for (var c = 1; c < text.length; c++) {
        var bits = DIGIT[text[c]];
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((c - 1) * 6 + b);
      }
      return out;
    }
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text[i]];
      if (d >= 32) { value += (d - 32) << shift; shift += 5; continue; }
      value += d << shift;
      last += value; out.push(last); value = 0; shift = 0;
    }
    return out;
  }

  /* ---- the engine ---- */
  var meta = null, decoded = {};
  function ready() {
    return meta ? Promise.resolve(meta) : chunk("meta").then(function (m) { meta = m; return m; });
  }
  function termChunk(word) {  // by the first two characters, as search_data.chunk_of
    var chars = Array.from(word), second = chars.length > 1 ? chars[1].codePointAt(0) : 0;
    return "t" + ((chars[0].codePointAt(0) * 31 + second) % meta.termChunks);
  }
  function heads(ch) { return (loaded[termChunk(ch)] || {})["\u0001" + ch] || []; }
  function entry(word) {  // [postings, neighbours] of a known word, from its loaded chunk
    var c = loaded[termChunk(word)];
    return c && Object.prototype.hasOwnProperty.call(c, word) ? c[word] : null;
  }
  function postings(word) {  // codes (doc << 2 | field, ascending), and how many entries
    if (!decoded[word]) {
      var e = entry(word), codes = e ? decode(e[0]) : [], n = 0, last = -1;
      for (var i = 0; i < codes.length; i++) if (codes[i] >> 2 !== last) { last = codes[i] >> 2; n++; }
      decoded[word] = {codes: codes, docs: n};
    }
    return decoded[word];
  }
  function holds(codes, doc) {  // whether ascending ``codes`` name ``doc`` (in any field)
    var lo = 0, hi = codes.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (codes[mid] < doc * 4) lo = mid + 1; else hi = mid; }
    return lo < codes.length && codes[lo] >> 2 === doc;
  }

  function known(run, each) {  // each known word of two or more characters in ``run``
    for (var n = Math.min(run.length, 6); n >= 2; n--) {
      for (var s = 0; s + n <= run.length; s++) if (entry(run.substr(s, n))) each(s, n);
    }
  }

  /* The query as groups of alternative words: each group is one thing asked for. */
  function analyse(query) {
    var groups = [], runs = query.match(CJK) || [];
    runs.forEach(function (run) {
      var before = groups.length;
      if (run.length === 1) {  // one character: the words that hold it
        var holding = heads(run).filter(function (w) { return entry(w); });
        if (holding.length) groups.push({words: holding, text: run});
        return;
      }
      known(run, function (s, n) { var w = run.substr(s, n); groups.push({words: [w], text: w}); });
      if (groups.length === before) groups.push({words: [], text: run});  // nothing known
    });
    query.replace(CJK, " ").toLowerCase().split(/[^a-z0-9]+/).forEach(function (word) {
      if (!word) return;
      // an index stem is a prefix of the word typed (registr < registration), or the
      // word typed is the start of a longer one
      var vocab = Object.keys(loaded[termChunk(word)] || {});
      var found = vocab.filter(function (w) {
        return /^[a-z0-9]/.test(w) && ((word.indexOf(w) === 0 && w.length >= Math.min(4, word.length))
          || w.indexOf(word) === 0);
      });
      groups.push({words: found, text: word});
    });
    return groups;
  }

  /* [word, weight] pairs related to each group's words; loads their chunks, and those
     of the characters no known word covers (their meaning), in one round. */
  function neighbours(groups, text) {
    groups.forEach(function (g) {
      var seen = {};
      g.words.forEach(function (w) { seen[w] = 1; });
      g.near = [];
      g.words.forEach(function (w) {
        ((entry(w) || [])[1] || []).forEach(function (pair) {
          if (!seen[pair[0]]) { seen[pair[0]] = 1; g.near.push(pair); }
        });
      });
    });
    var names = {};
    groups.forEach(function (g) { g.near.forEach(function (p) { names[termChunk(p[0])] = 1; }); });
    lone(text).forEach(function (c) { names[termChunk(c[0])] = 1; });
    return all(Object.keys(names)).then(function () { return groups; });
  }

  /* Scores in arrays as long as the knowledge base: at 10,000 entries a query's common
     words hold thousands of entries each, too many for an object keyed by entry. */
  function score(groups) {
    var n = meta.docs, scores = new Float64Array(n), matched = new Uint16Array(n);
    var fields = new Float64Array(n * 4), best = new Float64Array(n), used = [];
    groups.forEach(function (g) {
      var touched = [];  // the entries this group matched; best[] is zero for the others
      var pairs = g.words.map(function (w) { return [w, 1]; }).concat(g.near);
      pairs.forEach(function (pair) {
        var w = pair[0], p = postings(w), codes = p.codes;
        var idf = Math.log(1 + meta.docs / (p.docs || 1)) * pair[1] * (w.length > 1 ? 1 : 0.5);
        if (codes.length) used.push([w, codes]);
        for (var i = 0; i < codes.length; i++) {
          var doc = codes[i] >> 2, field = codes[i] & 3, weight = idf * FIELD_WEIGHT[field];
          fields[doc * 4 + field] += idf;
          if (best[doc] === 0) touched.push(doc);
          if (best[doc] < weight) best[doc] = weight;
        }
      });
      touched.forEach(function (doc) { scores[doc] += best[doc]; matched[doc]++; best[doc] = 0; });
    });
    var docs = [];
    for (var d = 0; d < n; d++) {
      if (!matched[d]) continue;
      scores[d] *= matched[d] / groups.length;  // more of the query matched ranks higher
      docs.push(d);
    }
    // every piece of a query of several: what was asked for, whatever meaning says
    var whole = groups.length > 1 ? docs.filter(function (d) { return matched[d] === groups.length; }) : [];
    return {scores: scores, fields: fields, docs: docs, used: used, whole: whole};
  }
  function wordsOf(found, doc) {  // the query's words (and related words) in an entry
    var out = {};
    found.used.forEach(function (u) { if (holds(u[1], doc)) out[u[0]] = 1; });
    return Object.keys(out);
  }

  /* By meaning: each known word of the query, and each character no known word covers,
     adds up the entries near it in meaning (search_data.meaning_list), as a query's
     vector is near the mean of its words' vectors (search/word_entries.py). */
  function near(word) { return (entry(word) || [])[2]; }
  function lone(text) {  // [character, its run] of each character no known word covers
    var out = [];
    (text.match(CJK) || []).forEach(function (run) {
      var covered = [];
      known(run, function (s, n) { for (var k = s; k < s + n; k++) covered[k] = true; });
      for (var i = 0; i < run.length; i++) if (!covered[i]) out.push([run[i], run]);
    });
    return out;
  }
  function pieces(groups, text) {
    var out = [];
    (text.match(CJK) || []).forEach(function (run) {
      known(run, function (s, n) { var w = run.substr(s, n); if (near(w)) out.push([w, 1]); });
    });
    lone(text).forEach(function (c) {
      if (near(c[0])) out.push([c[0], c[1].length > 1 ? LONE_CHAR : 1]);
    });
    groups.forEach(function (g) {  // English words: what each typed word was found as
      if (!/^[a-z0-9]+$/.test(g.text)) return;
      var meant = g.words.filter(near);
      meant.forEach(function (w) { out.push([w, 1 / meant.length]); });
    });
    return out;
  }
  /* The entries nearest, best first; ``best``: the first's score per word, and for
     each entry ``part`` and ``passage``: its passage closest to the piece nearest it. */
  function byMeaning(found, keep) {
    var sum = new Float64Array(meta.docs), top = new Float64Array(meta.docs);
    var docs = [], weight = 0, part = {}, passage = {};
    found.forEach(function (piece) {
      weight += piece[1];
      var list = near(piece[0]), codes = decode(list[0]), steps = list[1], places = list[2];
      for (var i = 0; i < codes.length; i++) {
        var d = codes[i] >> 2, x = piece[1] * DIGIT[steps[i]];
        if (keep && !keep[d]) continue;
        if (sum[d] === 0) docs.push(d);
        sum[d] += x;
        if (x > top[d]) { top[d] = x; part[d] = codes[i] & 3; passage[d] = DIGIT[places[i]]; }
      }
    });
    docs.sort(function (a, b) { return sum[b] - sum[a] || a - b; });
    docs = docs.slice(0, MEANING_WINDOW);
    docs.best = docs.length ? sum[docs[0]] / weight : 0;
    docs.part = part;
    docs.passage = passage;
    return docs;
  }
  /* The first of each ranking fused by reciprocal rank, the rest by words after them;
     an entry found both ways ranks first, and one holding every piece of a query of
     several before all others. When the words found nothing, meaning alone answers
     with its first few when they are clearly close (讲师 finds the lectures of entries
     that say 老师): any text has some nearest entry. */
  function fused(byWords, nearest, whole) {
    if (!byWords.length) return nearest.best >= meta.meaningAlone ? nearest.slice(0, MEANING_ALONE) : [];
    if (!nearest.length) return byWords;
    var score = {}, order = [], first = {};
    whole.forEach(function (d) { first[d] = 1; });
    function add(d, rank) {
      if (!(d in score)) { score[d] = 0; order.push(d); }
      score[d] += 1 / (FUSE_K + rank + 1);
    }
    byWords.slice(0, MEANING_WINDOW).forEach(add);
    nearest.forEach(add);
    order.sort(function (a, b) { return (first[b] || 0) - (first[a] || 0) || score[b] - score[a] || a - b; });
    return order.concat(byWords.slice(MEANING_WINDOW).filter(function (d) { return !(d in score); }));
  }

  function allowed(filters) {  // doc -> true for the entries the facets keep, or null: all
    var keep = null;
    FACETS.forEach(function (f) {
      if (!filters[f]) return;
      var names = loaded.names[f === "category" ? "categories" : f + "s"];
      var i = names.indexOf(filters[f]), set = {};
      if (i >= 0) decode(loaded.facets[f][i]).forEach(function (d) { if (!keep || keep[d]) set[d] = true; });
      keep = set;
    });
    return keep;
  }

  /* What a result shows of its entry: the passage of ``part`` holding most of the
     words found (``place``: the one meaning found closest), ``SNIPPET`` characters of it
     from a little before the first of them. */
  function snippet(doc, part, terms, place) {
    var passages = loaded["d" + doc][8], text = "", most = -1;
    if (place !== undefined && place < NO_PASSAGE && passages[place]) return cut(passages[place][1], terms);
    passages.forEach(function (p) {
      if (p[0] !== part) return;
      var lower = p[1].toLowerCase(), n = 0;
      terms.forEach(function (t) { if (lower.indexOf(t) >= 0) n += t.length; });
      if (n > most) { most = n; text = p[1]; }
    });
    return cut(text, terms);
  }
  function cut(text, terms) {
    if (text.length <= SNIPPET) return text;
    var lower = text.toLowerCase(), first = text.length;
    terms.forEach(function (t) { var at = lower.indexOf(t); if (at >= 0 && at < first) first = at; });
    var start = first === text.length ? 0 : Math.max(0, Math.min(first - BEFORE, text.length - SNIPPET));
    return (start ? "…" : "") + text.substr(start, SNIPPET) + (start + SNIPPET < text.length ? "…" : "");
  }

  function result(doc, found) {
    var names = loaded.names;
    var d = loaded["d" + doc];
    var part = 2, place;  // reflection, unless another part matched more
    var related = !!found && !(found.scores[doc] > 0);  // found by meaning only
    if (related && found.nearest && doc in found.nearest.part) {
      part = found.nearest.part[doc];
      place = found.nearest.passage[doc];
    }
    if (found && !related) {
      var f = found.fields.subarray(doc * 4, doc * 4 + 4);
      part = 0;
      for (var k = 1; k < 4; k++) if (f[k] > f[part]) part = k;
    }
    var terms = found && !related ? wordsOf(found, doc) : [];
    var tags = d[7].map(function (t) { return names.tags[t]; });
    return {
      href: BASE + d[0], title: d[1], unit: names.units[d[2]], campaign: names.campaigns[d[3]],
      category: d[4] >= 0 ? names.categories[d[4]] : "", date: d[6], isoDate: d[5],
      tags: tags,
      part: meta.labels.parts[part],
      snippet: part ? snippet(doc, part, terms, place)
        : tags.map(function (t) { return "#" + t; }).join(" ") + " " + snippet(doc, 1, terms),
      terms: terms,
      related: related
    };
  }

  /* Ranked entries for ``text`` among those ``filters`` keep: {total, results}. */
  function search(text, filters, limit) {
    filters = filters || {};
    text = text.normalize("NFKC");  // ＯＡ as OA, as the index's words (words.folded)
    return ready().then(function () {
      var wanted = {names: 1};
      (text.match(CJK) || []).forEach(function (run) {  // every pair of characters
        var chars = Array.from(run);
        if (chars.length === 1) wanted[termChunk(run)] = 1;
        for (var i = 0; i + 1 < chars.length; i++) wanted[termChunk(chars[i] + chars[i + 1])] = 1;
      });
      text.replace(CJK, " ").toLowerCase().split(/[^a-z0-9]+/).forEach(function (w) {
        if (w) wanted[termChunk(w)] = 1;
      });
      if (FACETS.some(function (f) { return filters[f]; })) wanted.facets = 1;
      return all(Object.keys(wanted));
    }).then(function () {  // a query of one character: the chunks of the words holding it
      var more = {};
      (text.match(CJK) || []).forEach(function (run) {
        if (Array.from(run).length === 1) heads(run).forEach(function (w) { more[termChunk(w)] = 1; });
      });
      return all(Object.keys(more));
    }).then(function () {
      var keep = allowed(filters), order, found = null;
      if (text.trim()) {
        return neighbours(analyse(text), text).then(function (groups) {
          found = score(groups);
          var nearest = found.nearest = byMeaning(pieces(groups, text), keep);
          return finish(fused(ranked(found, keep), nearest, found.whole), found, limit);
        });
      }
      order = [];
      for (var d = 0; d < meta.docs; d++) if (!keep || keep[d]) order.push(d);
      return finish(order, null, limit);
    });
  }

  function ranked(found, keep) {  // the entries found, best first
    var s = found.scores, order = keep ? found.docs.filter(function (d) { return keep[d]; }) : found.docs;
    return order.sort(function (a, b) { return s[b] - s[a] || a - b; });
  }
  function docChunks(docs) { return docs.map(function (d) { return "d" + d; }); }
  function finish(order, found, limit) {
    var shown = order.slice(0, limit || 10);
    return all(docChunks(shown)).then(function () {
      return {total: order.length, results: shown.map(function (d) { return result(d, found); })};
    });
  }

  function browseUrl(text) { return BASE + meta.browse + (text ? "?text=" + encodeURIComponent(text) : ""); }

  /* ---- showing results ---- */
  function marked(text, terms) {  // text as nodes, the words found in it marked
    var box = document.createDocumentFragment();
    var words = terms.filter(function (t) { return t.length > 1 || /[^\x00-\x7f]/.test(t); });
    if (!words.length) { box.appendChild(document.createTextNode(text)); return box; }
    var re = new RegExp("(" + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).sort(function (a, b) { return b.length - a.length; }).join("|") + ")", "gi");
    text.split(re).forEach(function (piece, i) {
      if (!piece) return;
      if (i % 2) { var m = document.createElement("mark"); m.textContent = piece; box.appendChild(m); }
      else box.appendChild(document.createTextNode(piece));
    });
    return box;
  }
  function node(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function hitBody(r, box) {
    var line = node("div", "fupan-meta", [r.unit, r.campaign, ""].join(" · "));
    if (r.related) line.insertBefore(node("span", "fupan-related", meta.labels.related), line.firstChild);
    line.appendChild(node("span", "fupan-date", r.date));  // 2025年4月20日 never broken
    box.appendChild(line);
    var snippet = node("p", "fupan-snippet");
    snippet.appendChild(node("span", "fupan-part", r.part));
    snippet.appendChild(marked(r.snippet, r.terms));
    box.appendChild(snippet);
  }

  /* Typed text in ``input`` answered in ``list`` (the count in ``count``), the results
     as the theme's search result items; returns the function that answers. */
  function answerer(input, count, list, box) {
    var asked = "";
    return function run() {
      var text = input.value.trim();
      asked = text;
      if (!text) { list.textContent = ""; count.textContent = count.getAttribute("data-empty") || ""; return; }
      search(text, {}, 10).then(function (found) {
        if (asked !== text) return;  // a newer query is on its way
        var L = meta.labels;
        count.textContent = found.total ? L.count.replace("{n}", found.total) : L.none;
        list.textContent = "";
        found.results.forEach(function (r) {
          var li = node("li", "md-search-result__item fupan-hit");
          var a = node("a", "md-search-result__link");
          a.href = r.href;
          var art = node("article", "md-search-result__article md-typeset");
          art.appendChild(node("h1", "", r.title));
          hitBody(r, art);
          a.appendChild(art); li.appendChild(a); list.appendChild(li);
        });
        var more = node("a", "fupan-all", L.all + " →");
        more.href = browseUrl(text);
        var li = node("li", "md-search-result__item");
        li.appendChild(more);
        list.appendChild(li);
        box.setAttribute("data-fupan-query", text);
      }).catch(function () { failed(count, list); });
    };
  }
  function failed(count, list) {  // a chunk that would not load, twice: say so, show nothing stale
    list.textContent = "";
    count.textContent = meta ? meta.labels.failed : "";
  }
  /* The first input after a pause answered at once, then one answer per pause. Not a
     lone character, though: it is mostly the start of a word still being typed, and its
     answer fetches the chunks of the forty words holding it, which the word's own
     chunks would then wait behind (an input method gives whole words at once); it is
     answered once no key follows it for 300 ms. */
  var PAUSE = 300;  // ms: a person's next key comes sooner than this
  function later(run, input) {
    var pending = null, last = 0;
    return function () {
      var now = Date.now(), paused = now - last > PAUSE;
      last = now;
      clearTimeout(pending);
      var lone = Array.from(input.value.trim()).length < 2;
      if (paused && !lone) run();
      else pending = setTimeout(run, lone ? PAUSE : 60);
    };
  }
  function openBrowse(text) { ready().then(function () { location.href = browseUrl(text); }); }

  /* The search box in the header of every page, answered by this engine: the theme's own
     box (Material), or, where the theme's search is a dialog of its own (Zensical), a box
     of fupan's that the header's search button opens. */
  function header() {
    var input = document.querySelector("input.md-search__input");
    var box = document.querySelector(".md-search-result");
    if (input && box) return themeBox(input, box);
    var button = document.querySelector(".md-search__button");
    if (button) ownBox(button);
  }

  function themeText(key) {  // one of the theme's own translations, from its page config
    try { return JSON.parse(document.getElementById("__config").textContent).translations[key] || ""; }
    catch (e) { return ""; }
  }
  function themeBox(input, box) {
    /* The theme's own search still answers (from an empty index) when the box gains or
       loses focus, and empties its list then: a result pressed for longer than that
       answer takes vanished under the pointer. So fupan's results are a count and a
       list of fupan's, between the theme's, which are hidden. */
    var theirs = box.querySelectorAll(":scope > .md-search-result__meta, :scope > .md-search-result__list");
    var ours = node("div", "fupan-results-box"), count = node("div", "md-search-result__meta");
    var list = node("ol", "md-search-result__list");
    list.setAttribute("role", "list");
    count.textContent = themeText("search.result.placeholder");
    count.setAttribute("data-empty", count.textContent);
    ours.appendChild(count); ours.appendChild(list);
    Array.prototype.forEach.call(theirs, function (e) { e.classList.add("fupan-theirs"); });
    box.insertBefore(ours, theirs.length ? theirs[theirs.length - 1] : null);
    var run = answerer(input, count, list, box), typed = later(run, input);
    var panel = document.querySelector(".md-search"), toggle = document.getElementById("__search");
    var alone = panel && panel.hidden && toggle;  // the theme gave its search up (page opened from disk)
    if (alone) {
      panel.hidden = false;
      input.addEventListener("focus", function () { toggle.checked = true; });
    }
    function take(e) {  // the box's typing is ours, not the theme's own search
      if (e.target !== input) return;
      if (e.type === "keydown") {
        if (e.key === "Enter") {
          e.preventDefault();
          e.stopImmediatePropagation();
          openBrowse(input.value.trim());
          return;
        }
        if (alone && e.key === "Escape") { toggle.checked = false; input.blur(); return; }
        if (/^(Escape|Tab|ArrowUp|ArrowDown)$/.test(e.key)) return;  // the theme's navigation
      }
      e.stopImmediatePropagation();
      if (e.type === "input") typed();
    }
    ["keydown", "keyup", "keypress", "input", "change"].forEach(function (t) {
      window.addEventListener(t, take, true);
    });
    if (input.form) input.form.addEventListener("reset", function () { setTimeout(run, 0); });  // ×
    ready();  // a few hundred bytes, so that typing need not wait for them
  }

  function ownBox(button) {
    var label = button.textContent.trim();
    var panel = node("div", "fupan-box md-typeset"), input = node("input", "fupan-box__input");
    var count = node("div", "fupan-box__meta"), list = node("ol", "fupan-box__list");
    input.type = "search";
    input.placeholder = label;
    input.setAttribute("aria-label", label);
    panel.setAttribute("role", "search");
    panel.hidden = true;
    panel.appendChild(input); panel.appendChild(count); panel.appendChild(list);
    document.body.appendChild(panel);
    var typed = later(answerer(input, count, list, panel), input);
    function open(e) {
      e.preventDefault();
      e.stopImmediatePropagation();  // the theme's own dialog stays closed
      panel.hidden = false;
      input.focus();
    }
    window.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest(".md-search__button, label[for='__search']")) open(e);
      else if (!panel.hidden && !panel.contains(e.target)) panel.hidden = true;
    }, true);
    window.addEventListener("keydown", function (e) {
      if (e.target === input) {
        if (e.key === "Escape") { panel.hidden = true; button.focus(); }
        if (e.key === "Enter") { e.preventDefault(); openBrowse(input.value.trim()); }
        e.stopImmediatePropagation();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") return open(e);  // the theme's shortcut
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) || e.target.isContentEditable;
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && /^[/sf]$/.test(e.key)) open(e);
    }, true);
    input.addEventListener("input", typed);
    ready();  // as in the theme's box
  }

  /* The browse page: facets and free text, state kept in the address. */
  function browse() {
    var form = document.querySelector("form.fupan-browse");
    if (!form) return;
    var countEl = document.querySelector(".fupan-count");
    var list = document.querySelector(".fupan-results");
    var asked = 0, PAGE = 20, shown = PAGE;
    var more = node("button", "fupan-more");
    more.type = "button";
    more.hidden = true;
    more.addEventListener("click", function () { shown += PAGE; render(state()); });
    list.parentNode.insertBefore(more, list.nextSibling);
    function state() {
      var s = {text: form.text.value.trim()};
      FACETS.forEach(function (f) { s[f] = form[f].value; });
      return s;
    }
    function render(s) {
      var ticket = ++asked;
      return search(s.text, s, shown).then(function (found) {
        if (ticket !== asked) return;
        countEl.textContent = found.total + " " + meta.labels.results;
        more.textContent = meta.labels.more;
        more.hidden = found.total <= shown;
        list.textContent = "";
        found.results.forEach(function (r) {
          var li = node("li", "fupan-hit"), a = node("a", "", r.title);
          a.href = r.href;
          li.appendChild(a);
          hitBody(r, li);
          list.appendChild(li);
        });
        if (!found.total) {  // say so, and what to do, rather than leave the page blank
          var filtered = FACETS.some(function (f) { return s[f]; });
          list.appendChild(node("li", "fupan-none", filtered ? meta.labels.noneFiltered : meta.labels.none));
        }
      }).catch(function () { if (ticket === asked) failed(countEl, list); });
    }
    function writeUrl(s) {
      var params = new URLSearchParams();
      Object.keys(s).forEach(function (k) { if (s[k]) params.set(k, s[k]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }
    function fill(select, values) {
      values.forEach(function (v) {
        var o = document.createElement("option");
        o.value = o.textContent = v;
        select.appendChild(o);
      });
    }
    function update() { var s = state(); shown = PAGE; writeUrl(s); render(s); }
    ready().then(function () {
      // the chunks of the text asked for load beside the names, not after them: the
      // answer below then waits for none of its own rounds
      var asked = new URLSearchParams(location.search).get("text");
      if (asked) search(asked, {}, PAGE).catch(function () {});
      return chunk("names");
    }).then(function (names) {
      fill(form.unit, names.units); fill(form.campaign, names.campaigns);
      fill(form.category, names.categories); fill(form.tag, names.tags); fill(form.year, names.years);
      var params = new URLSearchParams(location.search);
      form.text.value = params.get("text") || "";  // not "q": the theme's search reads that
      FACETS.forEach(function (f) { form[f].value = params.get(f) || ""; });
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
      form.addEventListener("reset", function () { setTimeout(update, 0); });
      return render(state());
    }).then(function () { form.classList.add("ready"); }, function () { failed(countEl, list); });
  }

  window.fupanSearch = {search: search, ready: ready};
  header();
  browse();
})();
