// The ranked tables: actors (events as source and target, cooperation vs conflict, Goldstein sum) and
// directed dyads. A row is a control: click or Enter filters the whole dashboard to it.
import { el } from './highlight.js';

function row(attrs, onPick, ...cells) {
  return el('tr', { ...attrs, tabindex: '0', onclick: onPick,
    onkeydown: (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); onPick(); } } },
  ...cells);
}

function actorCell(code, name) {
  return el('td', { class: 'actor-cell' }, el('strong', {}, code), name ? el('span', { class: 'name' }, ` ${name}`) : null);
}

function num(value) {
  return el('td', { class: 'num' }, String(value));
}

function empty(tbody, columns, text) {
  tbody.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: String(columns) }, text)));
}

export function createRankings(actorTable, dyadTable, { onActor, onDyad }) {
  const actorBody = actorTable.querySelector('tbody');
  const dyadBody = dyadTable.querySelector('tbody');
  return {
    loading() {
      empty(actorBody, 7, 'loading…');
      empty(dyadBody, 5, 'loading…');
    },
    update(actors, dyads) {
      if (!actors.actors.length) empty(actorBody, 7, 'no coded actors in these events');
      else {
        actorBody.replaceChildren(...actors.actors.map((a) => row({ 'data-code': a.code }, () => onActor(a.code),
          actorCell(a.code, a.name), num(a.events), num(a.as_source), num(a.as_target), num(a.cooperation),
          num(a.conflict), num(a.goldstein_sum))));
      }
      if (!dyads.dyads.length) empty(dyadBody, 5, 'no pair of coded actors in these events');
      else {
        dyadBody.replaceChildren(...dyads.dyads.map((d) => row(
          { 'data-source': d.source_code, 'data-target': d.target_code }, () => onDyad(d.source_code, d.target_code),
          el('td', { class: 'actor-cell' }, el('strong', {}, d.source_code), ` ${d.source_name || ''} → `,
            el('strong', {}, d.target_code), ` ${d.target_name || ''}`),
          num(d.events), num(d.cooperation), num(d.conflict), num(d.goldstein_sum))));
      }
    },
  };
}
