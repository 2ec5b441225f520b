// The whole article (GET /articles/{id}) with every event's evidence sentence marked, and inside it the
// actors, places and dates the pipeline found; the event the user came from is scrolled into view.
import { getJSON } from './api.js';
import { el, webUrl } from './highlight.js';

const INNER_KINDS = ['actor', 'place', 'time'];

// Inner spans (actor, place, time) inside [from, to) of the text, as nodes; overlapping spans keep the first.
function inner(text, spans, from, to) {
  const nodes = [];
  let at = from;
  for (const s of spans) {
    if (s.start < at || s.end > to) continue;
    nodes.push(text.slice(at, s.start));
    nodes.push(el('mark', { class: s.kind, title: `${s.kind}: ${s.label}` }, text.slice(s.start, s.end)));
    at = s.end;
  }
  nodes.push(text.slice(at, to));
  return nodes;
}

export function articleNodes(article, focusGroup) {
  const { text } = article;
  const spans = article.spans.filter((s) => INNER_KINDS.includes(s.kind)).sort((a, b) => a.start - b.start || b.end - a.end);
  const sentences = article.spans.filter((s) => s.kind === 'event').sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start < at) {
      // A second event in the same sentence: add its label to the sentence already marked.
      const last = nodes[nodes.length - 1];
      if (last && last.dataset) {
        last.title += `; ${s.label}`;
        if (s.ref === focusGroup) last.classList.add('focus');
      }
      continue;
    }
    nodes.push(...inner(text, spans, at, s.start));
    nodes.push(el('span', { class: `event-span${s.ref === focusGroup ? ' focus' : ''}`, title: `event ${s.label}`,
      'data-group': s.ref || '' }, ...inner(text, spans, s.start, s.end)));
    at = s.end;
  }
  nodes.push(...inner(text, spans, at, text.length));
  return nodes;
}

export function createArticleView(overlay, body, closeButton) {
  const box = overlay.querySelector('.article-box');
  let returnTo = null;
  function close() {
    overlay.hidden = true;
    if (returnTo) returnTo.focus();
  }
  closeButton.addEventListener('click', close);
  overlay.addEventListener('click', (event) => { if (event.target === overlay) close(); });
  overlay.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

  return async function showArticle(articleId, focusGroup) {
    returnTo = document.activeElement;
    overlay.hidden = false;
    body.replaceChildren(el('p', { class: 'muted' }, 'loading the article…'));
    box.focus();
    try {
      const article = await getJSON(`/articles/${encodeURIComponent(articleId)}`);
      body.replaceChildren(
        el('h3', { id: 'article-title' }, article.title || 'untitled article'),
        el('p', { class: 'muted' }, `${article.published || 'undated'}${article.site ? ` · ${article.site}` : ''}`,
          webUrl(article.url) ? el('a', { href: article.url, rel: 'noreferrer' }, ' original') : null),
        el('p', { class: 'key' }, 'Marked: ', el('span', { class: 'event-span' }, 'event sentence'), ' ',
          el('mark', { class: 'actor' }, 'actor'), ' ', el('mark', { class: 'place' }, 'place'), ' ',
          el('mark', { class: 'time' }, 'date')),
        el('div', { class: 'article-text' }, ...articleNodes(article, focusGroup)),
      );
      overlay.dataset.article = articleId;
      const focus = body.querySelector('.event-span.focus');
      if (focus) focus.scrollIntoView({ block: 'center' });
    } catch (error) {
      body.replaceChildren(el('p', { class: 'error' }, `The article could not be loaded: ${error.message}`));
    }
  };
}
