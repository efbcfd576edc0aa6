// The corpus at a glance: counts, date span, event types, documents, sources, top actors; search.

import { get } from "../api.js";
import { card, empty, h, marked, readerHref, table } from "../dom.js";

export async function render(root, { name, params }) {
  if (name === "search") return renderSearch(root, params.q || "");
  const [summary, docs, sources, actors] = await Promise.all([
    get("overview"),
    get("documents", { limit: 100 }),
    get("sources"),
    get("actors", { limit: 15 }),
  ]);
  const c = summary.counts;
  const span = summary.first_published
    ? `Reports published ${summary.first_published} to ${summary.last_published}`
    : "No publication dates known";
  const stat = (n, label, href) => h(href ? "a" : "div", { class: "stat", href }, h("strong", {}, n), h("span", {}, label));
  root.append(
    h("h1", {}, "Corpus overview"),
    h("p", { class: "lead" }, span),
    h(
      "div",
      { class: "stats" },
      stat(c.documents, "documents", "#/"),
      stat(summary.events, "events", "#/events"),
      stat(summary.places, "places", "#/map"),
      stat(c.actors, "actors", "#/actors"),
      stat(summary.claims, "claims", "#/disputes"),
      stat(summary.contradictions, "contradictions", "#/disputes"),
      stat(c.citations, "citations"),
      stat(c.sentences, "sentences"),
      stat(c.removed, "removed blocks"),
      stat(c.quarantined, "quarantined"),
    ),
  );
  const types = Object.entries(summary.event_types);
  const grid = h("div", { class: "grid" });
  root.append(
    card(
      "Documents",
      docs.items.length
        ? table(
            ["Title", "Outlet", "Published", "Lang", "Actors"],
            docs.items.map((d) =>
              h(
                "tr",
                {},
                h("td", {}, h("a", { href: readerHref(d.id) }, d.title || d.source.split("/").pop())),
                h("td", {}, d.outlet || "—"),
                h("td", {}, d.published || "—"),
                h("td", {}, d.language),
                h("td", { class: "num" }, d.actors),
              ),
            ),
            { class: "docs" },
          )
        : empty("No documents yet: run `marsad analyze examples/`."),
    ),
  );
  grid.append(
    card(
      "What happened",
      types.length
        ? h(
            "ul",
            { class: "bars" },
            types.map(([type, n]) =>
              h("li", {}, h("a", { href: `#/events?type=${encodeURIComponent(type)}` }, type), h("span", { class: "num" }, n)),
            ),
          )
        : empty("No events extracted yet."),
      Object.keys(summary.event_statuses).length
        ? h("p", { class: "muted" }, "By status: ", Object.entries(summary.event_statuses).map(([s, n]) => `${s} ${n}`).join(" · "))
        : null,
    ),
    card(
      "Sources",
      h("h3", {}, "Outlets"),
      h("ul", {}, sources.outlets.map((o) => h("li", {}, h("a", { href: `#/events?outlet=${encodeURIComponent(o.outlet || "")}` }, o.outlet || "(unknown outlet)"), ` — ${o.documents} document${o.documents === 1 ? "" : "s"}`, o.first_published ? ` (${o.first_published}${o.last_published !== o.first_published ? ` to ${o.last_published}` : ""})` : ""))),
      h("h3", {}, "Cited sites"),
      sources.cited_domains.length
        ? h("ul", {}, sources.cited_domains.map((d) => h("li", {}, d.domain, ` — cited ${d.citations}× in ${d.documents} document${d.documents === 1 ? "" : "s"}`)))
        : empty("No web sources cited."),
    ),
    card(
      "Most named actors",
      h("ul", { class: "bars" }, actors.items.map((a) => h("li", {}, h("a", { href: `#/actors?actor=${encodeURIComponent(a.name)}` }, a.name), h("span", { class: "muted" }, ` ${a.type}`), h("span", { class: "num" }, a.mentions)))),
    ),
  );
  root.append(grid);
}

async function renderSearch(root, q) {
  root.append(h("h1", {}, "Search: ", h("q", {}, q)));
  const [docs, sentences] = await Promise.all([get("search", { q, limit: 20 }), get("search", { q, sentences: true, limit: 50 })]);
  root.append(
    card(
      "Documents",
      docs.length ? h("ul", { class: "hits" }, docs.map((hit) => h("li", {}, h("a", { href: readerHref(hit.doc_id) }, hit.title || hit.doc_id), h("div", { class: "snippet" }, marked(hit.snippet))))) : empty("No document has all these words."),
    ),
    card(
      "Sentences",
      sentences.length ? h("ul", { class: "hits" }, sentences.map((hit) => h("li", {}, h("a", { href: readerHref(hit.doc_id, hit.sentence_start, hit.sentence_end) }, marked(hit.snippet)), h("div", { class: "muted" }, hit.title || hit.doc_id)))) : empty("No sentence has all these words."),
    ),
  );
}
