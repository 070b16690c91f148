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

  function filters() {
    return {
      minSeverity: $('min-severity').value,
      actor: $('actor').value.trim().toUpperCase(),
      words: $('search').value.trim().toLowerCase().split(/\s+/).filter((w) => w.length > 0)
    };
  }

  function passes(alert, f) {
    if (f.minSeverity && severityRank(alert.severity) < severityRank(f.minSeverity)) return false;
    if (f.actor) {
      const actors = (alert.actors || []).map((a) => String(a).toUpperCase());
      const dyad = alert.dyad ? String(alert.dyad).toUpperCase().split('->') : [];
      if (!actors.includes(f.actor) && !dyad.includes(f.actor)) return false;
    }
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
    item.append(el('div', 'muted', (alert.dyad ? alert.dyad + ' · ' : '') + alert.ruleId + ' v' + alert.ruleVersion
      + ' · ' + (alert.raisedAt || '')));
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
    $('detail-time').textContent = 'raised ' + (alert.raisedAt || '?')
      + (alert.publishedAt ? ' · published ' + alert.publishedAt : '');
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
        + ' to ' + to.toISOString().slice(0, 10) + ' (index: mean Goldstein intensity, −10 conflict … +10 cooperation)';
    } catch (e) {
      if (request !== dyadRequest) return;
      drawTimeline([], from, to);
      $('dyad-status').textContent = 'Timeline unavailable: ' + e;
    }
  }

  function drawTimeline(windows, from, to) {
    const chart = $('dyad-chart');
    const W = 600, H = 220, left = 36, right = 10, top = 10, bottom = 24;
    const x = (t) => left + (W - left - right) * (t - from.getTime()) / Math.max(1, to.getTime() - from.getTime());
    const y = (v) => top + (H - top - bottom) * (10 - Math.max(-10, Math.min(10, v))) / 20;
    const nodes = [svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: H - bottom }),
      svg('line', { class: 'axis', x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }),
      svg('line', { class: 'zero', x1: left, y1: y(0), x2: W - right, y2: y(0) }),
      svg('text', { x: 2, y: y(10) + 4 }, '+10'), svg('text', { x: 8, y: y(0) + 4 }, '0'),
      svg('text', { x: 6, y: y(-10) + 4 }, '−10'),
      svg('text', { x: left, y: H - 6 }, from.toISOString().slice(0, 10)),
      svg('text', { x: W - right - 62, y: H - 6 }, to.toISOString().slice(0, 10))];
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
    $('story-meta').textContent = [raw.wire, raw.publishedAt, raw.id,
      'escalation score ' + (typeof story.escalationScore === 'number' ? story.escalationScore.toFixed(1) : '?'),
      (story.entities || []).length + ' entities', (story.signals || []).length + ' signals']
      .filter((x) => x).join(' · ');
    const text = typeof story.text === 'string' ? story.text : (raw.paragraphs || []).join('\n\n');
    $('story-text').replaceChildren(...annotated(text, story.entities, story.signals || evidence));
  }

  async function searchStories(query) {
    const status = $('story-results-status');
    $('story-results-panel').hidden = false;
    status.textContent = 'Searching…';
    try {
      const response = await fetch('api/stories?' + new URLSearchParams({ q: query, limit: '20' }).toString(),
        { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = 'Search failed (' + response.status + '): ' + (body && body.error ? body.error : '');
        $('story-results').replaceChildren();
        return;
      }
      status.textContent = body.length + (body.length === 1 ? ' story' : ' stories') + ' with “' + query + '”';
      $('story-results').replaceChildren(...body.map((found) => {
        const item = el('li');
        item.tabIndex = 0;
        item.dataset.id = found.id;
        item.append(el('span', 'result-title', found.title), el('span', 'muted', [found.wire, found.publishedAt,
          'score ' + Number(found.escalationScore).toFixed(1)].filter((x) => x).join(' · ')), el('br'),
        el('span', 'snippet', found.snippet));
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
      if (query) searchStories(query);
    });
    const pickDyad = () => {
      const dyad = $('dyad-pick').value;
      if (dyad) showDyad(dyad, knownDyads().get(dyad) || Date.now());
    };
    $('dyad-pick').addEventListener('change', pickDyad);
    $('dyad-window').addEventListener('change', pickDyad);
    await loadRecent();
    connect();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
