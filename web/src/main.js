// The explorer's page: search, the neighbourhood view, the evidence panel,
// the spread view and exports, all over the public GraphQL API.

import * as api from "./api.js";
import { KINDS, byKind, shapeSVG, EDGE_STYLE } from "./kinds.js";
import { GraphView } from "./graphview.js";
import { SpreadView } from "./spread.js";

const $ = (sel) => document.querySelector(sel);

function esc(s) {
  return String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

const state = {
  view: "graph",
  seed: null,
  mechanism: null,
  timing: null,
};

// options reads the filters of the toolbar.
function options() {
  const num = (id) => {
    const v = $(id).value.trim();
    return v === "" ? null : parseInt(v, 10);
  };
  return {
    hops: parseInt($("#hops").value, 10),
    kinds: KINDS.filter((k) => $(`#kind-${k.kind}`).checked).map((k) => k.kind),
    fromYear: num("#from-year"),
    toYear: num("#to-year"),
    throughReports: $("#through-reports").checked,
    limit: parseInt($("#limit").value, 10),
  };
}

function status(text) {
  $("#status").textContent = text;
}

// --- the neighbourhood view ---------------------------------------------

const view = new GraphView($("#graph"), {
  onNode: (id, attrs) => clickNode(id, attrs),
  onEdge: (id, attrs) => showEdge(id, attrs),
  onStage: () => {
    view.select(null);
  },
});

// load draws the neighbourhood of a node afresh and returns the timings.
async function load(id, extra = {}) {
  const o = { ...options(), ...extra };
  state.seed = id;
  const t0 = performance.now();
  const sub = await api.neighbourhood(id, o);
  const t1 = performance.now();
  const { buildMs, layoutMs } = view.replace(sub, sub.nodes.length > 1000 ? 20 : 100);
  view.select(id);
  // Wait for the frame that draws it.
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const t2 = performance.now();
  state.timing = {
    nodes: sub.nodes.length,
    edges: sub.edges.length,
    fetchMs: t1 - t0,
    buildMs,
    layoutMs,
    drawMs: t2 - t1 - buildMs - layoutMs,
    totalMs: t2 - t0,
    truncated: sub.truncated,
  };
  report();
  history.replaceState(null, "", `#node=${encodeURIComponent(id)}`);
  return state.timing;
}

function report() {
  const t = state.timing;
  const g = view.graph;
  status(
    `${g.order} nodes, ${g.size} edges` +
      (t ? ` · last load: ${t.nodes} nodes fetched in ${Math.round(t.fetchMs)} ms, laid out in ${Math.round(t.buildMs + t.layoutMs)} ms, drawn in ${Math.round(t.drawMs)} ms` : "") +
      (t && t.truncated ? " · truncated at the limit" : ""),
  );
}

async function clickNode(id, attrs) {
  view.select(id);
  showNode(id, attrs.node);
  if ($("#expand").checked) {
    const sub = await api.neighbourhood(id, { ...options(), hops: 1 });
    const added = view.merge(sub, id);
    if (added) view.layout(30);
    report();
  }
}

// --- the evidence panel -----------------------------------------------------

function kindBadge(kind) {
  const k = byKind[kind];
  return `<span class="badge">${shapeSVG(k.shape, k.color, 14)} ${k.name} <span class="zh">${k.zh}</span></span>`;
}

function highlight(sentence, terms) {
  let html = esc(sentence);
  for (const t of terms.filter(Boolean).sort((a, b) => b.length - a.length)) {
    const e = esc(t);
    if (e.length < 2) continue;
    html = html.split(e).join(`<mark>${e}</mark>`);
  }
  return html;
}

function sentences(list, terms) {
  if (!list || !list.length) return `<p class="muted">No sentence names it.</p>`;
  return `<ol class="sentences">${list
    .map(
      (ev) => `<li class="sentence status-${ev.status.toLowerCase()}">
        <blockquote>${highlight(ev.sentence, terms)}</blockquote>
        <div class="source">${esc(ev.report.title || ev.report.name)}${ev.report.year ? ` · ${ev.report.year}` : ""}${
          ev.report.jurisdiction ? ` · ${esc(ev.report.jurisdiction.fullName || ev.report.jurisdiction.name)}` : ""
        }${ev.section ? ` · ${esc(ev.section)}` : ""} · <span class="st">${ev.status.toLowerCase()}</span></div>
      </li>`,
    )
    .join("")}</ol>`;
}

async function showNode(id, node) {
  const panel = $("#panel");
  panel.innerHTML = `<div class="panel-title">${esc(node ? node.label : id)}</div><p class="muted">Loading…</p>`;
  const n = await api.nodeEvidence(id);
  if (!n) {
    panel.innerHTML = `<p class="muted">${esc(id)}: not in the graph.</p>`;
    return;
  }
  const ent = n.entity || {};
  const aliases = (ent.aliases || []).filter((a) => a !== n.label);
  let body = `<div class="panel-title">${esc(n.label)}</div>${kindBadge(n.kind)}
    <dl class="facts">
      ${n.detail ? `<dt>detail</dt><dd>${esc(n.detail)}</dd>` : ""}
      ${n.province ? `<dt>province</dt><dd>${esc(n.province)}</dd>` : ""}
      ${n.years.length ? `<dt>years</dt><dd>${n.years.join(", ")}</dd>` : ""}
      <dt>named in</dt><dd>${n.reportCount} report${n.reportCount === 1 ? "" : "s"}, ${n.evidenceCount} sentence${n.evidenceCount === 1 ? "" : "s"}</dd>
      ${aliases.length ? `<dt>also</dt><dd>${aliases.map(esc).join("、")}</dd>` : ""}
      ${ent.family ? `<dt>variant of</dt><dd>${esc(ent.family.name)}</dd>` : ""}
      ${ent.title ? `<dt>report</dt><dd>${esc(ent.title)} (${esc(ent.published || ent.year)})</dd>` : ""}
      ${ent.source ? `<dt>source</dt><dd class="mono">${esc(ent.source)}</dd>` : ""}
    </dl>
    <div class="actions">
      <button id="act-focus">Centre here</button>
      ${n.kind === "MECHANISM" ? `<button id="act-spread" class="primary">Spread view</button>` : ""}
    </div>`;
  body += n.kind === "REPORT" ? "" : `<h3>Evidence</h3>${sentences(n.evidence, [n.label, ...aliases])}`;
  panel.innerHTML = body;
  $("#act-focus").onclick = () => load(id);
  if ($("#act-spread")) $("#act-spread").onclick = () => openSpread(n.label);
}

async function showEdge(id, attrs) {
  view.selectEdge(id);
  const e = attrs.edge;
  const g = view.graph;
  const s = g.getNodeAttributes(e.source).node;
  const t = g.getNodeAttributes(e.target).node;
  const panel = $("#panel");
  panel.innerHTML = `<p class="muted">Loading…</p>`;
  const full = await api.edgeEvidence(e.kind, e.source, e.target);
  if (!full) {
    panel.innerHTML = `<p class="muted">The link is gone from the graph.</p>`;
    return;
  }
  panel.innerHTML = `<div class="panel-title">${esc(s.label)} <span class="arrow">—${EDGE_STYLE[e.kind].label}→</span> ${esc(t.label)}</div>
    <span class="badge edge">${e.kind.toLowerCase().replace("_", " ")}</span>
    <dl class="facts">
      ${full.years.length ? `<dt>years</dt><dd>${full.years.join(", ")}</dd>` : ""}
      ${full.status ? `<dt>status</dt><dd>${full.status.toLowerCase()}</dd>` : ""}
      <dt>stated by</dt><dd>${full.reports.map((r) => esc(r.title || r.name) + (r.year ? ` (${r.year})` : "")).join("<br>") || "—"}</dd>
    </dl>
    <h3>Evidence</h3>${sentences(full.evidence, [s.label, t.label])}`;
}

// --- search ---------------------------------------------------------------

let searchTimer = null;
let hits = [];
let active = -1;

function renderHits() {
  const box = $("#hits");
  if (!hits.length) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.innerHTML = hits
    .map((h, i) => {
      const k = byKind[h.node.kind];
      return `<li role="option" data-i="${i}" class="${i === active ? "active" : ""}">
        ${shapeSVG(k.shape, k.color, 14)}
        <span class="hit-label">${esc(h.node.label)}</span>
        ${h.matched !== h.node.label ? `<span class="hit-alias">${esc(h.matched)}</span>` : ""}
        <span class="hit-detail">${esc(h.node.detail || k.name)}${h.node.reportCount ? ` · ${h.node.reportCount} reports` : ""}</span>
      </li>`;
    })
    .join("");
  box.querySelectorAll("li").forEach((li) => li.addEventListener("mousedown", () => choose(hits[+li.dataset.i])));
}

async function choose(hit) {
  hits = [];
  renderHits();
  $("#search").value = hit.node.label;
  if (state.view === "spread" && hit.node.kind === "MECHANISM") {
    openSpread(hit.node.label);
    return;
  }
  showGraph();
  await load(hit.node.id);
  showNode(hit.node.id, hit.node);
}

$("#search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  const text = $("#search").value.trim();
  if (!text) {
    hits = [];
    renderHits();
    return;
  }
  searchTimer = setTimeout(async () => {
    hits = await api.search(text);
    active = hits.length ? 0 : -1;
    renderHits();
  }, 120);
});

$("#search").addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    active = Math.max(0, Math.min(hits.length - 1, active + (ev.key === "ArrowDown" ? 1 : -1)));
    renderHits();
    ev.preventDefault();
  } else if (ev.key === "Enter" && hits[active]) {
    choose(hits[active]);
  } else if (ev.key === "Escape") {
    hits = [];
    renderHits();
  }
});
$("#search").addEventListener("blur", () => setTimeout(() => { hits = []; renderHits(); }, 150));

// --- the spread view ----------------------------------------------------------

const spreadView = new SpreadView($("#spread"), {
  onAdoption: (a) => {
    $("#panel").innerHTML = `<div class="panel-title">${esc(a.jurisdiction.name)} <span class="arrow">adopted</span> ${esc(a.mechanism.name)}</div>
      ${kindBadge("JURISDICTION")}
      <dl class="facts"><dt>place</dt><dd>${esc(a.jurisdiction.fullName)}</dd><dt>year</dt><dd>${a.year}</dd><dt>status</dt><dd>${a.status.toLowerCase()}</dd></dl>
      <h3>Evidence</h3>${sentences(a.evidence, [a.mechanism.name, state.mechanism])}`;
  },
  onSpreadEdge: (e) => {
    $("#panel").innerHTML = `<div class="panel-title">${esc(e.source.name)} <span class="arrow">→</span> ${esc(e.target.name)}</div>
      <span class="badge edge">inferred diffusion</span>
      <dl class="facts"><dt>score</dt><dd>${(e.score || 0).toFixed(3)}</dd><dt>path</dt><dd>${esc(e.pathKind)}</dd>
      <dt>years</dt><dd>${e.sourceYear} → ${e.targetYear} (lag ${e.lag})</dd></dl>
      <h3>Evidence</h3>${(e.evidence || []).map((ev) => `<blockquote>${esc(ev.sentence)}</blockquote>`).join("") || '<p class="muted">—</p>'}`;
  },
});

async function openSpread(name) {
  state.mechanism = name;
  state.view = "spread";
  $("#tab-spread").classList.add("on");
  $("#tab-graph").classList.remove("on");
  $("#graph").hidden = true;
  $("#spread").hidden = false;
  $("#spread").innerHTML = `<p class="muted">Loading the spread of ${esc(name)}…</p>`;
  const o = options();
  const [mech, spread] = await Promise.all([api.adoptions(name), api.spread(name, o.fromYear, o.toYear)]);
  if (!mech) {
    $("#spread").innerHTML = `<p class="muted">No mechanism is named ${esc(name)}.</p>`;
    return;
  }
  state.mechanism = mech.name;
  spreadView.draw(mech, spread);
  history.replaceState(null, "", `#spread=${encodeURIComponent(mech.name)}`);
}

function showGraph() {
  state.view = "graph";
  $("#tab-graph").classList.add("on");
  $("#tab-spread").classList.remove("on");
  $("#graph").hidden = false;
  $("#spread").hidden = true;
  view.renderer.resize();
  view.renderer.refresh();
}

$("#tab-graph").onclick = showGraph;
$("#tab-spread").onclick = () => {
  // The mechanism selected, else the last one spread, else the one the
  // neighbourhood was drawn around.
  const nodeOf = (id) => (id && view.graph.hasNode(id) ? view.graph.getNodeAttributes(id).node : null);
  const sel = nodeOf(view.selected);
  const seed = nodeOf(state.seed);
  const name = sel && sel.kind === "MECHANISM" ? sel.label : state.mechanism || (seed && seed.kind === "MECHANISM" ? seed.label : null);
  if (name) openSpread(name);
  else status("Select a mechanism (search or click one) to see its spread.");
};

// --- legend and filters ---------------------------------------------------------

$("#legend").innerHTML = KINDS.map(
  (k) => `<label class="kind"><input type="checkbox" id="kind-${k.kind}" checked>${shapeSVG(k.shape, k.color, 16)} ${k.name} <span class="zh">${k.zh}</span></label>`,
).join("");
for (const k of KINDS) {
  $(`#kind-${k.kind}`).addEventListener("change", () => {
    view.setHidden(KINDS.filter((x) => !$(`#kind-${x.kind}`).checked).map((x) => x.kind));
  });
}
$("#edge-legend").innerHTML = Object.entries(EDGE_STYLE)
  .map(([, s]) => `<div class="edge-key"><span style="background:${s.color};height:${Math.max(2, s.size * 1.5)}px"></span>${s.label}</div>`)
  .join("");
$("#reload").onclick = () => {
  if (state.view === "spread" && state.mechanism) openSpread(state.mechanism);
  else if (state.seed) load(state.seed);
};

// --- exports ------------------------------------------------------------------------

function download(file) {
  const blob = new Blob([file.content], { type: file.mediaType });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function exportTo(whole) {
  const format = $("#format").value;
  const o = options();
  const ids = whole ? null : view.ids();
  if (!whole && !ids.length) {
    status("Nothing drawn to export: search for something first.");
    return;
  }
  status(`Exporting ${whole ? "the whole graph" : `${ids.length} nodes`} as ${format}…`);
  const files = await api.exportGraph(format, ids, o);
  files.forEach(download);
  status(`Exported ${files.map((f) => f.name).join(", ")}.`);
}
$("#export-view").onclick = () => exportTo(false);
$("#export-all").onclick = () => exportTo(true);

// --- start -----------------------------------------------------------------------------

// The page's entry points, for bookmarks and for the browser test.
window.explorer = { load, openSpread, showGraph, view, state, ready: true };

const params = new URLSearchParams(location.hash.slice(1));
const start = params.get("node");
if (params.get("spread")) {
  openSpread(params.get("spread")).catch((err) => status(err.message));
} else if (start) {
  load(start).then(() => showNode(start, null)).catch((err) => status(err.message));
} else {
  status("Search for a mechanism, a place, a body, a document … (府检联动, 秀洲区, 行政复议法).");
}
window.addEventListener("unhandledrejection", (ev) => status(`Error: ${ev.reason && ev.reason.message}`));
