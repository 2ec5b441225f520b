// The view in the URL: every filter and view setting as a query parameter, so a reload or a shared
// link opens the same view. Only the names listed here are read back.

export const FILTER_NAMES = ['actor', 'source', 'target', 'cameo', 'quad_class', 'plover', 'country', 'precision',
  'since', 'until', 'min_confidence', 'text', 'facts_only', 'near', 'bbox'];
export const VIEW_DEFAULTS = { bin: 'auto', n: '25', by: 'events', map: 'points', sort: '-date', offset: '0' };

export function readUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) if (params.get(name)) filters[name] = params.get(name);
  const view = { ...VIEW_DEFAULTS };
  for (const name of Object.keys(VIEW_DEFAULTS)) if (params.get(name)) view[name] = params.get(name);
  return { filters, view };
}

export function writeUrl(filters, view) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(view)) if (value !== VIEW_DEFAULTS[name]) params.set(name, value);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
}

// The same filters as a query string for the API (download links).
export function apiQuery(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
