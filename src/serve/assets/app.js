// The annals search page. The URL is the state: every search, filter,
// time scale, sort and page is in it, so a page can be shared and reloaded,
// and Back goes back. Everything shown is built as DOM nodes with
// textContent: no text from the index is ever parsed as HTML.
'use strict';

const PAGE_SIZE = 10;
// Deep enough for a histogram of a long corpus; lists show the first few.
const FACET_LIMIT = 60;
const LIST_SHOWN = 8;
// The facet registry, as /api/facets gives it (see configure()): the page
// derives its filters, time scales and lists from the same definitions as
// the API and the command line.
// Filters as the API names them; each may repeat (OR within, AND across).
let FILTERS = [];
// Time facets, finest first; the first is also the filter that histogram
// bars set (a decade bar sets year=1990s).
let TIME_SCALES = [];
// Time facets a trend can be drawn over (trend.js).
const TREND_AXES = [];
// Facets listed in the sidebar with their counts.
let LISTS = [];
// Headings of filters and lists.
const FILTER_NAMES = {};
const TIME_VALUES = ['years', 'decades', 'centuries'];
const LIST_VALUES = ['countries', 'names', 'paths'];
// Names a hit carries, shown on its card as filters: [record key, filter].
const HIT_NAMES = [['persons', 'person'], ['orgs', 'org'], ['places', 'place']];
// Passed through from the URL to the API untouched.
const SWITCHES = ['plain', 'all', 'group_by'];
// The page's own choices, kept in the URL but not sent to the search API:
// [parameter, default].
const VIEW_PARAMS = [['view', 'sentences'], ['lines', 'rank'], ['shade', 'count']];
// The facet of countries (the one whose values are country codes), shown
// as a map.
let COUNTRY_FACET = null;
const SVG = 'http://www.w3.org/2000/svg';

const $ = (sel) => document.querySelector(sel);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Display names of filter values (a country's name for its code), learnt
// from facet answers, so that chips read well.
const names = new Map();
let inflight = null;
let lastAnswer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// ---- state <-> URL ----

function readState(search) {
  const p = new URLSearchParams(search);
  const state = { q: p.get('q') || '', sort: p.get('sort') || 'relevance' };
  const page = parseInt(p.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page > 0 ? page : 1;
  const time = p.get('facet');
  state.time = TIME_SCALES.includes(time) ? time : TIME_SCALES[0];
  for (const f of FILTERS) state[f] = p.getAll(f).filter((v) => v !== '');
  for (const s of SWITCHES) if (p.has(s)) state[s] = p.get(s);
  for (const [k, d] of VIEW_PARAMS) state[k] = p.get(k) || d;

  // The trend view's state (trend.js): compared queries, axis, scale.
  state.vs = p.getAll('vs').filter((v) => v !== '').slice(0, 4);
  state.trend_by = p.get('trend_by') || '';
  state.trend_scale = p.get('trend_scale') || '';
  return state;
}

function pageParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  if (state.time !== TIME_SCALES[0]) p.set('facet', state.time);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  for (const s of SWITCHES) if (state[s] !== undefined) p.set(s, state[s]);
  for (const [k, d] of VIEW_PARAMS) if (state[k] && state[k] !== d) p.set(k, state[k]);

  for (const v of state.vs || []) p.append('vs', v);
  if (state.trend_by) p.set('trend_by', state.trend_by);
  if (state.trend_scale) p.set('trend_scale', state.trend_scale);
  return p;
}

function pageUrl(state) {
  const query = pageParams(state).toString();
  return query ? `/?${query}` : '/';
}

function apiUrl(state) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  p.set('facet', [state.time, ...LISTS].join(','));
  p.set('facet_limit', String(FACET_LIMIT));
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String((state.page - 1) * PAGE_SIZE));
  p.set('sort', state.sort);
  for (const s of SWITCHES) if (state[s] !== undefined) p.set(s, state[s]);
  if (state.view === 'lines') p.set('kwic', '1');
  return `/api/search?${p}`;
}

/// The parameters that pick the sentences, for collocates.
function selectionParams(state) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  for (const s of ['plain', 'all']) if (state[s] !== undefined) p.set(s, state[s]);
  return p;
}

let current = null;

/// Learns the registry; builds the time-scale buttons and the list sections.
function configure(dimensions) {
  for (const d of dimensions) {
    FILTER_NAMES[d.name] = d.label;
    if (d.filter) FILTERS.push(d.name);
    // Documents' own dates are drawn by the trend view, not the histogram,
    // whose bars filter by the dates sentences speak of.
    if (d.countable && TIME_VALUES.includes(d.values) && !d.name.startsWith('doc_')) TIME_SCALES.push(d.name);
    if (d.countable && TIME_VALUES.includes(d.values)) TREND_AXES.push(d.name);
    if (d.countable && LIST_VALUES.includes(d.values)) LISTS.push(d.name);
    if (d.countable && d.values === 'countries' && !COUNTRY_FACET) COUNTRY_FACET = d.name;
  }
  $('#facet-map').hidden = !COUNTRY_FACET;
  FILTER_NAMES[TIME_SCALES[0]] = 'Time';
  $('#time-scales').replaceChildren(...TIME_SCALES.map((name) => el('button', {
    type: 'button', 'data-time': name, text: name,
    onclick: () => change((s) => { s.time = name; }),
  })));
  const lists = LISTS.map((name) => el('section', { class: 'facet', id: `facet-${name}` },
    el('h2', { text: FILTER_NAMES[name] }), el('ul', { class: 'values' })));
  $('#filters').append(...lists);
}

function go(next) {
  current = next;
  const url = pageUrl(next);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  load();
}

function change(fn) {
  const next = structuredClone(current);
  fn(next);
  go(next);
}

function toggle(kind, value) {
  change((s) => {
    const i = s[kind].indexOf(value);
    if (i >= 0) s[kind].splice(i, 1);
    else s[kind].push(value);
    s.page = 1;
  });
}

// ---- loading ----

/// Nothing asked yet: the page opens on what the index holds.
function isOverview(state) {
  return !state.q && FILTERS.every((f) => state[f].length === 0);
}

async function load() {
  syncControls();
  if (isOverview(current)) {
    await showOverview();
    return;
  }
  if (inflight) inflight.abort();
  const controller = new AbortController();
  inflight = controller;
  document.body.classList.add('loading');
  document.body.dataset.state = 'loading';
  try {
    const response = await fetch(apiUrl(current), { signal: controller.signal });
    const answer = await response.json();
    if (controller !== inflight) return;
    if (!response.ok) {
      showError(answer.error || `the server answered ${response.status}`);
      return;
    }
    render(answer);
  } catch (e) {
    if (e.name !== 'AbortError') showError(`cannot reach the server: ${e.message}`);
  } finally {
    if (controller === inflight) {
      document.body.classList.remove('loading');
      inflight = null;
    }
  }
}

function showError(message) {
  $('#overview').hidden = true;
  $('#trend').hidden = true;
  const box = $('#error');
  box.textContent = message;
  box.hidden = false;
  $('#notice').hidden = true;
  $('#hits').replaceChildren();
  $('#pager').replaceChildren();
  $('#summary').textContent = '';
  // Counts of a search that failed would be some other search's.
  $('.facets').hidden = true;
  renderChips();
  document.body.dataset.state = 'error';
}

function syncControls() {
  const q = $('#q');
  if (document.activeElement !== q || !q.value) q.value = current.q;
  $('#sort').value = current.sort;
  for (const b of document.querySelectorAll('[data-time]')) {
    b.setAttribute('aria-pressed', String(b.dataset.time === current.time));
  }
  document.title = current.q ? `${current.q} — annals` : 'annals';
  for (const b of document.querySelectorAll('[data-view]')) {
    b.setAttribute('aria-pressed', String(b.dataset.view === current.view));
  }
  for (const b of document.querySelectorAll('[data-shade]')) {
    b.setAttribute('aria-pressed', String(b.dataset.shade === current.shade));
  }
  $('#line-sort').value = current.lines;
  $('#line-sort-label').hidden = current.view !== 'lines';
}

// ---- rendering ----

function render(answer) {
  lastAnswer = answer;
  $('#error').hidden = true;
  $('#overview').hidden = true;
  $('.facets').hidden = false;
  document.body.dataset.view = 'results';
  const notice = $('#notice');
  notice.hidden = !answer.notice;
  notice.textContent = answer.notice ? `${answer.notice}.` : '';
  for (const kind of LISTS) {
    for (const v of answer.facets[kind] || []) if (v.name) names.set(`${kind}:${v.value}`, v.name);
  }
  renderSummary(answer);
  renderChips();
  const lines = current.view === 'lines';
  $('#hits').hidden = lines;
  $('#lines').hidden = !lines;
  if (lines) {
    $('#hits').replaceChildren();
    renderLines(answer);
  } else {
    $('#lines tbody').replaceChildren();
    renderHits(answer);
  }
  renderPager(answer);
  if (COUNTRY_FACET) renderMap(answer.facets[COUNTRY_FACET] || []);
  renderHistogram(answer.facets[current.time] || [], answer.facet_info[current.time]);
  for (const kind of LISTS) {
    renderList(kind, answer.facets[kind] || []);
  }
  if (typeof loadTrend === 'function') loadTrend();
  document.body.dataset.state = 'ready';
  document.body.dataset.total = String(answer.total);
  loadCollocates();
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function renderSummary(answer) {
  const unit = current.group_by === 'doc' ? ['document', 'documents'] : ['sentence', 'sentences'];
  const summary = $('#summary');
  summary.dataset.total = String(answer.total);
  if (answer.total === 0) {
    summary.textContent = 'No sentences match.';
    return;
  }
  const first = answer.offset + 1;
  const last = answer.offset + answer.hits.length;
  const range = answer.hits.length ? `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ` : '';
  summary.textContent = `${range}${plural(answer.total, ...unit)} · ${answer.took_ms.toFixed(1)} ms`;
}

function renderChips() {
  const chips = [];
  for (const kind of FILTERS) {
    for (const value of current[kind]) {
      const label = names.get(`${kind}:${value}`) || value;
      chips.push(el('li', {},
        el('button', {
          type: 'button', class: 'chip', 'data-kind': kind, 'data-value': value,
          title: `Remove this filter`, onclick: () => toggle(kind, value),
        }, el('span', { class: 'chip-kind', text: FILTER_NAMES[kind] }), ` ${label} `, el('span', { class: 'x', 'aria-hidden': 'true', text: '×' }))));
    }
  }
  $('#chips').replaceChildren(...chips);
}

/// The fragment with its matches marked. Highlights are byte ranges of
/// UTF-8; JavaScript strings are UTF-16, so cut the bytes, then decode.
function highlighted(fragment, ranges) {
  const bytes = encoder.encode(fragment);
  const out = document.createDocumentFragment();
  let pos = 0;
  const sorted = [...(ranges || [])].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    const s = Math.max(pos, Math.min(start, bytes.length));
    const e = Math.max(s, Math.min(end, bytes.length));
    if (s > pos) out.append(decoder.decode(bytes.subarray(pos, s)));
    if (e > s) out.append(el('mark', { text: decoder.decode(bytes.subarray(s, e)) }));
    pos = e;
  }
  if (pos < bytes.length) out.append(decoder.decode(bytes.subarray(pos)));
  return out;
}

function yearLabel(y) {
  return y < 0 ? `${-y} BC` : String(y);
}

function whenOf(hit) {
  const texts = [...new Set((hit.dates || []).map((d) => d.text))];
  if (texts.length) return texts.slice(0, 3).join(' · ') + (texts.length > 3 ? ' …' : '');
  const years = [...new Set(hit.years || [])].sort((a, b) => a - b);
  return years.map(yearLabel).join(', ');
}

function renderHits(answer) {
  const items = answer.hits.map((hit) => {
    const meta = el('div', { class: 'meta' });
    const when = whenOf(hit);
    if (when) meta.append(el('span', { class: 'when', text: when }));
    for (const c of hit.countries || []) {
      meta.append(el('button', {
        type: 'button', class: 'tag', 'data-kind': 'country', 'data-value': c.code,
        title: `Only sentences about ${c.name}`,
        onclick: () => { if (!current.country.includes(c.code)) toggle('country', c.code); },
      }, c.name));
      names.set(`country:${c.code}`, c.name);
    }
    for (const [key, kind] of HIT_NAMES) {
      if (!FILTERS.includes(kind)) continue;
      for (const name of hit[key] || []) {
        meta.append(el('button', {
          type: 'button', class: `tag ${kind}`, 'data-kind': kind, 'data-value': name,
          title: `Only sentences naming ${name}`,
          onclick: () => { if (!current[kind].includes(name)) toggle(kind, name); },
        }, name));
      }
    }
    const where = `${hit.source}:${hit.line}`;
    const label = hit.title ? `${hit.title}${hit.section ? ` › ${hit.section}` : ''} · ${where}` : where;
    meta.append(el('button', {
      type: 'button', class: 'src link', text: label, 'data-source': hit.source, 'data-line': String(hit.line),
      title: 'Read this sentence in its context', onclick: () => showContext(hit.source, hit.line, hit.sentence),
    }));
    if (hit.doc_matches) meta.append(el('span', { class: 'count', text: plural(hit.doc_matches, 'match', 'matches') + ' in this document' }));
    return el('li', { class: 'hit', value: String(hit.rank) },
      hit.title ? el('h3', { class: 'title', text: hit.title }) : null,
      el('p', { class: 'snippet' }, highlighted(hit.snippet.fragment, hit.snippet.highlights)),
      meta);
  });
  $('#hits').replaceChildren(...items);
}

// ---- concordance lines ----

/// The words of a context, lowercased, nearest the match first: what
/// lines sort by (as `annals query --format kwic --sort left|right`).
function sortKey(kwic, side) {
  const words = (s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w);
  if (side === 'left') return words(kwic.left).reverse();
  if (side === 'right') return words(kwic.right);
  return [];
}

function compareKeys(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function renderLines(answer) {
  const hits = answer.hits.filter((h) => h.kwic);
  const keyed = hits.map((h) => [sortKey(h.kwic, current.lines), h]);
  keyed.sort((x, y) => compareKeys(x[0], y[0]) || x[1].rank - y[1].rank);
  const rows = keyed.map(([, hit]) => el('tr', { class: 'line', 'data-rank': String(hit.rank) },
    // The cell runs right to left so that a long context loses its start,
    // not the words next to the match; the text itself stays left to right.
    el('td', { class: 'left' }, el('span', { text: hit.kwic.left })),
    el('td', { class: 'match' }, el('mark', { text: hit.kwic.match })),
    el('td', { class: 'right', text: hit.kwic.right }),
    el('td', { class: 'where' }, el('button', {
      type: 'button', class: 'src link', text: `${hit.source}:${hit.line}`,
      title: 'Read this sentence in its context', onclick: () => showContext(hit.source, hit.line, hit.sentence),
    }))));
  $('#lines tbody').replaceChildren(...rows);
}

// ---- collocates ----

let collocatesFor = null;

/// The words found near the query's words in the matching sentences; a
/// click adds one to the query.
async function loadCollocates() {
  const panel = $('#collocates');
  if (!current.q || current.q.trim() === '*') {
    panel.hidden = true;
    return;
  }
  const p = selectionParams(current);
  p.set('limit', '12');
  const key = p.toString();
  if (key === collocatesFor) return;
  collocatesFor = key;
  try {
    const response = await fetch(`/api/collocates?${p}`);
    const answer = await response.json();
    if (key !== collocatesFor) return;
    if (!response.ok) {
      panel.hidden = true;
      return;
    }
    const rows = answer.collocates.map((c) => el('li', {},
      el('button', {
        type: 'button', class: 'value', 'data-word': c.word,
        title: `${c.count} times within ${answer.window} words; in ${c.frequency.toLocaleString('en')} sentences in all; logDice ${c.score.toFixed(2)}`,
        onclick: () => change((s) => { s.q = `(${current.q}) AND ${c.word}`; s.page = 1; }),
      }, el('span', { class: 'name', text: c.word }), el('span', { class: 'n', text: c.score.toFixed(1) }))));
    $('#collocates .values').replaceChildren(...rows);
    $('#collocates-note').textContent = rows.length
      ? `By logDice, within ${answer.window} words, in ${plural(answer.sentences, 'sentence', 'sentences')}.`
      : 'No word comes back often enough near these words.';
    panel.hidden = false;
    panel.dataset.state = 'ready';
  } catch (_) {
    panel.hidden = true;
  }
}

// ---- the map ----

let world = null;
let countryTotals = null;

/// The outlines (compiled into the server, no network) and, for shading
/// per million, each country's sentences in the whole index.
async function loadWorld() {
  if (!world) {
    const response = await fetch('/world.json');
    world = await response.json();
  }
  if (current.shade === 'share' && !countryTotals) {
    const p = new URLSearchParams({ q: '*', facet: COUNTRY_FACET, facet_limit: '1000', limit: '0' });
    const response = await fetch(`/api/search?${p}`);
    const answer = await response.json();
    countryTotals = new Map((answer.facets[COUNTRY_FACET] || []).map((v) => [v.value, v.count]));
  }
}

async function renderMap(values) {
  try {
    await loadWorld();
  } catch (_) {
    $('#facet-map').hidden = true;
    return;
  }
  const share = current.shade === 'share';
  const measure = new Map();
  for (const v of values) {
    const total = share ? (countryTotals.get(v.value) || 0) : 1;
    measure.set(v.value, share ? (total ? (1e6 * v.count) / total : 0) : v.count);
    if (v.name) names.set(`${COUNTRY_FACET}:${v.value}`, v.name);
  }
  const max = Math.max(0, ...measure.values());
  const chosen = current[COUNTRY_FACET] || [];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', world.viewBox);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Matching sentences by country');
  for (const c of world.countries) {
    const value = measure.get(c.code) || 0;
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', c.d);
    path.dataset.code = c.code;
    const level = max > 0 && value > 0 ? 0.15 + (0.85 * Math.sqrt(value / max)) : 0;
    path.setAttribute('class', `country${value > 0 ? ' counted' : ''}${chosen.includes(c.code) ? ' active' : ''}`);
    if (level) path.style.fillOpacity = level.toFixed(3);
    const shown = share ? `${value.toFixed(0)} per million of its sentences` : plural(value, 'sentence', 'sentences');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${names.get(`${COUNTRY_FACET}:${c.code}`) || c.name}: ${value ? shown : 'none'}`;
    path.append(title);
    path.addEventListener('click', () => toggle(COUNTRY_FACET, c.code));
    svg.append(path);
  }
  $('#map').replaceChildren(svg);
  $('#map-note').textContent = values.length
    ? `The ${values.length} commonest countries shaded${share ? ', per million of each country\u2019s sentences' : ''}; click one to filter.`
    : 'No country is named in these sentences.';
  $('#map').dataset.state = 'ready';
}

function renderPager(answer) {
  const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
  const pager = $('#pager');
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const link = (page, text, extra) => {
    const state = { ...current, page };
    return el('a', {
      href: pageUrl(state), class: `page ${extra || ''}`, 'data-page': String(page),
      'aria-current': page === current.page ? 'page' : null,
      onclick: (e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        go(state);
        window.scrollTo({ top: 0 });
      },
    }, text);
  };
  const parts = [];
  if (current.page > 1) parts.push(link(current.page - 1, '‹ Previous', 'step'));
  const shown = new Set([1, pages]);
  for (let p = current.page - 2; p <= current.page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  let previous = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - previous > 1) parts.push(el('span', { class: 'gap', text: '…' }));
    parts.push(link(p, p.toLocaleString('en')));
    previous = p;
  }
  if (current.page < pages) parts.push(link(current.page + 1, 'Next ›', 'step'));
  pager.replaceChildren(...parts);
}

function renderHistogram(values, info) {
  const box = $('#histogram');
  const note = $('#histogram-note');
  const bars = [...values].sort((a, b) => a.key - b.key);
  if (!bars.length) {
    box.replaceChildren(el('p', { class: 'empty', text: 'No dated sentences.' }));
    note.textContent = '';
    return;
  }
  const max = Math.max(...bars.map((v) => v.count));
  const chart = bars.map((v) => {
    const label = v.label || v.value;
    const active = current[TIME_SCALES[0]].includes(label);
    const bar = el('span', { class: 'fill' });
    bar.style.height = `${Math.max(4, (100 * v.count) / max)}%`;
    return el('button', {
      type: 'button', class: `bar${active ? ' active' : ''}`, 'data-value': label,
      'aria-pressed': String(active), title: `${label}: ${plural(v.count, 'sentence', 'sentences')}`,
      'aria-label': `${label}: ${v.count}`, onclick: () => toggle(TIME_SCALES[0], label),
    }, bar);
  });
  const axis = el('div', { class: 'axis' },
    el('span', { text: bars[0].label }),
    bars.length > 1 ? el('span', { text: bars[bars.length - 1].label }) : null);
  box.replaceChildren(el('div', { class: 'bars' }, ...chart), axis);
  const left = info ? info.remaining_values : 0;
  note.textContent = left ? `The ${bars.length} commonest ${current.time}s shown; ${left} more not.` : '';
}

function renderList(kind, values) {
  const list = document.querySelector(`#facet-${kind} .values`);
  const section = document.querySelector(`#facet-${kind}`);
  const chosen = current[kind];
  // Filters in force stay visible even when they fall outside the top values.
  const items = values.map((v) => ({ value: v.value, name: v.name || v.value, count: v.count }));
  for (const value of chosen) {
    if (!items.some((i) => i.value === value)) items.unshift({ value, name: names.get(`${kind}:${value}`) || value, count: null });
  }
  section.hidden = items.length === 0;
  const expanded = list.dataset.expanded === 'true';
  const rows = items.map((item, i) => {
    const active = chosen.includes(item.value);
    return el('li', { class: i >= LIST_SHOWN && !expanded && !active ? 'more' : null },
      el('button', {
        type: 'button', class: `value${active ? ' active' : ''}`, 'data-kind': kind, 'data-value': item.value,
        'aria-pressed': String(active), onclick: () => toggle(kind, item.value),
      }, el('span', { class: 'name', text: item.name }),
      el('span', { class: 'n', text: item.count === null ? '' : item.count.toLocaleString('en') })));
  });
  const hidden = rows.filter((r) => r.className === 'more').length;
  if (hidden || expanded) {
    rows.push(el('li', { class: 'toggle' }, el('button', {
      type: 'button', class: 'link',
      onclick: () => { list.dataset.expanded = String(!expanded); if (lastAnswer) render(lastAnswer); },
    }, expanded ? 'fewer' : `${hidden} more`)));
  }
  list.replaceChildren(...rows);
}

/// The overview: counts, the time coverage by decade, the commonest
/// countries and people, from the index's statistics.
async function showOverview() {
  if (inflight) inflight.abort();
  document.body.dataset.state = 'loading';
  let s;
  try {
    const response = await fetch('/api/stats');
    s = await response.json();
    if (!response.ok) {
      showError(s.error || `the server answered ${response.status}`);
      return;
    }
  } catch (e) {
    showError(`cannot reach the server: ${e.message}`);
    return;
  }
  for (const id of ['#error', '#notice', '#trend']) $(id).hidden = true;
  $('.facets').hidden = true;
  $('#hits').replaceChildren();
  $('#pager').replaceChildren();
  renderChips();
  const span = s.first_year !== null && s.last_year !== null
    ? `, speaking of ${yearLabel(s.first_year)} to ${yearLabel(s.last_year)}` : '';
  $('#summary').textContent = `${plural(s.sentences, s.unit, `${s.unit}s`)} from ${plural(s.documents, 'document', 'documents')}${span}.`;
  const decades = s.decades || [];
  const max = Math.max(1, ...decades.map((d) => d.count));
  const bars = decades.map((d) => {
    const fill = el('span', { class: 'fill' });
    fill.style.height = `${Math.max(4, (100 * d.count) / max)}%`;
    return el('button', {
      type: 'button', class: 'bar', 'data-value': d.label, title: `${d.label}: ${plural(d.count, s.unit, `${s.unit}s`)}`,
      onclick: () => toggle(TIME_SCALES[0], d.label),
    }, fill);
  });
  const top = (kind, heading) => el('section', { class: 'facet', id: `overview-${kind}` },
    el('h2', { text: heading }),
    el('ul', { class: 'values' }, ...((s.top || {})[kind] || []).map((v) => el('li', {},
      el('button', {
        type: 'button', class: 'value', 'data-kind': kind, 'data-value': v.value,
        onclick: () => toggle(kind, v.value),
      }, el('span', { class: 'name', text: v.name || v.value }), el('span', { class: 'n', text: v.count.toLocaleString('en') }))))));
  $('#overview').replaceChildren(
    el('h2', { text: 'What this index holds' }),
    el('p', { class: 'note', text: `${(100 * s.dated_share).toFixed(1)}% of ${s.unit}s carry a date, ${(100 * s.country_share).toFixed(1)}% a country. Search, or pick a decade, a country or a person.` }),
    el('div', { class: 'histogram', id: 'overview-time' }, el('div', { class: 'bars' }, ...bars),
      decades.length ? el('div', { class: 'axis' }, el('span', { text: decades[0].label }), el('span', { text: decades[decades.length - 1].label })) : null),
    el('div', { class: 'overview-lists' }, top('country', FILTER_NAMES.country || 'Countries'), top('person', FILTER_NAMES.person || 'People')));
  $('#overview').hidden = false;
  document.body.dataset.view = 'overview';
  document.body.dataset.state = 'ready';
  document.body.dataset.total = String(s.sentences);
}

/// A sentence with its neighbours in its document, the sentence marked.
async function showContext(source, line, sentence) {
  const panel = $('#context');
  const p = new URLSearchParams({ source, line: String(line), sentence: String(sentence), context: '3' });
  try {
    const response = await fetch(`/api/context?${p}`);
    const c = await response.json();
    if (!response.ok) {
      showError(c.error || `the server answered ${response.status}`);
      return;
    }
    const heading = c.title || c.doc;
    panel.replaceChildren(
      el('div', { class: 'context-head' },
        el('h2', { text: heading }),
        el('button', { type: 'button', class: 'link', id: 'context-close', text: 'close', onclick: () => { panel.hidden = true; } })),
      el('ol', { class: 'context-lines' }, ...c.sentences.map((s) => el('li', {
        class: s.hit ? 'context-hit' : null, 'data-line': String(s.line),
      }, el('span', { class: 'src', text: `${s.source}:${s.line}` }), ' ', s.text))));
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  } catch (e) {
    showError(`cannot reach the server: ${e.message}`);
  }
}

async function loadStats() {
  try {
    const response = await fetch('/api/stats');
    if (!response.ok) return;
    const s = await response.json();
    const span = s.first_year !== null && s.last_year !== null
      ? ` · ${yearLabel(s.first_year)}–${yearLabel(s.last_year)}` : '';
    $('#stats').textContent = `${plural(s.sentences, s.unit, `${s.unit}s`)} from ${plural(s.documents, 'document', 'documents')}${span}`;
  } catch (_) {
    // The footer is a nicety; the page works without it.
  }
}

// ---- wiring ----

document.addEventListener('DOMContentLoaded', async () => {
  try {
    const response = await fetch('/api/facets');
    configure(await response.json());
  } catch (e) {
    showError(`cannot reach the server: ${e.message}`);
    return;
  }
  current = readState(location.search);
  $('#search').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('#q').value.trim();
    change((s) => { s.q = q; s.page = 1; });
  });
  $('#sort').addEventListener('change', (e) => change((s) => { s.sort = e.target.value; s.page = 1; }));
  $('#line-sort').addEventListener('change', (e) => change((s) => { s.lines = e.target.value; }));
  for (const b of document.querySelectorAll('[data-view]')) {
    b.addEventListener('click', () => change((s) => { s.view = b.dataset.view; }));
  }
  for (const b of document.querySelectorAll('[data-shade]')) {
    b.addEventListener('click', () => change((s) => { s.shade = b.dataset.shade; }));
  }
  $('#context').hidden = true;
  $('#home').addEventListener('click', (e) => {
    e.preventDefault();
    $('#q').value = '';
    go(readState(''));
  });
  window.addEventListener('popstate', () => {
    current = readState(location.search);
    $('#q').value = current.q;
    load();
  });
  // Filters fold away on a phone, where they would push results off screen.
  $('#filters').open = !window.matchMedia('(max-width: 760px)').matches;
  $('#q').value = current.q;
  load();
  loadStats();
});
