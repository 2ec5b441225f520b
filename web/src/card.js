// The event card: every report of one event, its evidence sentence with the actors and the trigger
// marked; or, for a cluster on the map, the list of its events. The card is fixed to the viewport
// (beside the content on a desktop, a sheet at the bottom on a phone), so it opens where the user looks.
import { getJSON } from './api.js';
import { el, markedText, webUrl } from './highlight.js';
import { chipStyle } from './colors.js';
import { label, PRECISION } from './map.js';
import { actorLabel } from './names.js';

export function createCard(panel, body, closeButton, { onArticle }) {
  let returnTo = null;
  function close() {
    panel.hidden = true;
    if (returnTo && document.contains(returnTo)) returnTo.focus();
  }
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

  function show(...nodes) {
    if (panel.hidden) returnTo = document.activeElement;
    body.replaceChildren(...nodes);
    panel.hidden = false;
    panel.scrollTop = 0;
    panel.focus({ preventScroll: true });
  }

  async function showEvent(id) {
    show(el('p', { class: 'muted' }, 'loading…'));
    let e;
    try {
      e = await getJSON(`/events/${encodeURIComponent(id)}`);
    } catch (error) {
      show(el('p', { class: 'error' }, `This event could not be loaded: ${error.message}`));
      return;
    }
    const source = e.source_name || actorLabel(e.source_code, null);
    const target = e.target_name || (e.target_code ? e.target_code : '—');
    show(
      el('h3', {}, `${source} → ${e.cameo_name || e.cameo} → ${target}`),
      el('p', { class: 'codes' },
        el('span', { class: 'chip', style: chipStyle(e.quad_class) }, `QuadClass ${e.quad_class}`),
        ` CAMEO ${e.cameo} · ${e.plover || ''} · Goldstein ${e.goldstein} · `
        + `${actorLabel(e.source_code, e.source_name)} → ${actorLabel(e.target_code, e.target_name)}`),
      el('p', {}, `${e.date || 'undated'}${e.place_name ? ` · ${e.place_name} (${e.place_country || '?'}, `
        + `${PRECISION[e.place_precision] || 'place'})` : ''}`
        + ` · ${e.num_mentions} mention(s) in ${e.num_articles} stor${e.num_articles === 1 ? 'y' : 'ies'}`
        + `${e.fatalities !== null ? ` · ${e.fatalities} killed` : ''}`),
      ...e.mentions.map((m) => el('blockquote', { class: 'evidence', 'data-article': m.article_id },
        el('p', { class: 'sentence' }, markedText(m.sentence, m.highlights)),
        el('footer', {}, `${m.article_title || m.article_id}${m.article_published ? `, ${m.article_published}` : ''}`,
          webUrl(m.article_url) ? el('a', { href: m.article_url, rel: 'noreferrer' }, ' source') : null,
          ' ', el('button', { type: 'button', class: 'link read-article',
            onclick: () => onArticle(m.article_id, e.id) }, 'read the whole article')))),
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
