/* fupan browse page: facets and Chinese-aware free text over the data browse-data.js sets. No library. */
(function () {
  "use strict";
  var form = document.querySelector("form.fupan-browse");
  if (!form) return;
  var labels = JSON.parse(form.dataset.labels);
  var countEl = document.querySelector(".fupan-count");
  var list = document.querySelector(".fupan-results");
  var FACETS = ["unit", "campaign", "category", "tag", "year"];
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET[i]] = i;
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var data, vocab, synonyms = {}, cache = {};

  function decode(text) {  // deltas in a base-32 varint, or "~" and a bitmap: see browse.py
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

  function postings(term) {
    if (!(term in cache)) cache[term] = data.terms[term] ? decode(data.terms[term]) : [];
    return cache[term];
  }

  function idf(term) {
    return Math.log(1 + data.docs.length / (postings(term).length || 1));
  }

  /* The query as groups of alternative index words: each group is one thing asked for. */
  function analyse(query) {
    var groups = [], runs = query.match(CJK) || [];
    runs.forEach(function (run) {
      var before = groups.length;
      if (run.length === 1) {  // one character: every word that holds it
        var holding = vocab.filter(function (w) { return w.indexOf(run) >= 0; });
        if (holding.length) groups.push({words: holding, text: run});
        return;
      }
      for (var n = Math.min(run.length, 6); n >= 2; n--) {
        for (var s = 0; s + n <= run.length; s++) {
          var w = run.substr(s, n);
          if (data.terms[w]) groups.push({words: [w], text: w});
        }
      }
      if (groups.length === before) groups.push({words: [], text: run});  // nothing known
    });
    query.replace(CJK, " ").toLowerCase().split(/[^a-z0-9]+/).forEach(function (word) {
      if (!word) return;
      // an index stem is a prefix of the word typed (registr < registration), or the
      // word typed is the start of a longer one
      var found = vocab.filter(function (w) {
        return /^[a-z0-9]/.test(w) && ((word.indexOf(w) === 0 && w.length >= Math.min(4, word.length))
          || w.indexOf(word) === 0);
      });
      groups.push({words: found, text: word});
    });
    groups.forEach(function (g) {
      var extra = [];
      g.words.forEach(function (w) { (synonyms[w] || []).forEach(function (s) { extra.push(s); }); });
      g.synonyms = extra.filter(function (s) { return g.words.indexOf(s) < 0; });
    });
    return groups;
  }

  function score(query, groups) {
    var scores = {}, hits = {};
    groups.forEach(function (g, gi) {
      var seen = {};
      [[g.words, 1], [g.synonyms, 0.5]].forEach(function (pair) {
        pair[0].forEach(function (w) {
          var weight = idf(w) * pair[1] * (w.length > 1 ? 1 : 0.5);
          postings(w).forEach(function (doc) {
            if (seen[doc] >= weight) return;
            scores[doc] = (scores[doc] || 0) - (seen[doc] || 0) + weight;
            seen[doc] = weight;
            (hits[doc] = hits[doc] || {})[gi] = true;
          });
        });
      });
    });
    var needle = query.replace(/\s+/g, "");
    Object.keys(scores).forEach(function (doc) {
      var d = data.docs[doc], matched = Object.keys(hits[doc]).length;
      var s = scores[doc] * matched / groups.length;  // more of the query matched ranks higher
      if (needle && d[1].indexOf(needle) >= 0) s *= 2;  // the whole query in the title
      scores[doc] = s;
    });
    return scores;
  }

  function state() {
    var s = {text: form.text.value.trim()};
    FACETS.forEach(function (f) { s[f] = form[f].value; });
    return s;
  }

  function keep(doc, s) {
    return (!s.unit || data.units[doc[2]] === s.unit)
      && (!s.campaign || data.campaigns[doc[3]] === s.campaign)
      && (!s.category || data.categories[doc[4]] === s.category)
      && (!s.tag || doc[6].some(function (t) { return data.tags[t] === s.tag; }))
      && (!s.year || doc[5].slice(0, 4) === s.year);
  }

  function render(s) {
    var order;
    if (s.text) {
      var scores = score(s.text, analyse(s.text));
      order = Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a]; });
    } else {
      order = data.docs.map(function (_, i) { return i; });
    }
    order = order.filter(function (i) { return keep(data.docs[i], s); });
    countEl.textContent = order.length + " " + labels.results;
    list.textContent = "";
    order.slice(0, 50).forEach(function (i) {
      var d = data.docs[i], li = document.createElement("li"), a = document.createElement("a");
      a.href = d[0]; a.textContent = d[1];
      var meta = document.createElement("div");
      meta.className = "fupan-meta";
      meta.textContent = [data.units[d[2]], data.campaigns[d[3]], d[5]].join(" · ");
      var snippet = document.createElement("div");
      snippet.className = "fupan-snippet";
      snippet.textContent = d[8];
      li.appendChild(a); li.appendChild(meta); li.appendChild(snippet);
      list.appendChild(li);
    });
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

  function update() { var s = state(); writeUrl(s); render(s); }

  function start(json) {
    data = json;
    vocab = Object.keys(data.terms);
    data.synonyms.forEach(function (group) {
      group.forEach(function (w) { synonyms[w] = group.filter(function (s) { return s !== w; }); });
    });
    fill(form.unit, data.units); fill(form.campaign, data.campaigns);
    fill(form.category, data.categories); fill(form.tag, data.tags);
    var years = {};
    data.docs.forEach(function (d) { years[d[5].slice(0, 4)] = true; });
    fill(form.year, Object.keys(years).sort().reverse());
    var params = new URLSearchParams(location.search);
    form.text.value = params.get("text") || "";  // not "q": Material's search reads that
    FACETS.forEach(function (f) { form[f].value = params.get(f) || ""; });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    render(state());
    form.classList.add("ready");
  }

  start(window.fupanBrowse);  // set by browse-data.js, loaded before this script
})();
