// The document reader: the clean text with every extraction highlighted and linked, and lists of
// actors, places, events, claims, citations and removed blocks beside it. Offsets index doc.text.

import { get } from "../api.js";
import { card, clear, empty, excerpt, h, outLink, readerHref, statusBadge } from "../dom.js";

const KINDS = ["actor", "place", "event", "claim", "citation"];

export async function render(root, { args, params }) {
  const docId = args[0];
  const result = await get(`documents/${encodeURIComponent(docId)}`);
  const doc = result.doc;
  const names = Object.fromEntries(result.actors.map((a) => [a.id, a.name]));
  const places = Object.fromEntries(result.places.map((p) => [p.id, p]));
  const claims = Object.fromEntries(result.claims.filter((c) => c.id).map((c) => [c.id, c]));
  const annotations = collect(result, names);
  const details = h("div", { class: "details", id: "details" }, h("p", { class: "muted" }, "Click a highlighted word, or an item below, to see where it comes from."));

  const meta = [
    doc.outlet && h("span", {}, doc.outlet),
    doc.author && h("span", {}, `by ${doc.author}`),
    doc.published && h("span", {}, doc.published),
    doc.estimated_date && h("span", { title: "No publication date: the latest date among the links it cites" }, `written on or after ${doc.estimated_date}`),
    h("span", {}, `language ${doc.language}`),
    h("span", {}, `source ${doc.source}`),
    doc.url && outLink(doc.url, "original"),
    doc.near_duplicate_of && h("a", { href: readerHref(doc.near_duplicate_of) }, "near-duplicate of an earlier report"),
  ].filter(Boolean);

  const text = renderText(doc.text, result.sentences, annotations, (spanAnnotations) =>
    showDetails(details, spanAnnotations, result, names, places, claims),
  );
  const toggles = h(
    "div",
    { class: "toggles" },
    KINDS.map((kind) =>
      h("label", { class: `legend ann-${kind}` }, h("input", { type: "checkbox", checked: true, "data-kind": kind, onchange: (e) => text.classList.toggle(`hide-${kind}`, !e.target.checked) }), ` ${kind}s`),
    ),
  );

  const focus = (start, end) => focusSpan(text, start, end);
  const item = (label, start, end, onclick) =>
    h("li", {}, h("a", { href: readerHref(doc.id, start, end), onclick: (e) => { e.preventDefault(); history.replaceState(null, "", readerHref(doc.id, start, end)); focus(start, end); onclick && onclick(); } }, label));

  const side = h(
    "aside",
    { class: "side" },
    toggles,
    details,
    section("Events", result.events, (e, i) =>
      item([statusBadge(e.status), ` ${e.type}: `, e.trigger.text, e.place && places[e.place] ? ` @ ${places[e.place].name}` : "", e.date ? ` (${e.date.start})` : ""], e.sentence.start, e.sentence.end, () =>
        showDetails(details, [{ kind: "event", index: i }], result, names, places, claims),
      ),
    ),
    section("Actors", result.actors, (a) =>
      item([a.name, h("span", { class: "muted" }, ` ${a.type} ×${a.mentions.length}`)], a.mentions[0].start, a.mentions[0].end, () =>
        showDetails(details, [{ kind: "actor", key: a.id }], result, names, places, claims),
      ),
    ),
    section("Places", result.places, (p) =>
      p.mentions.length
        ? item([p.name, h("span", { class: "muted" }, p.country ? ` ${p.country}` : "")], p.mentions[0].start, p.mentions[0].end, () =>
            showDetails(details, [{ kind: "place", key: p.id }], result, names, places, claims),
          )
        : h("li", {}, p.name),
    ),
    section("Claims", result.claims, (c, i) =>
      item([c.speaker && names[c.speaker] ? `${names[c.speaker]}: ` : "", h("q", {}, shorten(c.text, 90))], c.start, c.end, () =>
        showDetails(details, [{ kind: "claim", index: i }], result, names, places, claims),
      ),
    ),
    section("Contradictions", result.contradictions, (x) =>
      h("li", {}, `${x.kind}: `, x.claims.map((id) => claims[id]).filter(Boolean).map((c, i) => [i ? " vs " : "", h("a", { href: readerHref(doc.id, c.start, c.end), onclick: (e) => { e.preventDefault(); focus(c.start, c.end); } }, h("q", {}, shorten(c.text, 60)))])),
    ),
    section("Citations", result.citations, (c) =>
      h("li", {}, h("a", { href: readerHref(doc.id, c.start, c.end), onclick: (e) => { e.preventDefault(); focus(c.start, c.end); } }, c.domain || c.text), " ", c.url ? outLink(c.url, "↗") : null),
    ),
    section("Removed by cleaning", result.removed, (r) =>
      h("li", { class: "removed" }, h("span", { class: "badge" }, r.reason), " ", h("del", {}, shorten(r.text, 200))),
    ),
  );

  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Overview"), " › document"),
    h("h1", {}, doc.title || doc.source),
    h("p", { class: "meta" }, meta.flatMap((m, i) => (i ? [" · ", m] : [m]))),
    h("div", { class: "reader" }, h("article", { class: "doc" }, text), side),
  );
  if (params.focus) {
    const [start, end] = params.focus.split("-").map(Number);
    if (Number.isFinite(start) && Number.isFinite(end)) requestAnimationFrame(() => focus(start, end));
  }
}

function section(title, items, renderItem) {
  return h("details", { class: "list", open: items.length > 0 && items.length <= 40 }, h("summary", {}, `${title} (${items.length})`), items.length ? h("ul", {}, items.map(renderItem)) : empty("None found."));
}

function shorten(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

// Every highlighted span: kind, offsets, and what it points to.
function collect(result, names) {
  const list = [];
  for (const a of result.actors) for (const m of a.mentions) list.push({ kind: "actor", start: m.start, end: m.end, key: a.id, label: a.name });
  for (const p of result.places) for (const m of p.mentions) list.push({ kind: "place", start: m.start, end: m.end, key: p.id, label: p.name });
  result.events.forEach((e, i) => list.push({ kind: "event", start: e.trigger.start, end: e.trigger.end, index: i, label: e.type }));
  result.claims.forEach((c, i) => list.push({ kind: "claim", start: c.start, end: c.end, index: i, label: c.speaker ? names[c.speaker] : "claim" }));
  for (const c of result.citations) list.push({ kind: "citation", start: c.start, end: c.end, key: c.url, label: c.text });
  const length = result.doc.text.length;
  return list.filter((a) => a.start >= 0 && a.end <= length && a.start < a.end);
}

// The text as spans: sentences (ids s-<start>) holding segments, each with the annotations over it.
function renderText(text, sentences, annotations, onPick) {
  const cuts = new Set([0, text.length]);
  for (const s of sentences) cuts.add(s.start).add(s.end);
  for (const a of annotations) cuts.add(a.start).add(a.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const container = h("div", { class: "doctext" });
  const sentenceEls = sentences.map((s) => h("span", { class: "sent", id: `s-${s.start}`, "data-start": s.start, "data-end": s.end }));
  let si = 0;
  let placed = -1;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (si < sentences.length && sentences[si].end <= a) si++;
    const over = annotations.filter((x) => x.start <= a && x.end >= b);
    const seg = h("span", { class: over.length ? ["ann", ...new Set(over.map((x) => `ann-${x.kind}`))].join(" ") : "seg", "data-start": a, "data-end": b }, text.slice(a, b));
    if (over.length) {
      seg.title = over.map((x) => `${x.kind}: ${x.label || ""}`).join("\n");
      seg.addEventListener("click", () => onPick(over));
    }
    const inSentence = si < sentences.length && sentences[si].start <= a && b <= sentences[si].end;
    if (inSentence) {
      if (placed !== si) {
        container.append(sentenceEls[si]);
        placed = si;
      }
      sentenceEls[si].append(seg);
    } else container.append(seg);
  }
  return container;
}

function focusSpan(container, start, end) {
  for (const el of container.querySelectorAll(".focus, .focus-span")) el.classList.remove("focus", "focus-span");
  const overlaps = (el) => Number(el.dataset.start) < end && Number(el.dataset.end) > start;
  const sentences = [...container.querySelectorAll(".sent")].filter(overlaps);
  for (const s of sentences) s.classList.add("focus");
  const segments = sentences.length ? [] : [...container.querySelectorAll(".seg, .ann")].filter(overlaps);
  for (const s of segments) s.classList.add("focus-span");
  const target = sentences[0] || segments[0];
  if (target) target.scrollIntoView({ block: "center" });
}

function showDetails(box, picked, result, names, places, claims) {
  clear(box);
  const doc = result.doc;
  for (const p of picked) {
    if (p.kind === "actor") {
      const actor = result.actors.find((a) => a.id === p.key);
      if (!actor) continue;
      box.append(h("div", { class: "detail" }, h("h3", {}, actor.name), h("p", {}, `${actor.type}, named ${actor.mentions.length}× here`), h("p", {}, h("a", { href: `#/actors?actor=${encodeURIComponent(actor.name)}` }, "Network"), " · ", h("a", { href: `#/events?actor=${encodeURIComponent(actor.name)}` }, "Events"), " · ", h("a", { href: `#/disputes?actor=${encodeURIComponent(actor.name)}` }, "Claims"))));
    } else if (p.kind === "place") {
      const place = places[p.key];
      if (!place) continue;
      const where = place.lat !== null && place.lon !== null ? `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}` : "no coordinates";
      box.append(h("div", { class: "detail" }, h("h3", {}, place.name), h("p", {}, [place.country, where].filter(Boolean).join(" · ")), h("p", {}, h("a", { href: `#/map?place=${encodeURIComponent(place.name)}` }, "On the map"), " · ", h("a", { href: `#/events?place=${encodeURIComponent(place.name)}` }, "Events here"))));
    } else if (p.kind === "event") {
      box.append(eventDetail(result, p.index, names, places));
    } else if (p.kind === "claim") {
      const claim = result.claims[p.index];
      const against = result.contradictions.filter((x) => claim.id && x.claims.includes(claim.id)).flatMap((x) => x.claims.filter((id) => id !== claim.id).map((id) => claims[id])).filter(Boolean);
      box.append(h("div", { class: "detail" }, h("h3", {}, `Claim (${claim.kind})`), h("p", {}, claim.speaker ? h("strong", {}, names[claim.speaker] || claim.speaker) : "Unattributed", claim.cue ? ` — ${claim.cue}` : ""), h("blockquote", {}, claim.text), against.length ? [h("p", {}, "Disputed by:"), h("ul", {}, against.map((c) => h("li", {}, c.speaker ? `${names[c.speaker] || c.speaker}: ` : "", h("q", {}, c.text))))] : null));
    } else if (p.kind === "citation") {
      const citation = result.citations.find((c) => c.url === p.key || c.text === p.label);
      if (!citation) continue;
      box.append(h("div", { class: "detail" }, h("h3", {}, `Citation (${citation.kind})`), h("p", {}, citation.url ? outLink(citation.url, citation.domain || citation.url) : citation.text)));
    }
  }
  if (!box.firstChild) box.append(h("p", { class: "muted" }, `Nothing to show for document ${doc.id}.`));
}

function eventDetail(result, index, names, places) {
  const e = result.events[index];
  const place = e.place ? places[e.place] : null;
  const sentence = result.doc.text.slice(e.sentence.start, e.sentence.end);
  const reports = h("div", { class: "reports" }, h("p", { class: "muted" }, "Looking for other reports…"));
  const id = `${result.doc.id}-e${index}`;
  get(`events/${encodeURIComponent(id)}`).then((detail) => {
    clear(reports).append(reportsList(detail.reports));
  }).catch(() => clear(reports));
  return h(
    "div",
    { class: "detail" },
    h("h3", {}, `Event: ${e.type}`, " ", statusBadge(e.status)),
    h("p", {}, [e.actor && `${names[e.actor] || e.actor}`, e.target && `→ ${names[e.target] || e.target}`, place && `@ ${place.name}`, e.date && `on ${e.date.start}${e.date.end !== e.date.start ? ` to ${e.date.end}` : ""}`, e.mode && `(${e.mode})`].filter(Boolean).join(" ")),
    h("blockquote", {}, excerpt(sentence, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start)),
    reports,
  );
}

export function reportsList(reports) {
  if (!reports.length) return h("p", { class: "muted" }, "No other report of this event in the store.");
  return h("div", {}, h("p", {}, `Other reports (${reports.length}):`), h("ul", { class: "reports-list" }, reports.map((r) => h("li", {}, statusBadge(r.status), " ", h("a", { href: readerHref(r.source.doc_id, r.sentence.start, r.sentence.end) }, r.source.outlet || r.source.title || r.source.doc_id), r.source.published ? ` ${r.source.published}` : "", ": ", h("q", {}, r.sentence_text.length > 160 ? `${r.sentence_text.slice(0, 159)}…` : r.sentence_text)))));
}
