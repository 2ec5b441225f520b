// The extract box: POST /extract with a pasted article and list the events it codes.
import { postJSON } from './api.js';
import { el, markedText } from './highlight.js';
import { chipStyle } from './colors.js';

export function createExtractBox() {
  const text = document.getElementById('extract-text');
  const published = document.getElementById('extract-published');
  const status = document.getElementById('extract-status');
  const results = document.getElementById('extract-results');
  const button = document.getElementById('extract-run');

  button.addEventListener('click', async () => {
    if (!text.value.trim()) { status.textContent = 'paste an article first'; return; }
    button.disabled = true;
    status.textContent = 'coding… (the first run loads the language model)';
    results.replaceChildren();
    try {
      const looksHtml = /^\s*</.test(text.value);
      const data = await postJSON('/extract', {
        text: text.value, content_type: looksHtml ? 'html' : 'text', published: published.value || null,
      });
      status.textContent = `${data.events.length} events in “${data.article.title || 'untitled'}”`;
      results.replaceChildren(...data.events.map((e) => {
        const sentence = e.evidence.sentence;
        const at = e.evidence.start;
        const marks = [e.source, e.target].filter(Boolean)
          .filter((a) => a.start !== null && a.start >= at && a.end <= e.evidence.end)
          .map((a, i) => ({ start: a.start - at, end: a.end - at, kind: i === 0 && a === e.source ? 'source' : 'target' }));
        const trigger = sentence.indexOf(e.evidence.trigger);
        if (trigger >= 0) marks.push({ start: trigger, end: trigger + e.evidence.trigger.length, kind: 'trigger' });
        return el('li', { class: 'event', 'data-source': e.source.code, 'data-cameo': e.cameo },
          el('span', { class: 'chip', style: chipStyle(e.quad_class) }, String(e.quad_class)),
          el('strong', {}, ` ${e.source.code} `), `${e.source.name} · ${e.cameo} ${e.cameo_name} · `,
          el('strong', {}, e.target ? `${e.target.code} ` : '—'), e.target ? e.target.name : '',
          ` · ${e.date || 'undated'}${e.place ? ` · ${e.place.name}` : ''}`,
          el('p', { class: 'sentence' }, markedText(sentence, marks)));
      }));
    } catch (error) {
      status.textContent = `error: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
