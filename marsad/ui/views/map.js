// The map: country outlines from world-atlas (offline, no tiles), a marker per located place with
// events (colour = status), grey dots for places without events. A marker's popup lists its events
// with their sentences; each links to the reader, scrolled to that sentence.

import { all, get } from "../api.js";
import { excerpt, h, readerHref, statusBadge } from "../dom.js";
import { filterForm, filtersOf } from "./events.js";

export async function render(root, { params, isCurrent }) {
  const filters = filtersOf(params);
  const [overview, events, places] = await Promise.all([get("overview"), all("events", filters), all("places", { place: filters.place, outlet: filters.outlet })]);
  root.append(h("h1", {}, "Map"), filterForm(params, overview, (next) => { location.hash = `#/map?${new URLSearchParams(next)}`; }));
  if (typeof L === "undefined") {
    root.append(h("p", { class: "error" }, "The map library is not installed: run `npm ci --prefix marsad/ui` and reload."));
    return;
  }
  const box = h("div", { id: "map", class: "map" });
  root.append(box, h("p", { class: "muted", id: "map-count" }, `${events.filter(located).length} located events, ${places.length} place mentions`));
  if (!isCurrent()) return;
  const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false).addAttribution("Outlines: Natural Earth via world-atlas");
  map.setView([30, 20], 2);
  fetch("/vendor/countries-50m.json").then((r) => (r.ok ? r.json() : null)).then((topo) => {
    if (!topo || typeof topojson === "undefined") return;
    L.geoJSON(topojson.feature(topo, topo.objects.countries), { style: { color: "#8a8f98", weight: 0.7, fillColor: "#eeeae0", fillOpacity: 1 }, interactive: false }).addTo(map).bringToBack();
  });

  const groups = new Map();
  for (const e of events.filter(located)) {
    const key = `${e.place.lat.toFixed(4)},${e.place.lon.toFixed(4)}`;
    if (!groups.has(key)) groups.set(key, { place: e.place, events: [] });
    groups.get(key).events.push(e);
  }
  const bounds = [];
  for (const p of places) {
    if (p.place.lat === null || p.place.lon === null) continue;
    const key = `${p.place.lat.toFixed(4)},${p.place.lon.toFixed(4)}`;
    if (groups.has(key)) continue;
    bounds.push([p.place.lat, p.place.lon]);
    L.circleMarker([p.place.lat, p.place.lon], { radius: 4, color: "#555", weight: 1, fillColor: "#aaa", fillOpacity: 0.8, className: "marsad-place" })
      .bindPopup(() => h("div", { class: "popup" }, h("strong", {}, p.place.name), p.place.country ? ` (${p.place.country})` : "", h("p", {}, "Named ", h("a", { href: readerHref(p.source.doc_id, p.first.start, p.first.end) }, `in ${p.source.outlet || p.source.title || "a report"}`), "; no event here.")))
      .addTo(map);
  }
  for (const { place, events: here } of groups.values()) {
    bounds.push([place.lat, place.lon]);
    const status = mainStatus(here);
    L.circleMarker([place.lat, place.lon], { radius: 7 + Math.min(8, 2 * Math.log2(here.length)), color: "#222", weight: 1, fillOpacity: 0.85, className: `marsad-event status-${status}`, fillColor: COLOURS[status] || COLOURS.other })
      // Leaflet writes string tooltips as HTML: hand it an element holding text.
      .bindTooltip(h("span", {}, `${place.name}: ${here.length} event${here.length === 1 ? "" : "s"}`))
      .bindPopup(() => popup(place, here), { maxWidth: 360 })
      .addTo(map);
  }
  if (params.place) {
    const wanted = params.place.toLowerCase();
    const match = [...groups.values()].find((g) => g.place.name.toLowerCase().includes(wanted));
    if (match) map.setView([match.place.lat, match.place.lon], 7);
    else if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
  } else if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
  legend().addTo(map);
}

const COLOURS = { happened: "#c0392b", announced: "#e67e22", ordered: "#8e44ad", denied: "#2c3e50", conditional: "#16a085", other: "#7f8c8d" };

function located(e) {
  return e.place && e.place.lat !== null && e.place.lon !== null;
}

function mainStatus(events) {
  const counts = {};
  for (const e of events) counts[e.status] = (counts[e.status] || 0) + 1;
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  return top in COLOURS ? top : "other";
}

function popup(place, events) {
  return h(
    "div",
    { class: "popup" },
    h("strong", {}, place.name), place.country ? ` (${place.country})` : "",
    h(
      "ul",
      {},
      events.slice(0, 8).map((e) =>
        h(
          "li",
          {},
          statusBadge(e.status), ` ${e.type}`, e.date ? ` · ${e.date.start}` : "", ` · ${e.source.outlet || "report"}`,
          h("div", { class: "popup-sentence" }, excerpt(e.sentence_text, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start)),
          h("a", { class: "to-sentence", href: readerHref(e.source.doc_id, e.sentence.start, e.sentence.end) }, "Read the sentence ›"),
          " ",
          h("a", { href: `#/events?place=${encodeURIComponent(place.name)}&type=${encodeURIComponent(e.type)}` }, "other reports"),
        ),
      ),
    ),
    events.length > 8 ? h("a", { href: `#/events?place=${encodeURIComponent(place.name)}` }, `All ${events.length} events here`) : null,
  );
}

function legend() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => h("div", { class: "legend-box" }, Object.entries(COLOURS).map(([status, colour]) => h("div", {}, h("span", { class: `swatch status-${status}` }), ` ${status}`)), h("div", {}, h("span", { class: "swatch place" }), " place, no event"));
  return control;
}
