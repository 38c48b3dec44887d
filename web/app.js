// chorus web page: reads articles (pasted, files, or a stored event), calls
// the /v1 API and renders the summary with citations, facts, discrepancies,
// framing and the events timeline. No framework, no build step.
'use strict';

const $ = (sel) => document.querySelector(sel);

// ---------- small DOM helpers ----------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function setStatus(text, busy = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('busy', busy);
}
function showError(message) {
  const e = $('#error');
  e.textContent = message;
  e.hidden = !message;
}

// ---------- reading articles ----------
const HEADER = /^(source|date|title|url)\s*:\s*(.+)$/i;

// Splits pasted text into articles at lines holding only "---".
function parsePasted(text) {
  const chunks = text.split(/^[ \t]*-{3,}[ \t]*$/m).map((c) => c.trim()).filter(Boolean);
  return chunks.map((chunk, i) => {
    const lines = chunk.split('\n');
    const article = { id: `pasted-${i + 1}` };
    while (lines.length && HEADER.test(lines[0].trim())) {
      const [, key, value] = lines.shift().trim().match(HEADER);
      article[key.toLowerCase()] = value.trim();
    }
    article.text = lines.join('\n').trim();
    return article;
  }).filter((a) => a.text);
}

// A file goes to the server whole, as "file" (it reads the optional date and
// title lines as `chorus` reads files) or "html" (it extracts the main text as
// `chorus` reads .html files). The page reads nothing in it.
let chosenFiles = [];  // [{name, article}]

async function addFiles(fileList) {
  for (const file of fileList) {
    const content = await file.text();
    if (!content.trim()) continue;
    const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html';
    const article = { id: file.name.replace(/\.[^.]+$/, ''), [isHtml ? 'html' : 'file']: content };
    chosenFiles = chosenFiles.filter((f) => f.name !== file.name);
    chosenFiles.push({ name: file.name, article });
  }
  renderFileList();
}

function renderFileList() {
  const list = $('#file-list');
  list.replaceChildren(...chosenFiles.map((f, i) => el('li', {},
    el('span', {}, f.name, ' ', el('span', { class: 'meta', text: `${Math.max(1, Math.round((f.article.file ?? f.article.html).length / 1024))} KB` })),
    el('button', {
      type: 'button', class: 'linkish', 'aria-label': `Remove ${f.name}`,
      onclick: () => { chosenFiles.splice(i, 1); renderFileList(); },
    }, 'remove'))));
  setStatus(chosenFiles.length ? `${plural(chosenFiles.length, 'file')} ready.` : 'No files chosen.');
}

function currentArticles() {
  const tab = document.querySelector('[role="tab"][aria-selected="true"]').id;
  if (tab === 'tab-files') return chosenFiles.map((f) => f.article);
  return parsePasted($('#paste').value);
}

function currentOptions() {
  const options = {};
  const words = parseInt($('#words').value, 10);
  if (words > 0) options.words = words;
  if ($('#method').value) options.method = $('#method').value;
  if ($('#query').value.trim()) options.query = $('#query').value.trim();
  return options;
}

// ---------- API ----------
async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const msg = data?.error?.message || `HTTP ${res.status}`;
    throw new Error(`${msg} (${res.status})`);
  }
  return data;
}

// ---------- rendering ----------
// Documents of the current account, indexable by position and by id.
let docs = [];
// Short names: the outlet when known, else the source's number in the list.
const docName = (d) => d ? (d.label || d.source || d.id) : '?';

function docRef(ref) {
  if (typeof ref === 'number') return docs[ref];
  return docs.find((d) => d.id === ref) || { id: String(ref) };
}

// The articles' sentences as the server split them (POST /v1/sentences), by
// document id and index: a summary sentence's `support_sentences` name the
// sentence of each supporting article that backs it.
let sentenceTexts = new Map();
const sentenceKey = (doc, index) => `${doc}\u0000${index}`;
function setSentences(result) {
  sentenceTexts = new Map((result?.sentences || []).map((s) => [sentenceKey(s.doc, s.sentence), s.text]));
}

function renderSummary(summary) {
  const list = $('#summary');
  const sentences = summary?.summary || summary?.sentences || [];
  list.replaceChildren();
  $('#source-detail').hidden = true;
  sentences.forEach((s, i) => {
    const support = (s.support && s.support.length ? s.support : [s.doc_id ?? s.doc]).map(docRef);
    const label = `${support.length} of ${docs.length} sources`;
    const span = el('span', {
      class: 'sentence', tabindex: '0', role: 'button', 'aria-expanded': 'false',
      'aria-controls': 'source-detail',
      'aria-label': `${s.text} Cited by ${label}: ${support.map(docName).join(', ')}.`,
      'data-index': i,
    }, s.text);
    const cite = el('span', { class: 'cite', 'aria-hidden': 'true', title: support.map(docName).join(', ') }, label);
    const show = () => showSources(s, support, span);
    span.addEventListener('mouseenter', show);
    span.addEventListener('focus', show);
    span.addEventListener('click', show);
    span.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
    list.append(el('li', {}, span, cite));
  });
  $('#summary-section').hidden = sentences.length === 0;
}

function showSources(s, support, span) {
  document.querySelectorAll('.sentence[aria-expanded="true"]').forEach((n) => n.setAttribute('aria-expanded', 'false'));
  span.setAttribute('aria-expanded', 'true');
  const origin = docRef(s.doc_id ?? s.doc);
  const items = [el('li', {}, el('span', { class: 'who' }, docName(origin)),
    ` (sentence ${Number(s.sentence) + 1}, quoted): `, el('q', {}, s.text))];
  const backing = new Map((s.support_sentences || []).map((b) => [b.doc, b.sentence]));
  for (const d of support) {
    if (d === origin || d.id === origin.id) continue;
    const index = backing.get(d.id);
    const text = index === undefined ? undefined : sentenceTexts.get(sentenceKey(d.id, index));
    items.push(el('li', { class: 'backing' }, el('span', { class: 'who' }, docName(d)),
      text ? [` (sentence ${index + 1}): `, el('q', {}, text)] : ' reports the same content.'));
  }
  const box = $('#source-detail');
  box.replaceChildren(el('h4', {}, `Sources of sentence ${Number(span.dataset.index) + 1}`), el('ul', {}, items));
  box.hidden = false;
}

function sourceNames(refs) { return (refs || []).map((r) => docName(docRef(r))); }

let showAllFacts = false;
let lastComparison = null;
function renderFacts(comparison) {
  lastComparison = comparison;
  const body = $('#facts tbody');
  const support = (f) => f.support ?? f.sources?.length ?? 0;
  const facts = [...(comparison?.facts || [])].sort((a, b) => support(b) - support(a));
  const shown = showAllFacts ? facts : facts.slice(0, 12);
  const more = $('#more-facts');
  more.hidden = facts.length <= 12;
  more.textContent = showAllFacts ? 'Show fewer facts' : `Show all ${facts.length} facts`;
  more.setAttribute('aria-expanded', showAllFacts ? 'true' : 'false');
  body.replaceChildren(...shown.map((f) => {
    const n = support(f);
    const meter = el('span', { class: 'meter', 'aria-hidden': 'true' },
      docs.map((_, i) => el('i', { class: i < n ? 'on' : '' })));
    const text = f.kind === 'quote' && f.speaker ? `“${f.text}” — ${f.speaker}` : f.text;
    return el('tr', {},
      el('td', {}, text),
      el('td', { class: 'kind' }, f.kind || ''),
      el('td', {}, el('span', { class: 'count' }, meter, `${n} of ${docs.length}`),
        el('span', { class: 'who-list' }, sourceNames(f.sources).join(', '))));
  }));
  $('#facts-section').hidden = facts.length === 0;
}

function renderDiscrepancies(comparison) {
  const items = (comparison?.discrepancies || []).map((d) => el('li', {},
    el('span', { class: 'about' }, d.about),
    el('div', { class: 'values' }, (d.values || []).map((v) =>
      el('span', {}, el('strong', {}, v.value), ' — ', sourceNames(v.sources).join(', '))))));
  $('#discrepancies').replaceChildren(...items);
  $('#discrepancies-section').hidden = items.length === 0;
}

function renderFraming(comparison) {
  const cards = (comparison?.framing || []).filter((f) => f.terms?.length).map((f) => el('div', { class: 'outlet' },
    el('h4', {}, docName(docRef(f.source))),
    el('ul', { class: 'terms', 'aria-label': `Distinctive terms of ${docName(docRef(f.source))}` },
      f.terms.slice(0, 10).map((t) => el('li', { title: `score ${Number(t.score).toFixed(2)}` }, t.term))),
    f.loaded?.length ? el('p', { class: 'loaded' }, 'Word choices: ',
      f.loaded.slice(0, 4).map((l, i) => [i ? '; ' : '', el('em', {}, l.term), ` for ${l.referent}`])) : null));
  $('#framing').replaceChildren(...cards);
  $('#framing-section').hidden = cards.length === 0;
}

function renderPerspectives(comparison) {
  const factList = (refs, label) => refs?.length
    ? el('ul', { 'aria-label': label }, refs.map((f) => el('li', {}, f.text)))
    : el('p', { class: 'loaded' }, 'nothing');
  const sides = (comparison?.perspectives || []).map((p) => el('section', { class: `side ${p.lean}` },
    el('h4', {}, p.lean),
    el('p', { class: 'loaded' }, (p.outlets || []).join(', ')),
    el('h5', {}, 'Only this side reports'), factList(p.only_here, `Only ${p.lean} reports`),
    el('h5', {}, 'Leaves out what the others report'), factList(p.left_out, `${p.lean} leaves out`),
    p.terms?.length ? [el('h5', {}, 'Its words'),
      el('ul', { class: 'terms' }, p.terms.slice(0, 8).map((t) => el('li', {}, t.term)))] : null));
  $('#perspectives').replaceChildren(...sides);
  $('#perspectives-section').hidden = sides.length === 0;
}

function renderSources() {
  $('#sources').replaceChildren(...docs.map((d) => el('li', {},
    d.url ? el('a', { href: d.url, rel: 'noreferrer' }, d.title || d.id) : (d.title || d.id),
    el('span', { class: 'meta' }, [d.source, d.date].filter(Boolean).length ? ` — ${[d.source, d.date].filter(Boolean).join(', ')}` : ''))));
  $('#sources-section').hidden = docs.length === 0;
}

function renderAccount(articles, summary, comparison) {
  // Outlets named more than once get numbered: "Courier 1", "Courier 2".
  // The server read the files (outlet, title and date lines; pasted articles
  // split in parts): take what it reports about each source.
  const reported = comparison?.sources || [];
  const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
  if (reported.length) {
    articles = reported.map((r) => {
      const base = byId[r.id] || byId[String(r.id).split('#')[0]] || {};
      return { ...base, id: r.id, source: r.outlet || base.source, title: r.title || base.title, date: r.date || base.date };
    });
  }
  const seen = {};
  for (const a of articles) if (a.source) seen[a.source] = (seen[a.source] || 0) + 1;
  const nth = {};
  docs = articles.map((a, i) => {
    let label = a.source || `Source ${i + 1}`;
    if (a.source && seen[a.source] > 1) { nth[a.source] = (nth[a.source] || 0) + 1; label += ` ${nth[a.source]}`; }
    return { ...a, label };
  });
  renderSummary(summary);
  renderFacts(comparison);
  renderDiscrepancies(comparison);
  renderFraming(comparison);
  renderPerspectives(comparison);
  renderSources();
}

// ---------- actions ----------
let busy = false;
function setBusy(on) {
  busy = on;
  for (const id of ['#submit', '#store']) $(id).disabled = on;
  $('#results').setAttribute('aria-busy', on ? 'true' : 'false');
}

async function summarizeCurrent(event) {
  event?.preventDefault();
  if (busy) return;
  const articles = currentArticles();
  showError('');
  // Pasted or chosen articles are no stored event: no "What's new" for them.
  openEventId = null;
  $('#whats-new').hidden = true;
  $('#summary-heading').textContent = 'Summary';
  if (!articles.length) {
    showError('No articles yet: paste some text (articles separated by a line with ---) or choose files.');
    return;
  }
  setBusy(true);
  setStatus(`Reading ${plural(articles.length, 'article')}…`, true);
  try {
    const options = currentOptions();
    const compareOptions = {};
    // The summary is shown even when the comparison fails, and vice versa;
    // without the sentences, only the backing sentences' texts are missing.
    const [summarized, compared, sentences] = await Promise.allSettled([
      api('POST', '/v1/summarize', { articles, options }),
      api('POST', '/v1/compare', { articles, options: compareOptions }),
      api('POST', '/v1/sentences', { articles }),
    ]);
    setSentences(sentences.value);
    if (summarized.status === 'rejected' && compared.status === 'rejected') throw summarized.reason;
    const summary = summarized.value || {};
    const comparison = compared.value || {};
    renderAccount(articles, summary, comparison);
    const failed = [summarized, compared].filter((r) => r.status === 'rejected');
    showError(failed.map((r) => r.reason.message).join(' · '));
    setStatus(`Summary of ${plural(articles.length, 'article')}: ${plural((summary.summary || summary.sentences || []).length, 'sentence')}, ` +
      `${plural(comparison.facts?.length || 0, 'fact')}, ${plural(comparison.discrepancies?.length || 0, 'discrepancy').replace('discrepancys', 'discrepancies')}.`);
    $('#results').focus({ preventScroll: window.innerWidth > 900 });
  } catch (err) {
    setStatus('Could not summarize.');
    showError(err.message);
  } finally {
    setBusy(false);
  }
}

async function storeCurrent() {
  if (busy) return;
  const articles = currentArticles();
  showError('');
  if (!articles.length) { showError('No articles to add.'); return; }
  setBusy(true);
  setStatus('Adding articles to the store…', true);
  try {
    const res = await api('POST', '/v1/articles', { articles });
    const events = new Set((res.articles || []).map((a) => a.event));
    setStatus(`Added ${plural(articles.length, 'article')} to ${plural(events.size, 'event')}.`);
    await loadEvents();
  } catch (err) {
    setStatus('Could not add the articles.');
    showError(err.message);
  } finally {
    setBusy(false);
  }
}

function renderTimeline(events) {
  const dated = events.filter((e) => e.first_date);
  const box = $('#timeline');
  if (!dated.length) { box.replaceChildren(); return; }
  const day = (d) => Date.parse(`${d}T00:00:00Z`) / 86400000;
  const lo = Math.min(...dated.map((e) => day(e.first_date)));
  const hi = Math.max(...dated.map((e) => day(e.last_date || e.first_date)));
  const span = Math.max(1, hi - lo);
  const rows = dated.slice(0, 30).map((e) => {
    const bar = el('span', { class: 'bar', title: `${e.label}: ${e.first_date} – ${e.last_date || e.first_date}` });
    bar.style.left = `${((day(e.first_date) - lo) / span) * 96}%`;
    bar.style.width = `${Math.max(1.5, ((day(e.last_date || e.first_date) - day(e.first_date)) / span) * 96)}%`;
    return el('div', { class: 'row' }, bar);
  });
  box.replaceChildren(el('div', { 'aria-hidden': 'true' }, rows),
    el('div', { class: 'axis', 'aria-hidden': 'true' },
      el('span', {}, new Date(lo * 86400000).toISOString().slice(0, 10)),
      el('span', {}, new Date(hi * 86400000).toISOString().slice(0, 10))));
}

// One page of stored events at a time (the API's cursor paging); "More
// events" fetches the next page after the last one shown.
const EVENT_PAGE = 100;
let shownEvents = [];

function eventItem(e) {
  return el('li', {}, el('button', {
    type: 'button', onclick: () => openEvent(e.event),
    'aria-label': `Open event ${e.event}: ${e.label}, ${plural(e.articles, 'article')}`,
  },
  el('span', { class: 'label' }, e.label || `Event ${e.event}`),
  el('span', { class: 'meta' }, [plural(e.articles, 'article'), plural(e.independent_sources ?? 0, 'source'),
    e.first_date ? (e.first_date === e.last_date || !e.last_date ? e.first_date : `${e.first_date} – ${e.last_date}`) : 'undated'].join(' · '))));
}

async function loadEvents(after = 0) {
  try {
    const data = await api('GET', `/v1/events?limit=${EVENT_PAGE}&after=${after}`);
    const page = data.events || [];
    shownEvents = after ? shownEvents.concat(page) : page;
    renderTimeline(shownEvents);
    const list = $('#event-list');
    if (!shownEvents.length) {
      list.replaceChildren(el('li', { class: 'empty' }, 'No stored events yet. Add articles with “Add to store”.'));
      return;
    }
    const items = shownEvents.map(eventItem);
    if (data.next_after != null) {
      items.push(el('li', { class: 'more' }, el('button', {
        type: 'button', class: 'linkish', onclick: () => loadEvents(data.next_after),
      }, 'More events')));
    }
    list.replaceChildren(...items);
  } catch (err) {
    $('#event-list').replaceChildren(el('li', { class: 'empty' }, `Events unavailable: ${err.message}`));
  }
}

// A stored event's account; with `since` (YYYY-MM-DD), "What's new": the
// summary tells what its articles dated since then add to the earlier ones.
let openEventId = null;
async function openEvent(id, since = '') {
  if (busy) return;
  setBusy(true);
  showError('');
  setStatus(since ? `What's new in event ${id} since ${since}…` : `Opening event ${id}…`, true);
  try {
    const params = new URLSearchParams(currentOptions());
    if (since) params.set('since', since);
    const query = params.toString();
    const data = await api('GET', `/v1/events/${encodeURIComponent(id)}${query ? `?${query}` : ''}`);
    // The stored articles' sentences, split by the server as it split them for the summary.
    setSentences(await api('POST', '/v1/sentences', { articles: data.articles || [] }).catch(() => null));
    renderAccount(data.articles || [], data.summary, data.comparison);
    openEventId = id;
    const form = $('#whats-new');
    form.hidden = false;
    // Default: the event's last day is new, everything before it was read.
    if (!since) $('#since').value = data.event?.last_date || '';
    $('#whole-event').hidden = !since;
    $('#summary-heading').textContent = since ? `What's new since ${since}` : 'Summary';
    const sentences = (data.summary?.summary || []).length;
    setStatus(since
      ? `Event ${id}: ${plural(sentences, 'new sentence')} since ${since}${sentences ? '' : ' (nothing new)'}.`
      : `Event ${id}: ${data.event?.label || ''} — ${plural((data.articles || []).length, 'article')}.`);
    $('#results').focus();
  } catch (err) {
    setStatus('Could not open the event.');
    showError(err.message);
  } finally {
    setBusy(false);
  }
}

function initWhatsNew() {
  $('#whats-new').addEventListener('submit', (e) => {
    e.preventDefault();
    if (openEventId !== null && $('#since').value) openEvent(openEventId, $('#since').value);
  });
  $('#whole-event').addEventListener('click', () => { if (openEventId !== null) openEvent(openEventId); });
}

// ---------- tabs (WAI-ARIA tabs pattern: arrows move, Enter/click selects) ----------
function selectTab(tab) {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (tab.id === 'tab-events') loadEvents();
  $('#submit').hidden = tab.id === 'tab-events';
  $('#store').hidden = tab.id === 'tab-events';
  $('#options').hidden = false;
}

function initTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => selectTab(t));
    t.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      selectTab(next);
    });
  });
}

function initFiles() {
  const drop = $('#drop');
  $('#files').addEventListener('change', (e) => addFiles(e.target.files));
  ['dragenter', 'dragover'].forEach((n) => drop.addEventListener(n, (e) => { e.preventDefault(); drop.classList.add('over'); }));
  ['dragleave', 'drop'].forEach((n) => drop.addEventListener(n, (e) => { e.preventDefault(); drop.classList.remove('over'); }));
  drop.addEventListener('drop', (e) => addFiles(e.dataTransfer.files));
}

async function initMethods() {
  try {
    const health = await api('GET', '/healthz');
    const methods = health.methods || [];
    if (methods.length) {
      $('#method').replaceChildren(...methods.map((m, i) => el('option', { value: i ? m : '' }, m)));
    }
  } catch { /* the default method still works */ }
}

document.addEventListener('DOMContentLoaded', () => {
  initTabs();
  initFiles();
  initWhatsNew();
  initMethods();
  $('#articles-form').addEventListener('submit', summarizeCurrent);
  $('#store').addEventListener('click', storeCurrent);
  $('#refresh-events').addEventListener('click', () => loadEvents());
  $('#more-facts').addEventListener('click', () => { showAllFacts = !showAllFacts; renderFacts(lastComparison); });
});
