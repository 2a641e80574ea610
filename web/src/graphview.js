// The neighbourhood view: a graphology graph drawn by sigma (WebGL), laid
// out by ForceAtlas2. Nodes are coloured and shaped by kind and sized by
// the sentences that name them.

import Graph from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { createNodeImageProgram } from "@sigma/node-image";
import { byKind, shapeImage, EDGE_STYLE } from "./kinds.js";

// runLayout runs ForceAtlas2 for a number of iterations; links of reports
// to what they mention pull less. Barnes-Hut pays only above a few
// thousand nodes: below, its trees cost more than the exact repulsion.
function runLayout(g, iterations) {
  if (g.order < 2) return;
  const settings = forceAtlas2.inferSettings(g);
  forceAtlas2.assign(g, {
    iterations,
    settings: { ...settings, barnesHutOptimize: g.order > 3000, adjustSizes: false, slowDown: 2, gravity: 1, scalingRatio: 8 },
    getEdgeWeight: (_, a) => (a.kind === "MENTIONS" ? 0.3 : 1),
  });
}

// radial places the nodes in rings around the seed by their distance from
// it, each node within the wedge of the node that reached it, so that
// ForceAtlas2 starts close to its end and needs few iterations.
function radial(g, seed) {
  if (!seed || !g.hasNode(seed)) return;
  const wedge = new Map([[seed, [0, 2 * Math.PI]]]);
  g.mergeNodeAttributes(seed, { x: 0, y: 0 });
  let ring = [seed];
  for (let depth = 1; ring.length; depth++) {
    const next = [];
    for (const parent of ring) {
      const children = g.neighbors(parent).filter((n) => !wedge.has(n));
      const [from, to] = wedge.get(parent);
      const step = (to - from) / Math.max(children.length, 1);
      children.forEach((c, i) => {
        const a = from + step * (i + 0.5);
        wedge.set(c, [from + step * i, from + step * (i + 1)]);
        const r = depth * 120 + (i % 3) * 25;
        g.mergeNodeAttributes(c, { x: r * Math.cos(a), y: r * Math.sin(a) });
        next.push(c);
      });
    }
    ring = next;
  }
}

export class GraphView {
  constructor(container, handlers) {
    this.graph = new Graph({ multi: false, type: "directed", allowSelfLoops: false });
    this.hidden = new Set(); // kinds switched off in the legend
    this.selected = null;
    this.hovered = null;
    this.renderer = new Sigma(this.graph, container, {
      defaultNodeType: "shape",
      nodeProgramClasses: {
        shape: createNodeImageProgram({ drawingMode: "color", keepWithinCircle: false, padding: 0, size: { mode: "force", value: 96 } }),
      },
      defaultEdgeType: "line",
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      labelFont: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
      labelSize: 13,
      labelWeight: "500",
      labelColor: { color: "#1f2937" },
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.35,
      zIndex: true,
      minCameraRatio: 0.05,
      maxCameraRatio: 10,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on("clickNode", ({ node }) => handlers.onNode(node, this.graph.getNodeAttributes(node)));
    this.renderer.on("clickEdge", ({ edge }) => handlers.onEdge(edge, this.graph.getEdgeAttributes(edge)));
    this.renderer.on("enterNode", ({ node }) => { this.hovered = node; this.renderer.refresh({ skipIndexation: true }); });
    this.renderer.on("leaveNode", () => { this.hovered = null; this.renderer.refresh({ skipIndexation: true }); });
    this.renderer.on("clickStage", () => handlers.onStage && handlers.onStage());
  }

  reduceNode(node, data) {
    const res = { ...data };
    if (this.hidden.has(data.kind)) {
      res.hidden = true;
      return res;
    }
    const focus = this.hovered || this.selected;
    if (focus && node !== focus && !this.graph.areNeighbors(node, focus)) {
      res.color = "#E5E7EB";
      res.label = "";
      res.zIndex = 0;
    } else if (focus) {
      res.zIndex = 1;
      res.forceLabel = true;
    }
    if (node === this.selected) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 2;
    }
    return res;
  }

  reduceEdge(edge, data) {
    const res = { ...data };
    const [s, t] = this.graph.extremities(edge);
    if (this.hidden.has(this.graph.getNodeAttribute(s, "kind")) || this.hidden.has(this.graph.getNodeAttribute(t, "kind"))) {
      res.hidden = true;
      return res;
    }
    const focus = this.hovered || this.selected;
    if (focus && s !== focus && t !== focus) {
      res.color = "#F3F4F6";
    } else if (focus) {
      res.size = data.size * 1.6;
    }
    if (edge === this.selectedEdge) {
      res.color = "#111827";
      res.size = data.size * 2.5;
    }
    return res;
  }

  // replace draws a subgraph afresh: it builds and lays out a new graph
  // away from the renderer, which would otherwise react to every node and
  // edge added, then hands it over. It returns the time spent building and
  // laying out, in milliseconds.
  replace(sub, iterations) {
    const t0 = performance.now();
    const g = new Graph({ multi: false, type: "directed", allowSelfLoops: false });
    this.addTo(g, sub, null);
    const t1 = performance.now();
    radial(g, sub.nodes.length ? sub.nodes[0].id : null);
    runLayout(g, iterations);
    const t2 = performance.now();
    this.graph = g;
    this.selected = null;
    this.selectedEdge = null;
    this.renderer.setGraph(g);
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    return { buildMs: t1 - t0, layoutMs: t2 - t1 };
  }

  // merge adds a subgraph's nodes and edges to the graph drawn; new nodes
  // start near the node they were reached from. It returns the number of
  // nodes added.
  merge(sub, around) {
    return this.addTo(this.graph, sub, around);
  }

  addTo(g, sub, around) {
    const origin = around && g.hasNode(around) ? g.getNodeAttributes(around) : { x: 0, y: 0 };
    let added = 0;
    const n = sub.nodes.length;
    sub.nodes.forEach((node, i) => {
      const look = byKind[node.kind];
      const attrs = {
        label: node.label,
        kind: node.kind,
        node,
        color: look.color,
        image: shapeImage(look.shape),
        size: 4 + Math.min(14, Math.sqrt(node.evidenceCount + 1) * 2.2),
      };
      if (g.hasNode(node.id)) {
        g.mergeNodeAttributes(node.id, attrs);
        return;
      }
      // A sunflower spiral: evenly spread, so that the layout starts close
      // to its end and converges in few iterations.
      const angle = i * 2.39996;
      const r = around ? 40 + Math.random() * 40 : 10 + 400 * Math.sqrt(i / Math.max(n, 1));
      g.addNode(node.id, { ...attrs, x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) });
      added++;
    });
    for (const e of sub.edges) {
      e.id = e.id || `${e.kind}:${e.source}>${e.target}`;
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id)) continue;
      if (g.hasDirectedEdge(e.source, e.target)) continue;
      const style = EDGE_STYLE[e.kind] || EDGE_STYLE.MENTIONS;
      g.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        edge: e,
        kind: e.kind,
        color: style.color,
        size: style.size,
        type: e.kind === "ADOPTED" || e.kind === "FAMILY" ? "arrow" : "line",
        zIndex: e.kind === "MENTIONS" ? 0 : 1,
      });
    }
    return added;
  }

  // layout lays out the graph drawn again (after an expansion) and
  // returns the time it took in milliseconds.
  layout(iterations = 120) {
    const t0 = performance.now();
    runLayout(this.graph, iterations);
    const ms = performance.now() - t0;
    this.renderer.refresh();
    this.renderer.getCamera().animatedReset({ duration: 300 });
    return ms;
  }

  select(node) {
    this.selected = node;
    this.selectedEdge = null;
    this.renderer.refresh({ skipIndexation: true });
  }

  selectEdge(edge) {
    this.selected = null;
    this.selectedEdge = edge;
    this.renderer.refresh({ skipIndexation: true });
  }

  setHidden(kinds) {
    this.hidden = new Set(kinds);
    this.renderer.refresh({ skipIndexation: true });
  }

  // screen returns the position of a node in the page, for tests and
  // tooltips.
  screen(node) {
    const a = this.graph.getNodeAttributes(node);
    const p = this.renderer.graphToViewport({ x: a.x, y: a.y });
    const box = this.renderer.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  ids() {
    return this.graph.nodes();
  }
}
