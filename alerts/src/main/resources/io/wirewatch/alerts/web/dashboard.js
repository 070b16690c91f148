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
    $('detail-rule').textContent = 'rule ' + alert.ruleId + ' v' + alert.ruleVersion;
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
    await loadRecent();
    connect();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
