// Marsad's web UI: a hash router over views; each view renders into <main> from the JSON API.

import { clear, h } from "./dom.js";
import * as overview from "./views/overview.js";
import * as reader from "./views/reader.js";
import * as events from "./views/events.js";
import * as timeline from "./views/timeline.js";
import * as map from "./views/map.js";
import * as actors from "./views/actors.js";
import * as disputes from "./views/disputes.js";

const VIEWS = { overview, search: overview, doc: reader, events, timeline, map, actors, disputes };

export function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = hash.split("?");
  const [name = "", ...rest] = path.split("/");
  return { name: name || "overview", args: rest.map(decodeURIComponent), params: Object.fromEntries(new URLSearchParams(search)) };
}

let rendering = 0;

async function route() {
  const { name, args, params } = parseHash();
  const view = VIEWS[name] || overview;
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.view === (name === "doc" || name === "search" ? "" : name) || (name === "overview" && link.dataset.view === "overview"));
  }
  const main = clear(document.getElementById("view"));
  const token = ++rendering;
  main.dataset.view = name;
  main.setAttribute("aria-busy", "true");
  try {
    await view.render(main, { name, args, params, isCurrent: () => token === rendering });
  } catch (error) {
    if (token === rendering) main.append(h("p", { class: "error" }, `Could not load this view: ${error.message}`));
  } finally {
    if (token === rendering) main.setAttribute("aria-busy", "false");
  }
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get("q");
  location.hash = `#/search?q=${encodeURIComponent(q)}`;
});

window.addEventListener("hashchange", route);
route();
