// The event table: filters (kept in the address, so a view can be shared), paging, export buttons,
// and for each event the sentence it came from and the other reports that back or deny it.

import { exportHref, get } from "../api.js";
import { clear, empty, excerpt, h, readerHref, statusBadge, table } from "../dom.js";
import { reportsList } from "./reader.js";

export const FILTERS = ["text", "actor", "type", "status", "place", "since", "until", "outlet"];
const FORMATS = [
  ["csv", "CSV (ACLED)"],
  ["geojson", "GeoJSON"],
  ["graphml", "GraphML"],
  ["jsonl", "JSON Lines"],
  ["parquet", "Parquet"],
];
const PAGE = 50;

export function filterForm(params, overview, onSubmit) {
  const field = (name, label, attrs = {}) =>
    h("label", {}, label, h("input", { name, value: params[name] || "", ...attrs }));
  const select = (name, label, options) =>
    h("label", {}, label, h("select", { name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: params[name] === o }, o))));
  const form = h(
    "form",
    { class: "filters", id: "event-filters" },
    field("text", "Text", { type: "search", placeholder: "words in the sentence" }),
    field("actor", "Actor", { placeholder: "name" }),
    select("type", "Type", Object.keys(overview.event_types)),
    select("status", "Status", Object.keys(overview.event_statuses)),
    field("place", "Place", { placeholder: "place or country" }),
    field("since", "From", { type: "date" }),
    field("until", "To", { type: "date" }),
    field("outlet", "Outlet"),
    h("button", { type: "submit" }, "Filter"),
    h("a", { class: "button secondary", href: location.hash.split("?")[0] }, "Clear"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
    onSubmit(data);
  });
  return form;
}

export function filtersOf(params) {
  return Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
}

export async function render(root, { params }) {
  const filters = filtersOf(params);
  const offset = Number(params.offset || 0);
  const [overview, page] = await Promise.all([get("overview"), get("events", { ...filters, offset, limit: PAGE })]);
  const detail = h("div", { class: "event-detail card", id: "event-detail", hidden: true });
  const go = (next) => {
    const q = new URLSearchParams(next).toString();
    location.hash = `#/events${q ? `?${q}` : ""}`;
  };
  root.append(
    h("h1", {}, "Events"),
    filterForm(params, overview, go),
    h(
      "div",
      { class: "exports" },
      "Export what is shown: ",
      FORMATS.map(([fmt, label]) => h("a", { class: "button", href: exportHref(fmt, filters), download: `marsad-events.${fmt === "jsonl" ? "jsonl" : fmt}`, "data-format": fmt }, label)),
    ),
    h("p", { class: "muted", id: "event-count" }, `${page.total} event${page.total === 1 ? "" : "s"}${Object.keys(filters).length ? " match the filters" : ""}`),
  );
  if (!page.items.length) {
    root.append(empty(overview.events ? "No event matches these filters." : "No events have been extracted yet; they appear here as soon as the store holds them."));
    return;
  }
  const rows = page.items.map((e) =>
    h(
      "tr",
      { "data-id": e.id, onclick: () => showEvent(detail, e) },
      h("td", { class: "nowrap" }, e.date ? e.date.start : h("span", { class: "muted", title: "publication date" }, e.source.published || "—")),
      h("td", {}, e.type),
      h("td", {}, statusBadge(e.status)),
      h("td", {}, e.actor ? e.actor.name : "—"),
      h("td", {}, e.target ? e.target.name : "—"),
      h("td", {}, e.place ? e.place.name : "—"),
      h("td", {}, e.source.outlet || "—"),
      h("td", { class: "evidence" }, excerpt(e.sentence_text, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start), " ", h("a", { href: readerHref(e.source.doc_id, e.sentence.start, e.sentence.end), onclick: (ev) => ev.stopPropagation() }, "read")),
    ),
  );
  root.append(table(["Date", "Type", "Status", "Actor", "Target", "Place", "Outlet", "Evidence"], rows, { class: "events", id: "events-table" }), pager(page, params, go), detail);
}

function pager(page, params, go) {
  const prev = page.offset > 0;
  const next = page.offset + page.items.length < page.total;
  if (!prev && !next) return null;
  return h(
    "div",
    { class: "pager" },
    h("button", { disabled: !prev, onclick: () => go({ ...params, offset: Math.max(0, page.offset - PAGE) }) }, "‹ Previous"),
    ` ${page.offset + 1}–${page.offset + page.items.length} of ${page.total} `,
    h("button", { disabled: !next, onclick: () => go({ ...params, offset: page.offset + PAGE }) }, "Next ›"),
  );
}

async function showEvent(box, e) {
  box.hidden = false;
  clear(box).append(
    h("h2", {}, `${e.type} `, statusBadge(e.status)),
    h("p", {}, [e.actor && e.actor.name, e.target && `→ ${e.target.name}`, e.place && `@ ${e.place.name}${e.place.country ? `, ${e.place.country}` : ""}`, e.date && `on ${e.date.start}`].filter(Boolean).join(" ")),
    h("blockquote", {}, excerpt(e.sentence_text, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start)),
    h("p", {}, "Reported by ", h("a", { href: readerHref(e.source.doc_id, e.sentence.start, e.sentence.end) }, e.source.outlet || e.source.title || e.source.doc_id), e.source.published ? ` on ${e.source.published}` : "", e.citations.length ? [", citing ", e.citations.map((c, i) => [i ? ", " : "", c.domain || c.text])] : ""),
  );
  const detail = await get(`events/${encodeURIComponent(e.id)}`);
  box.append(reportsList(detail.reports));
  box.scrollIntoView({ block: "nearest" });
}
