// The dashboard: filters -> one state -> map, timeline, network and table redrawn from the API.
import { getJSON } from './api.js';
import { createCard } from './card.js';
import { QUAD } from './colors.js';
import { createExtractBox } from './extract.js';
import { el } from './highlight.js';
import { createMap } from './map.js';
import { createNetwork } from './network.js';
import { createTable, PAGE_SIZE } from './table.js';
import { createTimeline } from './timeline.js';

const MAP_LIMIT = 5000; // events drawn on the map and the network at most
const form = document.getElementById('filters');
const errorBox = document.getElementById('error');
const state = { offset: 0, sort: '-date' };

const card = createCard(document.getElementById('card'), document.getElementById('card-body'),
  document.getElementById('card-close'));
const map = createMap(document.getElementById('map'), { onEvent: card.showEvent, onCluster: card.showList });
const timeline = createTimeline(document.getElementById('timeline'), {
  onBrush(range) {
    form.elements.since.value = range ? range[0] : '';
    form.elements.until.value = range ? range[1] : '';
    refresh();
  },
});
const network = createNetwork(document.getElementById('network'), {
  onActor(code) { form.elements.actor.value = code; refresh(); },
});
const table = createTable(document.getElementById('events'), {
  onEvent: card.showEvent,
  onPage(offset) { state.offset = offset; refreshTable(); },
  onSort(key) { state.sort = state.sort === `-${key}` ? key : `-${key}`; state.offset = 0; refreshTable(); },
});
createExtractBox();

document.getElementById('legend').replaceChildren(...Object.entries(QUAD).map(([n, q]) =>
  el('span', { class: 'chip', style: { background: q.color } }, `${n} ${q.label}`)));

function filters() {
  const values = {};
  for (const [key, value] of new FormData(form)) if (value) values[key] = value.trim();
  return values;
}

async function refreshTable() {
  const page = await getJSON('/events', { ...filters(), limit: PAGE_SIZE, offset: state.offset, sort: state.sort });
  table.update(page, state.sort);
}

async function refresh() {
  const f = filters();
  const { since, until, ...undated } = f;
  state.offset = 0;
  try {
    errorBox.textContent = '';
    // The timeline counts over every day (the other filters apply) so the brush can move anywhere.
    const [all, stats] = await Promise.all([
      getJSON('/events', { ...f, limit: MAP_LIMIT }),
      getJSON('/stats', undated),
      refreshTable(),
    ]);
    map.update(all.events);
    network.update(all.events);
    timeline.update(stats.by_day, since && until ? [since, until] : null);
    document.getElementById('summary').textContent = `${stats.events} events from ${stats.articles} articles; `
      + `${all.total} match${all.total > all.events.length ? ` (map shows ${all.events.length})` : ''}`;
    document.getElementById('undated').textContent = stats.undated ? `${stats.undated} without a day-precision date` : '';
    document.body.dataset.ready = 'true';
  } catch (error) {
    errorBox.textContent = error.message;
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
form.addEventListener('reset', () => setTimeout(refresh));
refresh();
