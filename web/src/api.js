// Calls to the eventwire HTTP API; every error arrives as {"error": {"status", "message"}}.

// The URL of a GET: parameters without a value are left out.
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  return query.size ? `${path}?${query}` : path;
}

export async function getJSON(path, params = {}) {
  return unwrap(await fetch(withQuery(path, params)));
}

export async function postJSON(path, body) {
  return unwrap(await fetch(path, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  }));
}

async function unwrap(response) {
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ? data.error.message : `HTTP ${response.status}`);
  return data;
}
