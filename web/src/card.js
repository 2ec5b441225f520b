// The event card: every report of one event, its evidence sentence with the actors and the trigger
// marked; or, for a cluster on the map, the list of its events.
import { getJSON } from './api.js';
import { el, markedText, webUrl } from './highlight.js';
import { QUAD } from './colors.js';
import { label } from './map.js';

export function createCard(panel, body, closeButton) {
  closeButton.addEventListener('click', () => { panel.hidden = true; });

  function show(...nodes) {
    body.replaceChildren(...nodes);
    panel.hidden = false;
  }

  async function showEvent(id) {
    show(el('p', { class: 'muted' }, 'loading…'));
    const e = await getJSON(`/events/${encodeURIComponent(id)}`);
    const quad = QUAD[e.quad_class];
    show(
      el('h3', {}, `${e.source_name || e.source_code || '?'} → ${e.cameo_name || e.cameo} → ${e.target_name || e.target_code || '—'}`),
      el('p', { class: 'codes' },
        el('span', { class: 'chip', style: { background: quad ? quad.color : '#888' } }, `QuadClass ${e.quad_class}`),
        ` CAMEO ${e.cameo} · ${e.plover || ''} · Goldstein ${e.goldstein} · ${e.source_code || '?'} → ${e.target_code || '—'}`),
      el('p', {}, `${e.date || 'undated'}${e.place_name ? ` · ${e.place_name} (${e.place_country || '?'})` : ''}`
        + ` · ${e.num_mentions} mention(s) in ${e.num_articles} stor${e.num_articles === 1 ? 'y' : 'ies'}`
        + `${e.fatalities !== null ? ` · ${e.fatalities} killed` : ''}`),
      ...e.mentions.map((m) => el('blockquote', { class: 'evidence', 'data-article': m.article_id },
        el('p', { class: 'sentence' }, markedText(m.sentence, m.highlights)),
        el('footer', {}, `${m.article_title || m.article_id}${m.article_published ? `, ${m.article_published}` : ''}`,
          webUrl(m.article_url) ? el('a', { href: m.article_url, rel: 'noreferrer' }, ' source') : null))),
    );
    panel.dataset.event = id;
  }

  function showList(events) {
    show(
      el('h3', {}, `${events.length} events here`),
      el('ul', { class: 'card-list' }, ...events.map((e) => el('li', {},
        el('button', { type: 'button', class: 'link', 'data-id': e.id, onclick: () => showEvent(e.id) }, label(e))))),
    );
  }

  return { showEvent, showList };
}
