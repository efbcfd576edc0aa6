// Who said what, and who denied it: contradictions with both sides side by side, denied events,
// and every claim with its speaker and source.

import { all, get } from "../api.js";
import { card, empty, excerpt, h, readerHref, statusBadge, table } from "../dom.js";

export async function render(root, { params }) {
  const actor = params.actor || "";
  const [contradictions, claims, denied] = await Promise.all([
    all("contradictions", { actor }),
    get("claims", { actor, limit: 200 }),
    get("events", { status: "denied", actor, limit: 100 }),
  ]);
  root.append(h("h1", {}, "Claims & disputes", actor ? ` — ${actor}` : ""));
  root.append(
    card(
      `Contradictions (${contradictions.length})`,
      contradictions.length ? contradictions.map(contradiction) : empty("No contradicting claims found yet."),
    ),
    card(
      `Denied events (${denied.total})`,
      denied.items.length
        ? h("ul", { class: "hits" }, denied.items.map((e) => h("li", {}, statusBadge(e.status), ` ${e.type}`, e.actor ? ` by ${e.actor.name}` : "", e.place ? ` @ ${e.place.name}` : "", " — ", h("a", { href: readerHref(e.source.doc_id, e.sentence.start, e.sentence.end) }, e.source.outlet || "report"), h("div", { class: "snippet" }, excerpt(e.sentence_text, e.trigger.start - e.sentence.start, e.trigger.end - e.sentence.start)))))
        : empty("No denied events."),
    ),
    card(
      `Claims (${claims.total})`,
      claims.items.length
        ? table(["Speaker", "Kind", "Claim", "Cue", "Source"], claims.items.map((c) => h("tr", {}, h("td", {}, c.speaker ? c.speaker.name : h("span", { class: "muted" }, "unattributed")), h("td", {}, c.kind), h("td", {}, h("q", {}, c.text)), h("td", {}, c.cue || ""), h("td", {}, h("a", { href: readerHref(c.source.doc_id, c.start, c.end) }, c.source.outlet || c.source.title || "report"), c.source.published ? ` ${c.source.published}` : ""))), { class: "claims" })
        : empty("No claims extracted yet."),
    ),
  );
}

function contradiction(x) {
  return h(
    "div",
    { class: "dispute" },
    h("p", { class: "muted" }, `${x.kind} · in `, h("a", { href: readerHref(x.source.doc_id) }, x.source.title || x.source.outlet || x.source.doc_id)),
    h(
      "div",
      { class: "sides" },
      x.sides.map((c, i) =>
        h(
          "div",
          { class: `side side-${i}` },
          h("h3", {}, c.speaker ? c.speaker.name : "Unattributed", c.cue ? h("span", { class: "muted" }, ` ${c.cue}`) : ""),
          h("blockquote", {}, c.text),
          h("p", {}, h("a", { href: readerHref(c.source.doc_id, c.start, c.end) }, `${c.source.outlet || c.source.title || "report"}${c.source.published ? `, ${c.source.published}` : ""}`), c.citations.length ? [" citing ", c.citations.map((s, j) => [j ? ", " : "", s.domain || s.text])] : ""),
        ),
      ),
    ),
  );
}
