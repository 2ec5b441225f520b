// The actor pickers (actor, source, target): names searched on the server as the user types
// (GET /actors?q=, code prefix or words of a name), so every actor in the database can be found, not only
// those loaded with the page; a typed name becomes the code of the most active actor it names.
import { getJSON } from './api.js';
import { el } from './highlight.js';

export const ACTOR_FIELDS = ['actor', 'source', 'target'];
const SUGGESTIONS = 20; // options offered for what is typed
const PAUSE_MS = 200; // typing pause before the server is asked
// What the rankings, the network and the list put in a field: a code, used as a code prefix as it is.
const AS_CODE = /^[A-Z0-9]{1,24}$/;

// An option per actor: its code as the value, as label the name that matched what was typed (else its usual name).
function options(actors, typed = '') {
  const lower = typed.toLowerCase();
  return actors.map((a) => {
    const name = (lower && (a.names || []).find((n) => n.toLowerCase().includes(lower))) || a.name || a.code;
    return el('option', { value: a.code }, `${name} (${a.events} events)`);
  });
}

export function createActorPicker(form, datalist) {
  let timer = null;
  let asked = '';

  async function suggest(typed) {
    if (typed === asked) return;
    asked = typed;
    try {
      const found = await getJSON('/actors', { q: typed, limit: SUGGESTIONS });
      if (typed === asked) datalist.replaceChildren(...options(found.actors, typed));
    } catch {
      // No suggestions is not an error worth a message: the field still takes a code.
    }
  }

  for (const name of ACTOR_FIELDS) {
    form.elements[name].addEventListener('input', (event) => {
      const typed = event.target.value.trim();
      clearTimeout(timer);
      if (typed.length >= 2) timer = setTimeout(() => suggest(typed), PAUSE_MS);
    });
  }

  return {
    // The most active actors, offered before anything is typed.
    show(actors) { datalist.replaceChildren(...options(actors)); },
  };
}

// values' actor fields as codes for the API: a code as it is, else the most active actor whose code starts
// with, or whose name contains, what was typed. Returns { values, errors } (errors as sentences); `form`
// gets the resolved codes so the URL and the fields say what is shown.
export async function resolveActors(values, form) {
  const resolved = { ...values };
  const errors = [];
  await Promise.all(ACTOR_FIELDS.map(async (name) => {
    const typed = values[name];
    if (!typed || AS_CODE.test(typed)) return;
    if (typed.length > 100) {
      errors.push(`${name}: “${typed.slice(0, 40)}…” is too long for an actor code or name`);
      return;
    }
    const found = await getJSON('/actors', { q: typed, limit: 1 });
    const top = found.actors[0];
    if (!top) {
      errors.push(`${name}: no actor has a code or a name like “${typed}”; type a code such as RUS or USAGOV, `
        + 'or part of a name such as Putin, and pick one from the list');
      return;
    }
    const prefix = typed.toUpperCase();
    resolved[name] = top.code.startsWith(prefix) && AS_CODE.test(prefix) ? prefix : top.code;
    form.elements[name].value = resolved[name];
  }));
  return { values: resolved, errors };
}
