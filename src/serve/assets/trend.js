// The trend view of the search page: the query and up to four others
// (`vs` in the URL) over a time axis (`trend_by`), per million sentences
// of each bucket or raw counts (`trend_scale=raw`), drawn as an SVG line
// chart by the page itself. A point's tooltip gives its count and
// denominator; a click on it filters the results to its bucket. It reads
// app.js's state and helpers (`current`, `change`, `el`, `$`, `SVG`).
'use strict';

const SERIES_COLOURS = ['#1f6feb', '#d4731b', '#8e44ad', '#2e8b57', '#c0392b'];
let trendRequest = null;
let trendBound = false;

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) node.append(c);
  return node;
}

function trendAxis(state) {
  return TREND_AXES.includes(state.trend_by) ? state.trend_by : TREND_AXES[0];
}

/// The search's filters as API parameters, for the trend and the downloads.
function filterParams(state) {
  const p = new URLSearchParams();
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  for (const s of ['plain', 'all']) if (state[s] !== undefined) p.set(s, state[s]);
  return p;
}

function trendQueries(state) {
  return [state.q, ...(state.vs || [])].slice(0, 5);
}

function bindTrend() {
  if (trendBound) return;
  trendBound = true;
  $('#trend-by').replaceChildren(...TREND_AXES.map((a) => el('option', { value: a, text: FILTER_NAMES[a] || a })));
  $('#trend-by').addEventListener('change', (e) => change((s) => { s.trend_by = e.target.value; }));
  for (const b of document.querySelectorAll('#trend [data-scale]')) {
    b.addEventListener('click', () => change((s) => { s.trend_scale = b.dataset.scale; }));
  }
  $('#trend-add').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('#vs').value.trim();
    if (!q) return;
    $('#vs').value = '';
    change((s) => { if (!s.vs.includes(q) && s.vs.length < 4) s.vs.push(q); });
  });
}

async function loadTrend() {
  bindTrend();
  const state = current;
  const box = $('#trend');
  if (!state.q) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const axis = trendAxis(state);
  $('#trend-by').value = axis;
  for (const b of document.querySelectorAll('#trend [data-scale]')) {
    b.setAttribute('aria-pressed', String(b.dataset.scale === (state.trend_scale || '')));
  }
  const params = filterParams(state);
  const hits = new URLSearchParams(params);
  hits.set('q', state.q);
  hits.set('format', 'csv');
  if (state.sort !== 'relevance') hits.set('sort', state.sort);
  $('#download-hits').href = `/api/export?${hits}`;
  $('#download-hits').setAttribute('download', '');
  params.set('by', axis);
  for (const q of trendQueries(state)) params.append('q', q);
  const csv = new URLSearchParams(params);
  csv.set('format', 'csv');
  $('#download-series').href = `/api/trend?${csv}`;
  if (trendRequest) trendRequest.abort();
  const controller = new AbortController();
  trendRequest = controller;
  box.dataset.state = 'loading';
  try {
    const response = await fetch(`/api/trend?${params}`, { signal: controller.signal });
    const trend = await response.json();
    if (controller !== trendRequest) return;
    if (!response.ok) {
      $('#trend-chart').replaceChildren(el('p', { class: 'empty', text: trend.error || `the server answered ${response.status}` }));
      box.dataset.state = 'error';
      return;
    }
    drawTrend(trend, state);
    box.dataset.state = 'ready';
  } catch (e) {
    if (e.name !== 'AbortError') box.dataset.state = 'error';
  }
}

function drawTrend(trend, state) {
  const raw = state.trend_scale === 'raw';
  const value = (b) => (raw ? b.count : b.per_million);
  const series = trend.series;
  const swatch = (i) => {
    const node = el('span', { class: 'swatch' });
    node.style.background = SERIES_COLOURS[i];
    return node;
  };
  const legend = series.map((s, i) => el('li', { 'data-query': s.query },
    swatch(i),
    ` ${s.query} (${plural(s.total, 'sentence', 'sentences')}) `,
    i > 0 ? el('button', {
      type: 'button', class: 'link', 'data-remove': s.query, title: 'Remove from the comparison', text: '×',
      onclick: () => change((st) => { st.vs = st.vs.filter((v) => v !== s.query); }),
    }) : null));
  $('#trend-legend').replaceChildren(...legend);
  const buckets = series[0] ? series[0].buckets : [];
  const chart = $('#trend-chart');
  if (!buckets.length) {
    chart.replaceChildren(el('p', { class: 'empty', text: `No matching sentence has a ${trend.by} value.` }));
    return;
  }
  const width = 640;
  const height = 200;
  const pad = { left: 48, right: 12, top: 10, bottom: 24 };
  const max = Math.max(1e-9, ...series.flatMap((s) => s.buckets.map(value)));
  const x = (i) => pad.left + (buckets.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (buckets.length - 1));
  const y = (v) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const parts = [
    svg('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), class: 'axis-line' }),
    svg('text', { x: pad.left - 4, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, formatValue(max, raw)),
    svg('text', { x: pad.left - 4, y: y(0), 'text-anchor': 'end', class: 'tick' }, '0'),
    svg('text', { x: x(0), y: height - 6, 'text-anchor': 'start', class: 'tick' }, buckets[0].label),
    svg('text', { x: x(buckets.length - 1), y: height - 6, 'text-anchor': 'end', class: 'tick' }, buckets[buckets.length - 1].label),
  ];
  const filter = trend.by.startsWith('doc_') ? 'doc_year' : TIME_SCALES[0];
  series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i];
    const points = s.buckets.map((b, j) => `${x(j).toFixed(1)},${y(value(b)).toFixed(1)}`).join(' ');
    parts.push(svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2, class: 'series', 'data-query': s.query }));
    s.buckets.forEach((b, j) => {
      const tip = `${s.query} · ${b.label}: ${b.count.toLocaleString('en')} of ${b.of.toLocaleString('en')} sentences (${b.per_million.toLocaleString('en', { maximumFractionDigits: 1 })} per million) in ${plural(b.docs, 'document', 'documents')}`;
      const dot = svg('circle', {
        cx: x(j).toFixed(1), cy: y(value(b)).toFixed(1), r: 3.5, fill: colour, class: 'point',
        'data-query': s.query, 'data-key': b.key, 'data-label': b.label, tabindex: 0,
        onmouseenter: () => { $('#trend-tip').textContent = tip; },
        onfocus: () => { $('#trend-tip').textContent = tip; },
        onclick: () => {
          change((st) => { if (!st[filter].includes(b.label)) st[filter].push(b.label); st.page = 1; });
        },
      }, svg('title', {}, tip));
      parts.push(dot);
    });
  });
  chart.replaceChildren(svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Matches by ${trend.by}` }, ...parts));
}

function formatValue(v, raw) {
  return raw ? Math.round(v).toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 1 });
}
