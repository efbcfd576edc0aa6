// DOM helpers. Report text only ever reaches the page as text nodes (textContent), never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "href") el.setAttribute("href", safeHref(value));
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// In-app links (#/...) and same-origin paths are kept; other links only when http(s).
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

// A link to a report's own URL: opened in a new tab, with no referrer and no opener.
export function outLink(url, label) {
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, label || url);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function readerHref(docId, start, end) {
  const focus = start === undefined ? "" : `?focus=${start}-${end}`;
  return `#/doc/${encodeURIComponent(docId)}${focus}`;
}

// A sentence with one span of it emphasised (offsets relative to the sentence).
export function excerpt(text, start, end) {
  if (start === undefined || start < 0 || end > text.length || start >= end) return h("span", {}, text);
  return h("span", {}, text.slice(0, start), h("b", {}, text.slice(start, end)), text.slice(end));
}

// Snippets from search mark matches with [ and ]; shown as <mark> built from text pieces.
export function marked(snippet) {
  const parts = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    parts.push(snippet.slice(last, m.index), h("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  parts.push(snippet.slice(last));
  return h("span", {}, parts);
}

export function sourceLine(source) {
  return [source.outlet || source.source, source.published ? ` · ${source.published}` : ""].join("");
}

export function statusBadge(status) {
  return h("span", { class: `badge status-${String(status).replace(/[^a-z-]/gi, "")}` }, status);
}

export function table(columns, rows, attrs = {}) {
  return h(
    "table",
    attrs,
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c)))),
    h("tbody", {}, rows),
  );
}

export function card(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), children);
}

export function empty(message) {
  return h("p", { class: "empty" }, message);
}
