// How an actor reads on the page: its code, or, when the knowledge base could not code it (code ''),
// the name the article gives it.
export function actorLabel(code, name) {
  if (code) return code;
  return name ? `${name} (uncoded)` : '—';
}
