// The dashboard: filters (from and to the URL) -> one state -> map, rankings, timeline, network and
// table redrawn from the API.
import { createActorPicker, resolveActors } from './actors.js';
import { getJSON, withQuery } from './api.js';
import { createArticleView } from './article.js';
import { createCard } from './card.js';
import { chipStyle, QUAD } from './colors.js';
import { createExtractBox } from './extract.js';
import { el } from './highlight.js';
import { createMap, PRECISION } from './map.js';
import { createNetwork } from './network.js';
import { createRankings } from './rankings.js';
import { createTable, PAGE_SIZE } from './table.js';
import { createTimeline } from './timeline.js';
import { apiQuery, FILTER_NAMES, readUrl, writeUrl } from './url.js';
import { createValidator, inWords } from './validate.js';

const MAP_LIMIT = 5000; // events drawn on the map and the network at most
const RANKED = 20; // rows in each ranked table
const OFFERED = 50; // actors offered in the pickers before anything is typed (the rest: searched as typed)
const form = document.getElementById('filters');
const errorBox = document.getElementById('error');
const status = document.getElementById('status');
const binSelect = document.getElementById('bin');
const networkN = document.getElementById('network-n');
const networkBy = document.getElementById('network-by');
const fromUrl = readUrl();
const view = { ...fromUrl.view };
let validate = (raw) => ({ values: raw, errors: [] });
let generation = 0; // answers to an older refresh are dropped

// What GET /view is asked for these filters and the view settings.
function viewUrl(values) {
  return withQuery('/view', {
    ...values, map_limit: MAP_LIMIT, limit: PAGE_SIZE, offset: view.offset, sort: view.sort, bin: view.bin,
    ranked: RANKED, network_n: view.n, network_by: view.by,
  });
}
// Asked before anything is drawn, so the answers travel while the world map below is drawn: the vocabulary, and
// the view of the URL's filters (a shared link holds codes, so the first refresh almost always asks the same;
// if not, it asks again).
const vocabularyAnswer = getJSON('/vocabulary');
let early = { url: viewUrl(fromUrl.filters), answer: getJSON(viewUrl(fromUrl.filters)) };
early.answer.catch(() => {}); // an unused early answer's failure is nobody's error

const showArticle = createArticleView(document.getElementById('article'), document.getElementById('article-body'),
  document.getElementById('article-close'));
const card = createCard(document.getElementById('card'), document.getElementById('card-body'),
  document.getElementById('card-close'), { onArticle: showArticle });
const mapMode = document.getElementById('map-mode');
const map = createMap(document.getElementById('map'), {
  onEvent: card.showEvent,
  onCluster: card.showList,
  onCountry(code) { form.elements.country.value = code; refresh(); },
});
const timeline = createTimeline(document.getElementById('timeline'), {
  onBrush(range) {
    form.elements.since.value = range ? range[0] : '';
    form.elements.until.value = range ? range[1] : '';
    refresh();
  },
});
const network = createNetwork(document.getElementById('network'), { onActor: filterToActor });
const rankings = createRankings(document.getElementById('actors'), document.getElementById('dyads'), {
  onActor: filterToActor,
  onDyad(source, target) {
    form.elements.actor.value = '';
    form.elements.source.value = source;
    form.elements.target.value = target;
    refresh();
  },
});
const table = createTable(document.getElementById('events'), {
  onEvent: card.showEvent,
  onPage(offset) { view.offset = String(offset); refreshTable(currentFilters()); },
  onSort(key) {
    view.sort = view.sort === `-${key}` ? key : `-${key}`;
    view.offset = '0';
    refreshTable(currentFilters());
  },
});
createExtractBox();
const actorPicker = createActorPicker(form, document.getElementById('actor-list'));

function filterToActor(code) {
  form.elements.actor.value = code;
  form.elements.source.value = '';
  form.elements.target.value = '';
  refresh();
}

document.getElementById('legend').replaceChildren(
  el('span', { class: 'legend-title' }, 'colour: '),
  ...Object.entries(QUAD).map(([n, q]) => el('span', { class: 'chip', style: chipStyle(n) }, `${n} ${q.label}`)),
  el('span', { class: 'legend-title' }, ' outline: '),
  ...Object.entries(PRECISION).map(([key, text]) => el('span', { class: `precision-key precision-${key}` },
    el('span', { class: 'dot' }), text)),
  el('span', { class: 'legend-title' }, ' size: a cluster of nearby events, the number inside'),
);

function setForm(filters) {
  for (const name of FILTER_NAMES) {
    const field = form.elements[name];
    if (!field) continue;
    if (field.type === 'checkbox') field.checked = filters[name] === 'true';
    else field.value = filters[name] || '';
  }
  binSelect.value = view.bin;
  mapMode.value = view.map;
  networkN.value = view.n;
  networkBy.value = view.by;
}

function rawFilters() {
  const values = {};
  for (const [key, value] of new FormData(form)) if (value && value.trim()) values[key] = value.trim();
  return values;
}

let lastGood = {};
function currentFilters() { return lastGood; }

async function refreshTable(filters) {
  writeUrl(filters, view);
  const page = await getJSON('/events', { ...filters, limit: PAGE_SIZE, offset: view.offset, sort: view.sort });
  table.update(page, view.sort);
}

function setDownloads(filters) {
  const query = apiQuery(filters);
  for (const kind of ['csv', 'jsonl', 'geojson']) {
    document.getElementById(`dl-${kind}`).setAttribute('href', `export.${kind}${query}`);
  }
}

function showErrors(errors) {
  errorBox.replaceChildren(...errors.map((text) => el('span', { class: 'message' }, text)));
}

async function refresh({ keepPage = false } = {}) {
  const mine = ++generation;
  const checked = validate(rawFilters());
  let resolved;
  try {
    resolved = await resolveActors(checked.values, form);
  } catch (error) {
    if (mine === generation) showErrors([`The actor names could not be looked up: ${inWords(error.message)}`]);
    return;
  }
  if (mine !== generation) return;
  const errors = [...checked.errors, ...resolved.errors];
  if (errors.length) {
    showErrors(errors);
    return;
  }
  const values = resolved.values;
  errorBox.replaceChildren();
  lastGood = values;
  if (!keepPage) view.offset = '0';
  view.bin = binSelect.value;
  view.n = networkN.value;
  view.by = networkBy.value;
  view.map = mapMode.value;
  const { since, until } = values;
  status.textContent = 'loading…';
  document.body.dataset.loading = 'true';
  rankings.loading();
  setDownloads(values);
  writeUrl(values, view);
  try {
    // Every panel from one request (GET /view): the server merges the events once for all of them. Its
    // timeline counts over every date (the other filters apply) so the brush can move anywhere.
    const url = viewUrl(values);
    const answer = await (early && early.url === url ? early.answer : getJSON(url));
    early = null;
    if (mine !== generation) return;
    const { map: all, series, totals } = answer;
    map.update(all.events);
    showMapMode();
    rankings.update(answer.actors, answer.dyads);
    network.update(answer.network.actors, all.events);
    timeline.update(series, since && until ? [since, until] : null);
    table.update(answer.table, view.sort);
    const placed = all.events.filter((e) => e.lat !== null).length;
    document.getElementById('map-note').textContent = all.total === 0 ? 'No events match these filters.'
      : placed === 0 ? 'None of the matching events has a place.' : `${placed} placed events`;
    document.getElementById('summary').textContent = `${totals.events} events from ${totals.articles} articles; `
      + `${all.total} match${all.total > all.events.length ? ` (map shows ${all.events.length})` : ''}`;
    // A bar counts only the events whose whole date lies in it: say how many the timeline leaves out.
    const offTimeline = [series.undated ? `${series.undated} undated` : '',
      series.not_placeable ? `${series.not_placeable} dated to a longer period than a ${series.bin}` : '']
      .filter(Boolean);
    document.getElementById('undated').textContent = offTimeline.length
      ? `not shown: ${offTimeline.join(', ')}` : '';
    status.textContent = all.total === 0 ? 'No events match these filters.' : '';
    document.body.dataset.empty = all.total === 0 ? 'true' : 'false';
  } catch (error) {
    if (mine !== generation) return;
    errorBox.replaceChildren(el('span', { class: 'message' }, inWords(error.message)));
    status.textContent = 'The dashboard could not load the events.';
  } finally {
    if (mine === generation) {
      document.body.dataset.loading = 'false';
      document.body.dataset.ready = 'true';
      // Which refresh the page shows, every panel drawn: the signal the benchmark and tests wait for.
      document.body.dataset.refreshed = String(mine);
    }
  }
}

async function loadVocabulary() {
  try {
    const vocabulary = await vocabularyAnswer;
    validate = createValidator(vocabulary);
    map.setCountries(vocabulary.countries);
    form.elements.plover.append(...vocabulary.plover.map((kind) => el('option', { value: kind }, kind.toLowerCase())));
    form.elements.plover.value = fromUrl.filters.plover || '';
    document.getElementById('cameo-list').replaceChildren(...vocabulary.cameo.map((c) =>
      el('option', { value: c.code }, `${c.code} ${c.name}`)));
    document.getElementById('country-list').replaceChildren(...vocabulary.countries.map((c) =>
      el('option', { value: c.name }, c.code)));
  } catch (error) {
    errorBox.replaceChildren(el('span', { class: 'message' }, `The pickers' names could not be loaded: ${error.message}`));
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
form.addEventListener('reset', () => setTimeout(refresh));
// The map's mode changes only the map: no new request.
function showMapMode() {
  const most = map.setMode(mapMode.value);
  document.getElementById('legend').hidden = mapMode.value === 'countries';
  const scale = document.getElementById('choropleth-legend');
  scale.hidden = mapMode.value !== 'countries';
  scale.replaceChildren(el('span', { class: 'legend-title' }, 'shade: events placed in the country, '),
    el('span', { class: 'ramp' }), ` 1 to ${most} (click a country to filter to it)`);
}
mapMode.addEventListener('change', () => { view.map = mapMode.value; writeUrl(lastGood, view); showMapMode(); });
for (const select of [binSelect, networkN, networkBy]) select.addEventListener('change', () => refresh({ keepPage: true }));

setForm(fromUrl.filters);
// The filters need the vocabulary to be read; the actors offered before anything is typed load after the
// first view is drawn, not competing with it.
loadVocabulary().then(() => refresh({ keepPage: true }))
  .then(() => getJSON('/actors', { limit: OFFERED }))
  .then((found) => actorPicker.show(found.actors), () => {});
