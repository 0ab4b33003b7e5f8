#!/usr/bin/env node
/**
 * Derives the board's focus-map layout: one hexagon per police force, placed to resemble
 * England and Wales, from the ONS Police Force Areas (December 2023) boundaries.
 *
 *   node infra/tools/derive-force-layout.mjs [path/to/police-force-areas-2023.geojson]
 *
 * The path defaults to ../shared/domain/police-force-areas-2023.geojson (beside the repository).
 * Only the output is committed (libs/reference-data/src/force-hex-layout.ts); the boundaries are
 * not. Steps:
 *  1. each area's centroid: area-weighted over its polygons, in an equirectangular projection
 *     (longitude scaled by cos 52.5°), so a force's centre sits where most of its land is;
 *  2. the hexagon size is chosen so that 43 hexagons cover about the land area of the 43 areas,
 *     and each centroid becomes a fractional position on a pointy-top axial hex grid (north up);
 *  3. each force takes the free cell nearest its position, smallest areas first (they have the
 *     least room to move), then pairs swap and forces move to free cells nearby while that
 *     lowers the total squared distance: crowded places (London, the West Midlands, the North
 *     West) spread into neighbouring cells while every force stays near its true place;
 *  4. a force left with no neighbour (Devon and Cornwall: its centroid lies far out on the
 *     peninsula) moves to the free cell nearest its position that touches the rest, so the map
 *     reads as one country;
 *  5. British Transport Police, national, gets a cell of its own beside the map (top right,
 *     one empty column away), since it has no area.
 * The output is deterministic: the same boundaries always give the same layout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INPUT = resolve(
  process.argv[2] ?? join(ROOT, '..', 'shared', 'domain', 'police-force-areas-2023.geojson'),
);
const OUTPUT = join(ROOT, 'libs', 'reference-data', 'src', 'force-hex-layout.ts');
const COS_LAT = Math.cos((52.5 * Math.PI) / 180);
const SQRT3 = Math.sqrt(3);

/** Signed area and centroid of one ring, in projected units. */
function ringMoments(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = [ring[i][0] * COS_LAT, ring[i][1]];
    const [x1, y1] = [ring[i + 1][0] * COS_LAT, ring[i + 1][1]];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: a / 2, cx: cx / 6, cy: cy / 6 };
}

/** Area-weighted centroid of a (multi)polygon; holes subtract. Returns projected x, y and area. */
function centroid(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ring);
      if (m.area === 0) return;
      const weight = Math.abs(m.area) * (i === 0 ? 1 : -1);
      area += weight;
      mx += weight * (m.cx / m.area);
      my += weight * (m.cy / m.area);
    });
  }
  return { x: mx / area, y: my / area, area };
}

/** Pixel centre of axial cell (q, r) for hexagons of size 1, y growing southwards. */
const cellCentre = (q, r) => ({ x: SQRT3 * (q + r / 2), y: 1.5 * r });
const key = (c) => `${c.q},${c.r}`;
const dist2 = (a, b) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

function derive(geojson) {
  const areas = geojson.features.map((f) => ({
    code: f.properties.PFA23CD,
    name: f.properties.PFA23NM,
    ...centroid(f.geometry),
  }));
  const totalArea = areas.reduce((s, a) => s + a.area, 0);
  const size = Math.sqrt(totalArea / (areas.length * ((3 * SQRT3) / 2)));
  const north = Math.max(...areas.map((a) => a.y));
  const west = Math.min(...areas.map((a) => a.x));
  // Positions in hex units: x east, y south, from the north-west corner of the land.
  const forces = areas.map((a) => ({
    ...a,
    target: { x: (a.x - west) / size, y: (north - a.y) / size },
  }));

  const candidates = [];
  for (let r = -3; r <= Math.ceil(Math.max(...forces.map((f) => f.target.y)) / 1.5) + 3; r++)
    for (let q = -Math.ceil(r / 2) - 3; q <= 20; q++)
      candidates.push({ q, r, ...cellCentre(q, r) });

  const taken = new Map();
  const place = new Map();
  for (const f of [...forces].sort((a, b) => a.area - b.area || a.code.localeCompare(b.code))) {
    const best = candidates
      .filter((c) => !taken.has(key(c)))
      .reduce((b, c) => (dist2(c, f.target) < dist2(b, f.target) ? c : b));
    taken.set(key(best), f.code);
    place.set(f.code, best);
  }

  const byCode = new Map(forces.map((f) => [f.code, f]));
  const cost = (code, cell) => dist2(cell, byCode.get(code).target);
  for (let improved = true; improved;) {
    improved = false;
    const codes = [...place.keys()].sort();
    for (const a of codes)
      for (const b of codes) {
        if (a >= b) continue;
        const [ca, cb] = [place.get(a), place.get(b)];
        if (cost(a, cb) + cost(b, ca) < cost(a, ca) + cost(b, cb) - 1e-9) {
          place.set(a, cb);
          place.set(b, ca);
          taken.set(key(cb), a);
          taken.set(key(ca), b);
          improved = true;
        }
      }
    for (const a of codes) {
      const here = place.get(a);
      const better = candidates
        .filter((c) => !taken.has(key(c)) && dist2(c, here) <= 9)
        .find((c) => cost(a, c) < cost(a, here) - 1e-9);
      if (better) {
        taken.delete(key(here));
        taken.set(key(better), a);
        place.set(a, better);
        improved = true;
      }
    }
  }

  // A force left on its own (a long peninsula pulls its centroid away) joins the nearest edge.
  const adjacent = (a, b) => dist2(a, b) < 3.5;
  for (const code of [...place.keys()].sort()) {
    const here = place.get(code);
    const others = [...place].filter(([c]) => c !== code).map(([, cell]) => cell);
    if (others.some((o) => adjacent(o, here))) continue;
    const joined = candidates
      .filter((c) => !taken.has(key(c)) && others.some((o) => adjacent(o, c)))
      .reduce((b, c) => (cost(code, c) < cost(code, b) ? c : b));
    taken.delete(key(here));
    taken.set(key(joined), code);
    place.set(code, joined);
  }

  const cells = [...place].map(([code, c]) => ({
    code,
    name: byCode.get(code).name,
    q: c.q,
    r: c.r,
  }));
  const minR = Math.min(...cells.map((c) => c.r));
  const maxX = Math.max(...cells.map((c) => cellCentre(c.q, c.r).x));
  let q = -minR;
  while (cellCentre(q, minR).x < maxX + 2 * SQRT3) q++;
  cells.push({ code: 'BTP', name: 'British Transport Police', q, r: minR });
  // Row by row, north to south and west to east, so the file reads like the map.
  return cells.sort((a, b) => a.r - b.r || a.q - b.q);
}

const cells = derive(JSON.parse(readFileSync(INPUT, 'utf8')));
const lines = cells.map(
  (c) => `  ${JSON.stringify(c.code)}: { q: ${c.q}, r: ${c.r} }, // ${c.name}`,
);
writeFileSync(
  OUTPUT,
  `// Generated by infra/tools/derive-force-layout.mjs from the ONS Police Force Areas
// (December 2023) boundaries; do not edit by hand, run the script again.
// Source: Office for National Statistics licensed under the Open Government Licence v.3.0.
// Contains OS data © Crown copyright and database right 2023.

/** Axial coordinates of a pointy-top hexagon: q grows eastwards, r southwards. */
export interface HexCell {
  q: number;
  r: number;
}

/** One cell per force (43 territorial forces and BTP, beside the map), keyed by force code. */
export const FORCE_HEX_LAYOUT: Readonly<Record<string, HexCell>> = {
${lines.join('\n')}
};
`,
);
console.log(`wrote ${cells.length} cells to ${OUTPUT}`);
