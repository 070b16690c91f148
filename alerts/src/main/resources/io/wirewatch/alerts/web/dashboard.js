// The wirewatch dashboard: loads recent alerts, then follows the live feed over Server-Sent Events.
// Every piece of alert data reaches the page through textContent or attributes set from checked values,
// never parsed as HTML, so a story title holding markup shows as text and runs nothing.
'use strict';

(function () {
  const SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  const MAX_ALERTS = 1000;
  const alerts = [];           // newest first
  const byId = new Map();
  let lastOffset = -1;
  let selectedId = null;

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function severityRank(s) { return SEVERITIES.indexOf(s); }
  // the Avro enum QuadClass: the class of the alert's headline category; UNKNOWN (a newer class) is not shown
  const QUAD_CLASSES = { VERBAL_COOPERATION: 'verbal cooperation', MATERIAL_COOPERATION: 'material cooperation',
    VERBAL_CONFLICT: 'verbal conflict', MATERIAL_CONFLICT: 'material conflict' };

  // The codes the actor field names ("Russia", "lavrov" → RUS), as the server resolves them; null while unknown.
  let actorCodes = [];

  function filters() {
    return {
      minSeverity: $('min-severity').value,
      actor: $('actor').value.trim(),
      codes: actorCodes,
      from: $('from').value,
      to: $('to').value,
      words: $('search').value.trim().toLowerCase().split(/\s+/).filter((w) => w.length > 0)
    };
  }

  // The publisher's day of the alert's story (yyyy-mm-dd), else the day it was raised.
  function storyDay(alert) {
    if (typeof alert.publishedLocal === 'string' && alert.publishedLocal.length >= 10) return alert.publishedLocal.slice(0, 10);
    if (typeof alert.publishedAt === 'string') return alert.publishedAt.slice(0, 10);
    return typeof alert.raisedAt === 'string' ? alert.raisedAt.slice(0, 10) : '';
  }

  // Where a story's date came from, when it is not the page's own: "date: read time" for a story that gave none.
  function dateNote(dateSource) {
    return { FEED: 'date: feed item', FILE: 'date: file or --date', READ: 'date: read time' }[dateSource] || '';
  }

  function passes(alert, f) {
    if (f.minSeverity && severityRank(alert.severity) < severityRank(f.minSeverity)) return false;
    if (f.actor) {
      if (!f.codes || f.codes.length === 0) return false;
      const actors = (alert.actors || []).map((a) => String(a).toUpperCase());
      const dyad = alert.dyad ? String(alert.dyad).toUpperCase().split('->') : [];
      if (!f.codes.some((c) => actors.includes(c) || dyad.includes(c))) return false;
    }
    const day = storyDay(alert);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.words.length > 0) {
      const text = [alert.title, alert.storyTitle, alert.explanation, alert.storyId,
        ...(alert.evidence || []).map((s) => s.sentence + ' ' + s.evidence + ' ' + (s.speaker || ''))]
        .join(' ').toLowerCase();
      if (!f.words.every((w) => text.includes(w))) return false;
    }
    return true;
  }

  function add(alert, offset, fresh) {
    if (byId.has(alert.id)) return;
    alert.offset = offset;
    byId.set(alert.id, alert);
    alerts.unshift(alert);
    alerts.sort((a, b) => b.offset - a.offset);
    while (alerts.length > MAX_ALERTS) byId.delete(alerts.pop().id);
    if (offset > lastOffset) lastOffset = offset;
    render(fresh ? alert.id : null);
  }

  function card(alert, fresh) {
    const item = el('li', 'alert sev-' + (SEVERITIES.includes(alert.severity) ? alert.severity : 'INFO'));
    item.tabIndex = 0;
    item.dataset.id = alert.id;
    if (fresh) item.classList.add('fresh');
    if (alert.id === selectedId) item.classList.add('selected');
    const head = el('span', 'title');
    head.append(el('span', 'severity', alert.severity), ' ', el('span', 'alert-title', alert.title));
    item.append(head);
    item.append(el('span', 'story-title', alert.storyTitle));
    const when = el('div', 'when');
    when.append(el('span', 'story-day', 'story of ' + (storyDay(alert) || '?')),
      el('span', 'muted', ' · raised ' + String(alert.raisedAt || '?').slice(0, 16).replace('T', ' ')));
    item.append(when);
    item.append(el('div', 'muted', (alert.dyad ? alert.dyad + ' · ' : '') + alert.ruleId + ' v' + alert.ruleVersion
      + ' · ' + alert.id));
    item.addEventListener('click', () => select(alert.id));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(alert.id); });
    return item;
  }

  function render(freshId) {
    const f = filters();
    const list = $('alerts');
    const shown = alerts.filter((a) => passes(a, f));
    list.replaceChildren(...shown.map((a) => card(a, a.id === freshId)));
    $('empty').hidden = shown.length > 0;
    $('count').textContent = shown.length + ' of ' + alerts.length + ' alerts';
    refreshDyadPicker();
    refreshDownloads(f);
    drawTrends(shown);
  }

  function highlighted(sentence, evidence) {
    const block = el('span', 'sentence');
    const text = String(sentence || '');
    const needle = String(evidence || '');
    const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
    if (at < 0) {
      block.append(text);
      if (needle) block.append(' ', el('mark', null, needle));
      return block;
    }
    block.append(text.slice(0, at), el('mark', null, text.slice(at, at + needle.length)),
      text.slice(at + needle.length));
    return block;
  }

  function select(id) {
    const alert = byId.get(id);
    if (!alert) return;
    selectedId = id;
    render(null);
    $('detail').hidden = false;
    $('detail-title').textContent = alert.title;
    $('detail-severity').textContent = alert.severity;
    $('detail-severity').className = 'severity sev-' + alert.severity;
    $('detail-rule').textContent = 'rule ' + alert.ruleId + ' v' + alert.ruleVersion
      + (QUAD_CLASSES[alert.quadClass] ? ' · ' + QUAD_CLASSES[alert.quadClass] : '');
    $('detail-time').textContent = 'story of ' + (storyDay(alert) || '?')
      + (alert.publishedLocal || alert.publishedAt ? ' (published ' + (alert.publishedLocal || alert.publishedAt) + ')' : '')
      + (dateNote(alert.dateSource) ? ' · ' + dateNote(alert.dateSource) : '')
      + ' · raised ' + (alert.raisedAt || '?');
    $('detail-id').textContent = alert.id;
    $('detail-permalink').href = 'alerts/' + encodeURIComponent(alert.id);
    if (window.location.hash !== '#alert-' + alert.id) history.replaceState(null, '', '#alert-' + alert.id);
    const source = $('detail-source');
    if (typeof alert.storyUrl === 'string' && /^https?:\/\//i.test(alert.storyUrl)) {
      source.href = alert.storyUrl;
      source.textContent = alert.storyUrl;
    } else {
      source.removeAttribute('href');
      source.textContent = 'no address (a file or an archive)';
    }
    $('detail-explanation').textContent = alert.explanation;
    const link = $('detail-story');
    link.textContent = alert.storyTitle;
    if (typeof alert.storyUrl === 'string' && /^https?:\/\//i.test(alert.storyUrl)) {
      link.href = alert.storyUrl;
    } else {
      link.removeAttribute('href');
    }
    $('detail-story-id').textContent = ' (' + alert.storyId + (alert.clusterId ? ', cluster ' + alert.clusterId : '') + ')';
    $('detail-actors').textContent = (alert.actors || []).join(', ') || '–';
    $('detail-dyad').textContent = alert.dyad || '–';
    $('detail-score').textContent = typeof alert.score === 'number' ? alert.score.toFixed(1) : '–';
    $('detail-evidence').replaceChildren(...(alert.evidence || []).map((s) => {
      const item = el('li');
      const who = s.speaker || s.source || 'someone';
      item.append(el('span', 'who', who), ' ',
        el('span', 'muted', s.category + (s.source || s.target ? ' ' + (s.source || '?') + '→' + (s.target || '?') : '')
          + ' · ' + String(s.modality).toLowerCase()), el('br'), highlighted(s.sentence, s.evidence));
      return item;
    }));
    if (alert.dyad) showDyad(String(alert.dyad), anchorOf(alert));
    loadStory(alert.storyId, alert.evidence || []);
  }

  // ---- dyad timelines: GET api/dyads/timeline, drawn as SVG built node by node ----

  const SVG = 'http://www.w3.org/2000/svg';
  const ACTOR = /^[A-Z0-9][A-Z0-9:_.\-]{0,63}$/;
  const DAY_MS = 86400000;

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function anchorOf(alert) {
    const when = Date.parse(alert.publishedAt || alert.raisedAt || '');
    return Number.isNaN(when) ? Date.now() : when;
  }

  // The dyads of the alerts held, for the picker, each with the time of its newest alert.
  function knownDyads() {
    const dyads = new Map();
    alerts.forEach((a) => {
      if (!a.dyad) return;
      const at = anchorOf(a);
      if (!dyads.has(a.dyad) || dyads.get(a.dyad) < at) dyads.set(String(a.dyad), at);
    });
    return dyads;
  }

  function refreshDyadPicker() {
    const pick = $('dyad-pick');
    const current = pick.value;
    const dyads = [...knownDyads().keys()].sort();
    pick.replaceChildren(el('option', null, 'pick a dyad'), ...dyads.map((d) => {
      const option = el('option', null, d.replace('->', ' → '));
      option.value = d;
      return option;
    }));
    pick.firstChild.value = '';
    if (dyads.includes(current)) pick.value = current;
  }

  let dyadRequest = 0;

  async function showDyad(dyad, anchor) {
    const [source, target] = dyad.toUpperCase().split('->');
    if (!ACTOR.test(source || '') || !ACTOR.test(target || '')) return;
    refreshDyadPicker();
    $('dyad-pick').value = dyad;
    const window = $('dyad-window').value === 'HOUR' ? 'HOUR' : 'DAY';
    const to = new Date(anchor + (window === 'DAY' ? DAY_MS : DAY_MS / 4));
    const from = new Date(anchor - (window === 'DAY' ? 30 * DAY_MS : 2 * DAY_MS));
    const request = ++dyadRequest;
    $('dyad-status').textContent = 'Loading ' + source + ' → ' + target + '…';
    const params = new URLSearchParams({ source, target, window, from: from.toISOString(), to: to.toISOString() });
    try {
      const response = await fetch('api/dyads/timeline?' + params.toString(), { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (request !== dyadRequest) return;
      if (!response.ok) {
        drawTimeline([], from, to);
        $('dyad-status').textContent = 'Timeline unavailable (' + response.status + '): ' + (body && body.error ? body.error : '');
        return;
      }
      drawTimeline(Array.isArray(body) ? body : [], from, to);
      $('dyad-status').textContent = source + ' → ' + target + ': ' + body.length + ' '
        + (window === 'DAY' ? 'daily' : 'hourly') + ' windows from ' + from.toISOString().slice(0, 10)
        + ' to ' + to.toISOString().slice(0, 10) + ' (index: mean Goldstein intensity, −10 conflict … +10 cooperation;'
        + ' closed windows only: a ' + (window === 'DAY' ? 'day' : 'hour') + ' shows 6 h after it ends)';
    } catch (e) {
      if (request !== dyadRequest) return;
      drawTimeline([], from, to);
      $('dyad-status').textContent = 'Timeline unavailable: ' + e;
    }
  }

  function drawTimeline(windows, from, to) {
    const chart = $('dyad-chart');
    const W = 600, H = 240, left = 44, right = 10, top = 10, bottom = 40;
    const x = (t) => left + (W - left - right) * (t - from.getTime()) / Math.max(1, to.getTime() - from.getTime());
    const y = (v) => top + (H - top - bottom) * (10 - Math.max(-10, Math.min(10, v))) / 20;
    const nodes = [svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: H - bottom }),
      svg('line', { class: 'axis', x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }),
      svg('line', { class: 'zero', x1: left, y1: y(0), x2: W - right, y2: y(0) }),
      svg('text', { x: left - 4, y: y(10) + 4, 'text-anchor': 'end' }, '+10'),
      svg('text', { x: left - 4, y: y(0) + 4, 'text-anchor': 'end' }, '0'),
      svg('text', { x: left - 4, y: y(-10) + 4, 'text-anchor': 'end' }, '−10'),
      svg('text', { x: left, y: H - bottom + 14 }, from.toISOString().slice(0, 10)),
      svg('text', { x: W - right - 62, y: H - bottom + 14 }, to.toISOString().slice(0, 10)),
      svg('text', { x: (left + W - right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-label' },
        'window start (UTC)'),
      svg('text', { x: 10, y: top + (H - top - bottom) / 2, class: 'axis-label', 'text-anchor': 'middle',
        transform: 'rotate(-90 10 ' + (top + (H - top - bottom) / 2) + ')' }, 'index')];
    const points = windows.map((w) => ({ t: Date.parse(w.windowStart), v: Number(w.intensityMean), w }))
      .filter((p) => !Number.isNaN(p.t) && Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
    if (points.length > 1) {
      nodes.push(svg('polyline', { class: 'line', points: points.map((p) => x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1)).join(' ') }));
    }
    points.forEach((p) => {
      const dot = svg('circle', { class: 'point' + (p.v < 0 ? ' conflict' : ''), cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 4 });
      const strongest = p.w.strongest && p.w.strongest.evidence ? ' · strongest: “' + p.w.strongest.evidence + '”' : '';
      dot.append(svg('title', {}, new Date(p.t).toISOString().slice(0, 16).replace('T', ' ') + ' · index '
        + p.v.toFixed(2) + ' · ' + (p.w.signals || 0) + ' signals in ' + (p.w.stories || 0) + ' stories' + strongest));
      nodes.push(dot);
    });
    chart.replaceChildren(...nodes);
  }

  // ---- trends: a chart per actor pair of the alerts shown and the overall conflict index per day, all on one
  // time axis (the filter's period, else the alerts' days), with dates marked from the page's ?mark=DAY=label ----

  const MAX_TRENDS = 8;
  let trendRequest = 0;
  let trendKey = '';

  // Marks from the address: ?mark=2022-02-24=invasion (repeatable).
  function marks() {
    return new URLSearchParams(window.location.search).getAll('mark').map((m) => {
      const at = m.indexOf('=');
      const day = at < 0 ? m : m.slice(0, at);
      return { day, label: at < 0 ? '' : m.slice(at + 1) };
    }).filter((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.day));
  }

  function dayMs(day) { return Date.parse(day + 'T00:00:00Z'); }
  function dayOf(ms) { return new Date(ms).toISOString().slice(0, 10); }

  // One chart: bars per day on the shared axis [fromDay, toDay], values from yMin to yMax, dates marked.
  function trendChart(caption, fromDay, toDay, bars, yMin, yMax, yLabel, alertDays) {
    const W = 600, H = 150, left = 44, right = 10, top = 10, bottom = 34;
    const start = dayMs(fromDay), days = Math.max(1, Math.round((dayMs(toDay) - start) / DAY_MS) + 1);
    const step = (W - left - right) / days;
    const x = (day) => left + step * Math.round((dayMs(day) - start) / DAY_MS);
    const y = (v) => top + (H - top - bottom) * (yMax - Math.max(yMin, Math.min(yMax, v))) / (yMax - yMin);
    const figure = el('figure', 'trend');
    figure.append(el('figcaption', null, caption));
    const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': caption });
    const base = y(Math.max(yMin, Math.min(yMax, 0)));
    chart.append(svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: H - bottom }),
      svg('line', { class: 'axis', x1: left, y1: base, x2: W - right, y2: base }),
      svg('text', { x: left - 4, y: y(yMax) + 4, 'text-anchor': 'end' }, yMax),
      svg('text', { x: left - 4, y: y(yMin) + 4, 'text-anchor': 'end' }, yMin),
      svg('text', { x: 2, y: top + (H - top - bottom) / 2, class: 'axis-label',
        transform: 'rotate(-90 8 ' + (top + (H - top - bottom) / 2) + ')' }, yLabel),
      svg('text', { x: left, y: H - bottom + 14 }, fromDay),
      svg('text', { x: W - right, y: H - bottom + 14, 'text-anchor': 'end' }, toDay),
      svg('text', { x: (left + W - right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-label' },
        'day (story dates, UTC days)'));
    bars.forEach((b) => {
      if (b.day < fromDay || b.day > toDay) return;
      const top2 = Math.min(y(b.value), base), height = Math.max(1, Math.abs(y(b.value) - base));
      const rect = svg('rect', { class: b.value < 0 ? 'conf' : 'coop', x: x(b.day).toFixed(1), y: top2.toFixed(1),
        width: Math.max(1, step - 1).toFixed(1), height: height.toFixed(1) });
      rect.append(svg('title', {}, b.day + ': ' + b.title));
      chart.append(rect);
    });
    (alertDays || []).forEach((d) => {
      if (d.day < fromDay || d.day > toDay) return;
      const dot = svg('circle', { class: 'alert-day', cx: (x(d.day) + step / 2).toFixed(1), cy: top + 4, r: 3.5 });
      dot.append(svg('title', {}, d.day + ': ' + d.count + (d.count === 1 ? ' alert' : ' alerts')));
      chart.append(dot);
    });
    marks().forEach((m) => {
      if (m.day < fromDay || m.day > toDay) return;
      const mx = (x(m.day) + step / 2).toFixed(1);
      chart.append(svg('line', { class: 'mark', x1: mx, y1: top, x2: mx, y2: H - bottom }),
        svg('text', { class: 'mark-label', x: Number(mx) + 3, y: top + 10 }, m.label || m.day));
    });
    figure.append(chart);
    return figure;
  }

  // The period all trend charts share: the filter's days, else the alerts' story days.
  function period(shown) {
    const f = filters();
    const days = shown.map(storyDay).filter((d) => d).sort();
    if (days.length === 0 && !(f.from && f.to)) return null;
    const fromDay = f.from || dayOf(dayMs(days[0]) - 7 * DAY_MS);
    const toDay = f.to || dayOf(dayMs(days[days.length - 1]) + DAY_MS);
    return fromDay <= toDay ? { fromDay, toDay } : null;
  }

  async function drawTrends(shown) {
    const range = period(shown);
    const dyads = [...new Set(shown.filter((a) => a.dyad).map((a) => String(a.dyad)))].sort().slice(0, MAX_TRENDS);
    const key = JSON.stringify([range, dyads, shown.length, window.location.search]);
    if (key === trendKey) return;
    trendKey = key;
    const status = $('trend-status');
    if (!range || dyads.length === 0) {
      $('trends').replaceChildren();
      status.textContent = 'No alerts between two actors to chart.';
      return;
    }
    const request = ++trendRequest;
    status.textContent = 'Loading ' + dyads.length + ' timelines…';
    const alertDays = (dyad) => {
      const counts = new Map();
      shown.filter((a) => a.dyad === dyad).forEach((a) => counts.set(storyDay(a), (counts.get(storyDay(a)) || 0) + 1));
      return [...counts.entries()].map(([day, count]) => ({ day, count }));
    };
    const timelines = await Promise.all(dyads.map(async (dyad) => {
      const [source, target] = dyad.split('->');
      const params = new URLSearchParams({ source, target, window: 'DAY', from: range.fromDay + 'T00:00:00Z',
        to: dayOf(dayMs(range.toDay) + DAY_MS) + 'T00:00:00Z' });
      try {
        const response = await fetch('api/dyads/timeline?' + params.toString(), { headers: { Accept: 'application/json' } });
        const body = await response.json();
        return response.ok && Array.isArray(body) ? body : null;
      } catch (e) {
        return null;
      }
    }));
    if (request !== trendRequest) return;
    const overall = new Map();
    const figures = dyads.map((dyad, i) => {
      const windows = timelines[i];
      const label = dyad.replace('->', ' → ');
      if (!windows) {
        const counts = alertDays(dyad).map((d) => ({ day: d.day, value: -d.count, title: d.count + ' alerts' }));
        return trendChart(label + ' (alerts per day; the daily index is unavailable)', range.fromDay, range.toDay,
          counts, -Math.max(1, ...counts.map((c) => -c.value)), 0, 'alerts', []);
      }
      const bars = windows.map((w) => {
        const day = String(w.windowStart).slice(0, 10);
        const sum = overall.get(day) || { intensity: 0, signals: 0 };
        sum.intensity += Number(w.intensitySum) || 0;
        sum.signals += Number(w.signals) || 0;
        overall.set(day, sum);
        return { day, value: Number(w.intensityMean), title: 'index ' + Number(w.intensityMean).toFixed(2) + ', '
          + w.signals + ' signals in ' + w.stories + ' stories' };
      });
      return trendChart(label, range.fromDay, range.toDay, bars, -10, 10, 'index', alertDays(dyad));
    });
    const index = [...overall.entries()].filter(([, v]) => v.signals > 0).map(([day, v]) => ({ day,
      value: v.intensity / v.signals, title: 'conflict index ' + (v.intensity / v.signals).toFixed(2) + ' over '
        + v.signals + ' signals' }));
    figures.unshift(trendChart('Overall conflict index per day (the pairs below, signal-weighted)', range.fromDay,
      range.toDay, index, -10, 10, 'index', []));
    $('trends').replaceChildren(...figures);
    status.textContent = range.fromDay + ' to ' + range.toDay + ' · index: mean Goldstein intensity, −10 conflict … +10 '
      + 'cooperation · dots: days with alerts' + (marks().length ? ' · marked: ' + marks().map((m) => m.day + ' '
      + m.label).join(', ') : '') + (timelines.some((t) => !t) ? ' · some daily indexes are unavailable' : '');
  }

  // ---- stories: GET api/stories/{id} with entities and signals highlighted, GET api/stories?q= ----

  let storyRequest = 0;

  async function loadStory(storyId, evidence) {
    const request = ++storyRequest;
    const panel = $('story');
    try {
      const response = await fetch('api/stories/' + encodeURIComponent(String(storyId)), { headers: { Accept: 'application/json' } });
      if (request !== storyRequest) return;
      if (!response.ok) {
        panel.hidden = false;
        $('story-title').textContent = 'Story ' + storyId;
        $('story-meta').textContent = response.status === 404 ? 'The story text is no longer kept.' : 'The story cannot be loaded now.';
        $('story-text').replaceChildren();
        return;
      }
      showStory(await response.json(), evidence);
    } catch (e) {
      if (request === storyRequest) $('story-meta').textContent = 'The story cannot be loaded: ' + e;
    }
  }

  // Text with spans: the story's entities underlined, its signals marked (an alert's evidence marked first).
  function annotated(text, entities, signals) {
    const marks = [];
    const add = (start, end, kind, label, conflict) => {
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end) {
        marks.push({ start, end, kind, label, conflict });
      }
    };
    (entities || []).forEach((e) => add(e.start, e.end, 'ent', e.type + (e.actorId ? ' · ' + e.actorId : '')
      + (e.actorName ? ' · ' + e.actorName : ''), false));
    (signals || []).forEach((s) => add(s.start, s.end, 'sig', s.category + ' · ' + String(s.modality).toLowerCase()
      + (s.source || s.target ? ' · ' + (s.source || '?') + '→' + (s.target || '?') : '')
      + (s.speaker ? ' · said by ' + s.speaker : ''), Number(s.intensity) < 0));
    const cuts = new Set([0, text.length]);
    marks.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
    const bounds = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i], b = bounds[i + 1];
      const piece = text.slice(a, b);
      const covering = marks.filter((m) => m.start <= a && m.end >= b);
      const signal = covering.find((m) => m.kind === 'sig');
      const entity = covering.find((m) => m.kind === 'ent');
      let node = document.createTextNode(piece);
      if (entity) {
        const span = el('span', 'ent');
        span.title = entity.label;
        span.append(node);
        node = span;
      }
      if (signal) {
        const mark = el('mark', 'sig' + (signal.conflict ? ' conflict' : ''));
        mark.title = signal.label;
        mark.append(node);
        node = mark;
      }
      out.push(node);
    }
    return out;
  }

  function showStory(story, evidence) {
    const raw = story.story || {};
    $('story').hidden = false;
    $('story-title').textContent = raw.title || raw.id || '';
    $('story-meta').textContent = [raw.wire, 'story of ' + (raw.publishedLocal || raw.publishedAt || '?'),
      dateNote(raw.dateSource || (raw.publishedAt ? '' : 'READ')), raw.id,
      raw.fromFeedSummary ? 'from feed summary (page not read: ' + (raw.fetchStatus || '?') + ')' : null,
      'escalation score ' + (typeof story.escalationScore === 'number' ? story.escalationScore.toFixed(1) : '?'),
      (story.entities || []).length + ' entities', (story.signals || []).length + ' signals']
      .filter((x) => x).join(' · ');
    const text = typeof story.text === 'string' ? story.text : (raw.paragraphs || []).join('\n\n');
    $('story-text').replaceChildren(...annotated(text, story.entities, story.signals || evidence));
  }

  function storyParams(query) {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    params.set('signals', $('story-quiet').checked ? 'none' : 'any');
    const f = filters();
    if (f.actor) params.set('actor', f.actor);
    if (f.from) params.set('from', f.from);
    if (f.to) params.set('to', f.to);
    return params;
  }

  async function searchStories(query) {
    const status = $('story-results-status');
    $('story-results-panel').hidden = false;
    status.textContent = 'Searching…';
    try {
      const params = storyParams(query);
      params.set('limit', '50');
      const response = await fetch('api/stories?' + params.toString(), { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = 'Search failed (' + response.status + '): ' + (body && body.error ? body.error : '');
        $('story-results').replaceChildren();
        return;
      }
      status.textContent = body.length + ($('story-quiet').checked ? ' quiet' : '') + (body.length === 1 ? ' story' : ' stories')
        + (query ? ' with the word(s) “' + query + '”' : '');
      $('story-results').replaceChildren(...body.map((found) => {
        const item = el('li');
        item.tabIndex = 0;
        item.dataset.id = found.id;
        item.append(el('span', 'result-title', found.title), ' ', el('span', 'story-day', 'story of ' + (found.storyDay || '?')),
          el('span', 'muted', ' · ' + [dateNote(found.dateSource), found.wire, found.signals + ' signals',
            'score ' + Number(found.escalationScore).toFixed(1)].filter((x) => x).join(' · ')));
        if (found.fromFeedSummary) item.append(' ', el('span', 'tag', 'from feed summary'));
        if (typeof found.url === 'string' && /^https?:\/\//i.test(found.url)) {
          const link = el('a', null, 'source');
          link.href = found.url;
          link.rel = 'noopener noreferrer';
          link.target = '_blank';
          item.append(' · ', link);
        }
        item.append(el('br'), el('span', 'snippet', found.snippet));
        const open = () => loadStory(found.id, []);
        item.addEventListener('click', open);
        item.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
        return item;
      }));
    } catch (e) {
      status.textContent = 'Search failed: ' + e;
    }
  }

  function setStatus(online, text) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status ' + (online ? 'online' : 'offline');
  }

  function connect() {
    const source = new EventSource('api/alerts/stream?lastEventId=' + encodeURIComponent(String(lastOffset)));
    source.addEventListener('open', () => setStatus(true, 'live'));
    source.addEventListener('error', () => setStatus(false, 'reconnecting…'));
    source.addEventListener('gap', () => loadRecent());
    source.addEventListener('alert', (event) => {
      try {
        add(JSON.parse(event.data), Number(event.lastEventId), true);
      } catch (e) {
        console.warn('bad alert event', e);
      }
    });
  }

  // The newest alerts over REST: at start, and when the stream says it resumed past what the server still holds.
  async function loadRecent() {
    try {
      const response = await fetch('api/alerts?limit=' + MAX_ALERTS, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const loaded = await response.json();
        loaded.reverse().forEach((a) => add(a, Number(a.offset), false));
      }
    } catch (e) {
      setStatus(false, 'cannot load alerts');
    }
    render(null);
  }

  async function start() {
    $('filters').addEventListener('input', () => render(null));
    $('filters').addEventListener('change', () => render(null));
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('story-search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const query = $('story-search').value.trim();
      if (query || $('story-quiet').checked) searchStories(query);
    });
    $('story-search-form').addEventListener('input', () => refreshDownloads(filters()));
    $('actor').addEventListener('input', () => {
      clearTimeout(actorTimer);
      actorTimer = setTimeout(resolveActor, 250);
    });
    window.addEventListener('hashchange', openFromHash);
    const pickDyad = () => {
      const dyad = $('dyad-pick').value;
      if (dyad) showDyad(dyad, knownDyads().get(dyad) || Date.now());
    };
    $('dyad-pick').addEventListener('change', pickDyad);
    $('dyad-window').addEventListener('change', pickDyad);
    await loadRecent();
    connect();
    openFromHash();
  }

  // ---- deep links (#alert-<id>), actor names, downloads ----

  let actorTimer = null;

  // The codes the typed actor stands for, and names for the datalist.
  async function resolveActor() {
    const name = $('actor').value.trim();
    const status = $('actor-status');
    if (!name) {
      actorCodes = [];
      status.textContent = '';
      render(null);
      return;
    }
    try {
      const [resolved, suggested] = await Promise.all([
        fetch('api/actors/resolve?' + new URLSearchParams({ name }).toString()),
        fetch('api/actors?' + new URLSearchParams({ q: name, limit: '10' }).toString())]);
      const body = await resolved.json();
      if (name !== $('actor').value.trim()) return;
      actorCodes = resolved.ok && Array.isArray(body.codes) ? body.codes : null;
      status.textContent = resolved.ok ? '= ' + body.codes.join(', ') : (body.error || 'unknown actor');
      if (suggested.ok) {
        const names = await suggested.json();
        $('actor-names').replaceChildren(...names.map((a) => {
          const option = el('option', null, a.code);
          option.value = a.name;
          return option;
        }));
      }
    } catch (e) {
      status.textContent = 'cannot resolve the actor: ' + e;
    }
    render(null);
  }

  function refreshDownloads(f) {
    const params = new URLSearchParams();
    if (f.minSeverity) params.set('minSeverity', f.minSeverity);
    if (f.actor) params.set('actor', f.actor);
    if (f.from) params.set('from', f.from);
    if (f.to) params.set('to', f.to);
    ['csv', 'jsonl'].forEach((format) => {
      params.set('format', format);
      $('export-alerts-' + format).href = 'api/alerts/export?' + params.toString();
      const stories = storyParams($('story-search').value.trim());
      stories.set('format', format);
      $('export-stories-' + format).href = 'api/stories/export?' + stories.toString();
    });
  }

  async function openFromHash() {
    const match = /^#alert-([A-Za-z0-9._:~-]+)$/.exec(window.location.hash);
    if (!match || match[1] === selectedId) return;
    const id = match[1];
    if (!byId.has(id)) {
      try {
        const response = await fetch('api/alerts/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
        if (!response.ok) {
          setStatus(false, 'alert ' + id + ' is not held');
          return;
        }
        const alert = await response.json();
        add(alert, Number(alert.offset), false);
      } catch (e) {
        return;
      }
    }
    select(id);
    const card = document.querySelector('li.alert.selected');
    if (card) card.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
