// The spread view of a mechanism: its adoptions on a timeline, the
// jurisdictions in rows grouped by province and city, the cumulative
// curve above, and the inferred diffusion edges, when the server infers
// them, as arcs whose width is their score.

const SVGNS = "http://www.w3.org/2000/svg";

function el(name, attrs = {}, parent) {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// province returns the province of a full name (浙江省嘉兴市秀洲区 → 浙江省).
export function province(fullName) {
  const m = /^(.+?(?:省|自治区|特别行政区|北京市|天津市|上海市|重庆市))/.exec(fullName || "");
  return m ? m[1] : fullName || "—";
}

// city returns the city-level place of an adopting jurisdiction: itself
// for a city or province, its parent otherwise.
function city(j) {
  if (!j.parent || j.level === "city" || j.level === "province") return j.name;
  if (j.parent.level === "province") return j.name;
  return j.parent.name;
}

const STATUS_COLOR = { ACHIEVED: "#D55E00", REPORTED: "#E69F00", PLANNED: "#ffffff" };
const PATH_COLOR = { hierarchy: "#0072B2", down: "#0072B2", up: "#56B4E9", neighbour: "#009E73", sibling: "#009E73", cross: "#CC79A7" };

export class SpreadView {
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
  }

  // draw renders a mechanism's adoptions and, when spread is not null,
  // the inferred edges and curve the server gives.
  draw(mech, spread) {
    const box = this.container;
    box.innerHTML = "";
    const adoptions = mech.adoptions.filter((a) => a.year);
    const head = document.createElement("div");
    head.className = "spread-head";
    box.appendChild(head);
    if (!adoptions.length) {
      head.textContent = `${mech.name}: no dated adoption.`;
      return;
    }
    // Rows: provinces by their first adoption, cities, then places by year.
    const groups = new Map();
    for (const a of adoptions) {
      const p = province(a.jurisdiction.fullName);
      if (!groups.has(p)) groups.set(p, []);
      groups.get(p).push(a);
    }
    const first = (as) => Math.min(...as.map((a) => a.year));
    const provinces = [...groups.entries()].sort((a, b) => first(a[1]) - first(b[1]) || a[0].localeCompare(b[0], "zh"));
    const rows = [];
    for (const [p, as] of provinces) {
      const byCity = new Map();
      for (const a of as) {
        const c = city(a.jurisdiction);
        if (!byCity.has(c)) byCity.set(c, []);
        byCity.get(c).push(a);
      }
      const cities = [...byCity.entries()].sort((a, b) => first(a[1]) - first(b[1]));
      for (const [c, cas] of cities) {
        cas.sort((a, b) => a.year - b.year || a.jurisdiction.name.localeCompare(b.jurisdiction.name, "zh"));
        cas.forEach((a, i) => rows.push({ a, province: p, city: c, firstOfProvince: false, firstOfCity: i === 0 }));
      }
      rows[rows.length - cities.reduce((n, [, cas]) => n + cas.length, 0)].firstOfProvince = true;
    }
    const years = adoptions.map((a) => a.year);
    const y0 = Math.min(...years) - 1;
    const y1 = Math.max(...years) + 1;

    const width = Math.max(640, box.clientWidth - 8);
    const left = 200;
    const right = 150;
    const top = 120;
    const rowH = 30;
    const height = top + rows.length * rowH + 40;
    const x = (y) => left + ((y - y0) / (y1 - y0)) * (width - left - right);
    const svg = el("svg", { width, height, class: "spread-svg", role: "img", "aria-label": `Spread of ${mech.name}` }, box);

    // Year grid.
    for (let y = y0; y <= y1; y++) {
      el("line", { x1: x(y), x2: x(y), y1: top - 10, y2: height - 30, class: "grid" }, svg);
      el("text", { x: x(y), y: height - 12, class: "axis", "text-anchor": "middle" }, svg).textContent = y;
    }
    // Province bands.
    rows.forEach((r, i) => {
      if (!r.firstOfProvince) return;
      const n = rows.filter((s) => s.province === r.province).length;
      el("rect", { x: 0, y: top + i * rowH, width, height: n * rowH, class: `band band${provinces.findIndex(([p]) => p === r.province) % 2}` }, svg);
      el("text", { x: 12, y: top + i * rowH + 19, class: "province" }, svg).textContent = r.province;
    });
    rows.forEach((r, i) => {
      if (r.firstOfCity && r.city !== r.province) {
        el("text", { x: 100, y: top + i * rowH + 19, class: "city" }, svg).textContent = r.city;
      }
    });

    // The cumulative curve: from the server's adopters new each year, else
    // adoptions counted by year.
    let curve = spread && spread.curve && spread.curve.length ? spread.curve.map((c) => ({ year: c.year, count: c.new })) : null;
    if (!curve) {
      const perYear = {};
      for (const y of years) perYear[y] = (perYear[y] || 0) + 1;
      curve = Object.keys(perYear).sort().map((y) => ({ year: +y, count: perYear[y] }));
    }
    let total = 0;
    const cum = curve.map((c) => ({ year: c.year, n: (total += c.count) }));
    const cy = (n) => top - 24 - (n / total) * 70;
    let d = `M${x(y0)},${cy(0)}`;
    for (const c of cum) d += ` L${x(c.year)},${cy(c.n - curve.find((k) => k.year === c.year).count)} L${x(c.year)},${cy(c.n)}`;
    d += ` L${x(y1)},${cy(total)}`;
    el("path", { d, class: "curve" }, svg);
    for (const c of cum) {
      el("text", { x: x(c.year) + 4, y: cy(c.n) - 4, class: "curve-label" }, svg).textContent = c.n;
    }
    el("text", { x: 12, y: top - 60, class: "curve-title" }, svg).textContent = "adopters, cumulative";

    const rowOf = new Map(rows.map((r, i) => [r.a.jurisdiction.fullName, i]));
    const yRow = (i) => top + i * rowH + rowH / 2;

    // Inferred edges: those from a place are drawn; a document (a common
    // cause) or no source (an innovation) is told in the adopter's tooltip.
    const all = (spread && spread.edges) || [];
    const edges = all.filter((e) => e.source);
    const otherSources = new Map(); // target fullName → text
    for (const e of all) {
      if (e.source) continue;
      const what = e.sourceDocument ? `《${e.sourceDocument}》` : "its own innovation";
      const line = `${what}: ${(e.score || 0).toFixed(2)}`;
      const k = e.target.fullName;
      otherSources.set(k, otherSources.has(k) ? `${otherSources.get(k)}; ${line}` : line);
    }
    const edgeEls = [];
    for (const e of edges) {
      const si = rowOf.get(e.source.fullName);
      const ti = rowOf.get(e.target.fullName);
      if (si === undefined || ti === undefined) continue;
      const sx = x(e.sourceYear), sy = yRow(si), tx = x(e.targetYear), ty = yRow(ti);
      const bend = Math.max(30, Math.abs(ty - sy) * 0.4);
      const path = el("path", {
        d: `M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}`,
        class: "diffusion",
        stroke: PATH_COLOR[e.pathKind] || "#6B7280",
        "stroke-width": (1 + 5 * (e.score || 0)).toFixed(2),
        "data-year": e.targetYear,
      }, svg);
      el("title", {}, path).textContent = `${e.source.name} → ${e.target.name}: score ${(e.score || 0).toFixed(2)}, ${e.pathKind}, lag ${e.lag} y`;
      path.addEventListener("click", () => this.handlers.onSpreadEdge(e));
      edgeEls.push(path);
    }

    // Adoptions.
    const nodeEls = [];
    rows.forEach((r, i) => {
      const a = r.a;
      const g = el("g", { class: "adoption", "data-year": a.year, "data-id": a.jurisdiction.id, tabindex: 0 }, svg);
      el("circle", { cx: x(a.year), cy: yRow(i), r: 7, fill: STATUS_COLOR[a.status] || "#D55E00", stroke: "#7c2d12", "stroke-width": 1.5 }, g);
      const label = el("text", { x: x(a.year) + 12, y: yRow(i) + 5, class: "place" }, g);
      label.textContent = a.jurisdiction.name;
      if (a.mechanism && a.mechanism.name !== mech.name) {
        el("tspan", { class: "variant", dx: 6 }, label).textContent = a.mechanism.name;
      }
      const other = otherSources.get(a.jurisdiction.fullName);
      el("title", {}, g).textContent = `${a.jurisdiction.fullName} ${a.year} (${a.status.toLowerCase()})` + (other ? `\nsource: ${other}` : "");
      g.addEventListener("click", () => this.handlers.onAdoption(a));
      nodeEls.push(g);
    });

    // Header: title, counts, the year slider and the legend of edges.
    const inferred = spread ? `${edges.length} inferred diffusion edges` : "inferred diffusion edges: not offered by this server (mechanismSpread); adoptions only";
    head.innerHTML = `<strong>${mech.name}</strong> · ${adoptions.length} adopting jurisdictions, ${y0 + 1}–${y1 - 1} · <span class="muted">${inferred}</span>
      <label class="slider">up to <input type="range" min="${y0 + 1}" max="${y1 - 1}" value="${y1 - 1}" step="1" id="spread-year"> <output id="spread-year-out">${y1 - 1}</output></label>`;
    const slider = head.querySelector("#spread-year");
    const out = head.querySelector("#spread-year-out");
    slider.addEventListener("input", () => {
      const upto = +slider.value;
      out.textContent = upto;
      for (const e of [...nodeEls, ...edgeEls]) e.classList.toggle("later", +e.dataset.year > upto);
    });
  }
}
