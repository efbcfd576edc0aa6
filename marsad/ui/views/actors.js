// The actor network: a small force layout in SVG (no library). Node size = mentions, colour = type;
// a link means the two were named in one sentence or joined by an event. Clicking a node or a link
// shows the sentences behind it.

import { get } from "../api.js";
import { card, clear, empty, h, readerHref, svg, table } from "../dom.js";

const W = 900;
const H = 560;

export async function render(root, { params }) {
  const actor = params.actor || "";
  const [graph, list] = await Promise.all([get("relations", { actor, max_nodes: 40 }), get("actors", { name: actor, limit: 100 })]);
  const detail = h("div", { class: "card", id: "actor-detail" }, h("p", { class: "muted" }, "Click an actor or a link to see the sentences behind it."));
  const form = h("form", { class: "filters" }, h("label", {}, "Actor", h("input", { name: "actor", value: actor, placeholder: "part of a name" })), h("button", { type: "submit" }, "Focus"), h("a", { class: "button secondary", href: "#/actors" }, "All"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = `#/actors?actor=${encodeURIComponent(new FormData(form).get("actor"))}`; });
  root.append(h("h1", {}, "Actors"), form);
  if (!graph.nodes.length) {
    root.append(empty("No actors found."));
    return;
  }
  root.append(h("div", { class: "reader" }, h("div", { class: "chart graph-box" }, draw(graph, detail)), detail));
  root.append(
    card(
      `Actors (${list.total})`,
      table(["Actor", "Type", "Documents", "Mentions", ""], list.items.map((a) => h("tr", {}, h("td", {}, a.name), h("td", {}, a.type), h("td", { class: "num" }, a.documents), h("td", { class: "num" }, a.mentions), h("td", {}, h("a", { href: `#/actors?actor=${encodeURIComponent(a.name)}` }, "network"), " · ", h("a", { href: `#/events?actor=${encodeURIComponent(a.name)}` }, "events"), " · ", h("a", { href: `#/disputes?actor=${encodeURIComponent(a.name)}` }, "claims"))))),
    ),
  );
}

function draw(graph, detail) {
  const nodes = graph.nodes.map((n, i) => ({ ...n, x: W / 2 + 200 * Math.cos(i * 2.4), y: H / 2 + 160 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = graph.edges.filter((e) => index.has(e.source) && index.has(e.target)).map((e) => ({ ...e, a: nodes[index.get(e.source)], b: nodes[index.get(e.target)] }));
  layout(nodes, links);
  const maxMentions = Math.max(...nodes.map((n) => n.mentions), 1);
  const radius = (n) => 5 + 14 * Math.sqrt(n.mentions / maxMentions);
  const types = [...new Set(nodes.map((n) => n.type))].sort();
  const chart = svg("svg", { class: "graph", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Actor network" });
  for (const l of links) {
    const line = svg("line", { x1: l.a.x, y1: l.a.y, x2: l.b.x, y2: l.b.y, class: l.kinds.some((k) => k !== "co-mention") ? "edge event-edge" : "edge", "stroke-width": Math.min(8, 1 + Math.log2(l.weight)) }, svg("title", {}, `${l.a.name} — ${l.b.name}: ${l.kinds.join(", ")} (${l.weight})`));
    line.addEventListener("click", () => showEdge(detail, l));
    chart.append(line);
  }
  for (const n of nodes) {
    const g = svg("g", { class: `node type-${types.indexOf(n.type) % 8}`, transform: `translate(${n.x},${n.y})`, tabindex: 0, "data-name": n.name }, svg("circle", { r: radius(n) }), svg("text", { x: radius(n) + 3, y: 4 }, n.name), svg("title", {}, `${n.name} (${n.type}): ${n.mentions} mentions in ${n.documents} documents`));
    g.addEventListener("click", () => showNode(detail, n, links));
    chart.append(g);
  }
  const key = h("div", { class: "graph-key" }, types.map((t, i) => h("span", { class: `key type-${i % 8}` }, t)));
  return [chart, key];
}

// A few hundred steps of repulsion, springs and centring: enough for a readable picture of ≤ 100 nodes.
function layout(nodes, links) {
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [nodes[i], nodes[j]];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 7000 / d2;
        dx *= f / Math.sqrt(d2);
        dy *= f / Math.sqrt(d2);
        a.vx += dx; a.vy += dy; b.vx -= dx; b.vy -= dy;
      }
    }
    for (const l of links) {
      const dx = l.b.x - l.a.x;
      const dy = l.b.y - l.a.y;
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d - 130) * 0.01;
      l.a.vx += (dx / d) * f; l.a.vy += (dy / d) * f; l.b.vx -= (dx / d) * f; l.b.vy -= (dy / d) * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.005;
      n.vy += (H / 2 - n.y) * 0.005;
      n.x = Math.min(W - 80, Math.max(20, n.x + Math.max(-20, Math.min(20, n.vx)) * cool));
      n.y = Math.min(H - 20, Math.max(20, n.y + Math.max(-20, Math.min(20, n.vy)) * cool));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
}

function showNode(box, n, links) {
  const mine = links.filter((l) => l.a === n || l.b === n).sort((x, y) => y.weight - x.weight);
  clear(box).append(
    h("h3", {}, n.name),
    h("p", {}, `${n.type} · ${n.mentions} mentions in ${n.documents} document${n.documents === 1 ? "" : "s"}`),
    h("p", {}, h("a", { href: `#/events?actor=${encodeURIComponent(n.name)}` }, "Events"), " · ", h("a", { href: `#/disputes?actor=${encodeURIComponent(n.name)}` }, "Claims"), " · ", h("a", { href: `#/actors?actor=${encodeURIComponent(n.name)}` }, "Focus the network")),
    mine.length ? h("ul", {}, mine.map((l) => { const other = l.a === n ? l.b : l.a; return h("li", {}, h("a", { href: "#", onclick: (e) => { e.preventDefault(); showEdge(box, l); } }, other.name), ` — ${l.kinds.join(", ")} ×${l.weight}`); })) : h("p", { class: "muted" }, "No links."),
  );
}

function showEdge(box, l) {
  clear(box).append(
    h("h3", {}, `${l.a.name} — ${l.b.name}`),
    h("p", {}, `${l.kinds.join(", ")}, ${l.weight} time${l.weight === 1 ? "" : "s"}`),
    h("ul", { class: "evidence-list" }, l.evidence.map((ev) => h("li", {}, h("a", { href: readerHref(ev.doc_id, ev.start, ev.end) }, h("q", {}, ev.text))))),
  );
}
