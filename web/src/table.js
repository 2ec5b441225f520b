// The event table: one page of GET /events at a time, sortable by the API's sort keys.
import { el } from './highlight.js';
import { chipStyle } from './colors.js';
import { actorLabel } from './names.js';

export const PAGE_SIZE = 25;

export function createTable(table, { onEvent, onPage, onSort }) {
  const tbody = table.querySelector('tbody');
  for (const th of table.querySelectorAll('th[data-sort]')) {
    th.addEventListener('click', () => onSort(th.dataset.sort));
    th.addEventListener('keydown', (event) => { if (event.key === 'Enter') onSort(th.dataset.sort); });
  }
  return {
    update(page, sort) {
      for (const th of table.querySelectorAll('th[data-sort]')) {
        const key = th.dataset.sort;
        th.className = sort === key ? 'sorted asc' : sort === `-${key}` ? 'sorted desc' : '';
      }
      if (!page.events.length) {
        tbody.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: '8' }, 'No events match these filters.')));
      } else tbody.replaceChildren(...page.events.map((e) => el('tr', { 'data-id': e.id, 'data-date': e.date || '',
        tabindex: '0', onclick: () => onEvent(e.id), onkeydown: (event) => { if (event.key === 'Enter') onEvent(e.id); } },
      el('td', {}, e.date || '—'),
      el('td', { title: e.source_name || '' }, actorLabel(e.source_code, e.source_name)),
      el('td', { title: e.cameo_name || '' }, `${e.cameo} ${e.cameo_name || ''}`),
      el('td', { title: e.target_name || '' }, actorLabel(e.target_code, e.target_name)),
      el('td', {}, e.place_name ? `${e.place_name} (${e.place_country || '?'})` : '—'),
      el('td', {}, el('span', { class: 'chip', style: chipStyle(e.quad_class) }, String(e.quad_class))),
      el('td', {}, String(e.num_mentions)),
      el('td', { class: 'evidence-cell', title: e.evidence[0] || '' }, e.evidence[0] || ''))));
      const last = Math.min(page.offset + page.events.length, page.total);
      document.getElementById('table-count').textContent = `${page.total} matching`;
      document.getElementById('page').textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : 'none';
      document.getElementById('prev').disabled = page.offset === 0;
      document.getElementById('next').disabled = last >= page.total;
      document.getElementById('prev').onclick = () => onPage(Math.max(0, page.offset - PAGE_SIZE));
      document.getElementById('next').onclick = () => onPage(page.offset + PAGE_SIZE);
    },
  };
}
