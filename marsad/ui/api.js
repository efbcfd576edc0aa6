// The JSON API, with filters passed through as query parameters (empty values dropped).

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

export async function get(path, params) {
  const response = await fetch(`/api/${path}${query(params)}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

// Every page of a list, up to `max` items.
export async function all(path, params, max = 2000) {
  const items = [];
  for (let offset = 0; offset < max; offset += 500) {
    const page = await get(path, { ...params, offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total) break;
  }
  return items;
}

export function exportHref(format, params) {
  return `/api/export/${format}${query(params)}`;
}
