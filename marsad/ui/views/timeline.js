// The timeline: one lane per event type, a dot per event (colour = status), and a lane of report
// publication dates. Events without their own date sit at their report's date, drawn hollow.

import { all, get } from "../api.js";
import { clear, empty, excerpt, h, readerHref, statusBadge, svg } from "../dom.js";
import { filterForm, filtersOf } from "./events.js";

const DAY = 86400000;
const LANE = 34;
const LEFT = 150;

export async function render(root, { params }) {
  const filters = filtersOf(params);
  const [overview, events, docs] = await Promise.all([get("overview"), all("events", filters), get("documents", { limit: 500 })]);
  root.append(
    h("h1", {}, "Timeline"),
    filterForm(params, overview, (next) => { location.hash = `#/timeline?${new URLSearchParams(next)}`; }),
  );
  const dated = events.map((e) => ({ e, day: e.date ? e.date.start : e.source.published, own: Boolean(e.date) })).filter((x) => x.day && parse(x.day));
  const reports = docs.items.filter((d) => d.published && parse(d.published));
  if (!dated.length && !reports.length) {
    root.append(empty("Nothing dated to show yet."));
    return;
  }
  const times = [...dated.map((x) => parse(x.day)), ...reports.map((d) => parse(d.published))];
  let [lo, hi] = [Math.min(...times), Math.max(...times)];
  const pad = Math.max(DAY, (hi - lo) * 0.05);
  [lo, hi] = [lo - pad, hi + pad];
  const types = [...new Set(dated.map((x) => x.e.type))].sort();
  const width = Math.max(root.clientWidth - 20, 600);
  const height = (types.length + 1) * LANE + 50;
  const x = (t) => LEFT + ((t - lo) / (hi - lo)) * (width - LEFT - 20);
  const detail = h("div", { class: "card", id: "timeline-detail" }, h("p", { class: "muted" }, "Click a dot to see its sentence."));
  const chart = svg("svg", { class: "timeline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Timeline of events" });
  // Axis ticks.
  for (const t of ticks(lo, hi)) {
    chart.append(svg("line", { x1: x(t), x2: x(t), y1: 10, y2: height - 30, class: "tick" }), svg("text", { x: x(t), y: height - 12, class: "tick-label", "text-anchor": "middle" }, new Date(t).toISOString().slice(0, 10)));
  }
  const lanes = ["reports published", ...types];
  lanes.forEach((name, i) => {
    const y = 20 + i * LANE;
    chart.append(svg("line", { x1: LEFT, x2: width - 20, y1: y, y2: y, class: "lane" }), svg("text", { x: LEFT - 8, y: y + 4, class: "lane-label", "text-anchor": "end" }, name));
  });
  for (const d of reports) {
    const dot = svg("rect", { x: x(parse(d.published)) - 5, y: 15, width: 10, height: 10, class: "report-dot", tabindex: 0 }, svg("title", {}, `${d.title || d.source} (${d.outlet || "?"}, ${d.published})`));
    dot.addEventListener("click", () => { location.hash = readerHref(d.id); });
    chart.append(dot);
  }
  const stack = new Map();
  for (const { e, day, own } of dated) {
    const lane = 1 + types.indexOf(e.type);
    const key = `${lane}:${day}`;
    const n = stack.get(key) || 0;
    stack.set(key, n + 1);
    const dot = svg("circle", { cx: x(parse(day)) + n * 4, cy: 20 + lane * LANE - n * 3, r: 7, class: `event-dot status-${e.status.replace(/[^a-z-]/gi, "")}${own ? "" : " undated"}`, tabindex: 0, "data-id": e.id }, svg("title", {}, `${e.type} (${e.status}) ${day}`));
    dot.addEventListener("click", () => show(detail, e, own));
    chart.append(dot);
  }
  root.append(h("div", { class: "chart" }, chart), h("p", { class: "muted" }, "Filled: the event's own date · hollow: dated by its report · squares: reports."), detail);
}

function show(box, e, own) {
  clear(box).append(
    h("h3", {}, `${e.type} `, statusBadge(e.status), own ? ` ${e.date.start}${e.date.end !== e.date.start ? ` to ${e.date.end}` : ""}` : " (report date)"),
    h("blockquote", {}, excerpt(e.sentence_text, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start)),
    h("p", {}, h("a", { href: readerHref(e.source.doc_id, e.sentence.start, e.sentence.end) }, `Read it in ${e.source.outlet || "the report"}`)),
  );
}

function parse(day) {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? null : t;
}

function ticks(lo, hi) {
  const span = hi - lo;
  const steps = [DAY, 7 * DAY, 30 * DAY, 91 * DAY, 365 * DAY, 5 * 365 * DAY];
  const step = steps.find((s) => span / s <= 10) || steps[steps.length - 1];
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}
