// How each kind of entity looks: a colour (a palette that colour-blind
// readers can tell apart) and a shape, drawn in the graph, the legend and
// the panels alike.

export const KINDS = [
  { kind: "JURISDICTION", name: "Jurisdiction", zh: "地区", color: "#0072B2", shape: "circle" },
  { kind: "MECHANISM", name: "Mechanism", zh: "机制", color: "#D55E00", shape: "diamond" },
  { kind: "BODY", name: "Body", zh: "机关", color: "#009E73", shape: "square" },
  { kind: "DOCUMENT", name: "Document", zh: "文件", color: "#7B61A8", shape: "triangle" },
  { kind: "AWARD", name: "Award", zh: "荣誉", color: "#E69F00", shape: "star" },
  { kind: "PERSON", name: "Person", zh: "人物", color: "#CC79A7", shape: "pentagon" },
  { kind: "REPORT", name: "Report", zh: "报告", color: "#6B7280", shape: "hexagon" },
];

export const byKind = Object.fromEntries(KINDS.map((k) => [k.kind, k]));

// The outline of each shape in a 100×100 box.
const paths = {
  circle: "M50 6a44 44 0 1 0 0.01 0z",
  square: "M12 12h76v76h-76z",
  diamond: "M50 3l47 47-47 47-47-47z",
  triangle: "M50 6l46 84h-92z",
  star: "M50 4l13 29 32 3-24 21 7 31-28-16-28 16 7-31-24-21 32-3z",
  pentagon: "M50 5l45 33-17 54h-56l-17-54z",
  hexagon: "M27 8h46l23 42-23 42h-46l-23-42z",
};

// shapeSVG returns an SVG drawing of a shape, filled with a colour.
export function shapeSVG(shape, color, size = 14) {
  return `<svg width="${size}" height="${size}" viewBox="0 0 100 100" aria-hidden="true"><path d="${paths[shape]}" fill="${color}" stroke="#fff" stroke-width="6"/></svg>`;
}

// shapeImage returns a white shape as a data URI: the mask the graph's
// node program colours with the node's colour.
export function shapeImage(shape) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 100 100"><path d="${paths[shape]}" fill="#fff"/></svg>`;
  return "data:image/svg+xml;base64," + btoa(svg);
}

export const EDGE_STYLE = {
  ADOPTED: { color: "#D55E00", size: 2.2, label: "adopted" },
  FAMILY: { color: "#B45309", size: 1.8, label: "variant of" },
  PARENT: { color: "#5B8DB8", size: 1.4, label: "part of" },
  LOCATED_IN: { color: "#7FB8A4", size: 1, label: "located in" },
  TAKES_PART: { color: "#7FB8A4", size: 1, label: "takes part" },
  ISSUER: { color: "#A896C9", size: 1, label: "issued by" },
  MEMBER_OF: { color: "#D9A5C4", size: 1, label: "member of" },
  REPORTED_BY: { color: "#9CA3AF", size: 1, label: "report of" },
  MENTIONS: { color: "#D1D5DB", size: 0.6, label: "mentions" },
};
