// The focus map's pure logic: which figure each force shows, how values fall into colour bins,
// and where a hexagon sits. No DOM here, so it is tested on its own with seeded figures.

/** Viridis, five steps: ordered light to dark for every common colour-vision deficiency. */
export const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
/** Zero, and forces outside the viewer's scope (no figures): greys, told apart by text too. */
export const ZERO_COLOUR = '#f2f2f2';
export const NO_DATA_COLOUR = '#d0d0d0';

const sum = (...n) => n.reduce((a, b) => a + b, 0);

/** Measures the map can be coloured by; `lines: true` ones need the focus-map endpoint. */
export const MEASURES = [
  {
    id: 'arrests',
    label: 'Arrests',
    value: ({ board, force }) => board.forces[force]?.arrests,
  },
  {
    id: 'safeguarded',
    label: 'People safeguarded (children and adults)',
    value: ({ board, force }) => {
      const t = board.forces[force];
      return t && sum(t.safeguardedChildren, t.safeguardedAdults);
    },
  },
  {
    id: 'overdue',
    label: 'Overdue taskings',
    value: ({ board, force }) => board.taskingsByForce?.[force]?.overdue,
  },
  {
    id: 'handoffsOverdue',
    label: 'Overdue hand-offs (home force)',
    note: 'Hand-offs not acknowledged by their deadline, counted at the force that must act: the home force.',
    // The live board first; the focus map carries the same figure when a board predates it.
    value: ({ board, focusMap, force }) =>
      board.handoffsByForce?.[force]?.overdue ?? focusMap?.forces?.[force]?.handoffsOverdue,
  },
  {
    id: 'importing',
    label: 'Active lines importing',
    lines: true,
    value: ({ focusMap, force }) => focusMap?.forces?.[force]?.activeLinesImporting,
  },
  {
    id: 'exporting',
    label: 'Active lines exporting',
    lines: true,
    value: ({ focusMap, force }) => focusMap?.forces?.[force]?.activeLinesExporting,
  },
];

/** The measures on offer: the lines measures only when the focus-map endpoint answered. */
export function availableMeasures(focusMap) {
  return MEASURES.filter((m) => !m.lines || focusMap);
}

/** Each force's value for a measure; `null` where the viewer has no figures for the force. */
export function measureValues(measureId, forces, board, focusMap) {
  const measure = MEASURES.find((m) => m.id === measureId);
  if (!measure) throw new Error(`unknown measure ${measureId}`);
  return Object.fromEntries(
    forces.map((force) => {
      const v = measure.value({ board, focusMap, force });
      return [force, typeof v === 'number' ? v : null];
    }),
  );
}

/**
 * Up to five equal bins of whole numbers from 1 to the largest value (zero has its own grey):
 * e.g. max 23 → 1–5, 6–10, 11–15, 16–20, 21–25. Small maxima give fewer, one-wide bins.
 */
export function binsFor(values) {
  const max = Math.max(0, ...values.filter((v) => typeof v === 'number'));
  if (max === 0) return [];
  const width = Math.ceil(max / PALETTE.length);
  const count = Math.ceil(max / width);
  const colours = count === 1 ? [PALETTE[2]] : spread(count);
  return colours.map((colour, i) => ({ from: i * width + 1, to: (i + 1) * width, colour }));
}

/** `count` colours from the palette, always including its two ends for contrast. */
function spread(count) {
  return Array.from(
    { length: count },
    (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (count - 1))],
  );
}

export function colourFor(value, bins) {
  if (value === null || value === undefined) return NO_DATA_COLOUR;
  if (value <= 0) return ZERO_COLOUR;
  return (bins.find((b) => value <= b.to) ?? bins[bins.length - 1]).colour;
}

/** Black or white, whichever reads better on the fill (WCAG relative luminance). */
export function textColourOn(fill) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.179 ? '#0b0c0c' : '#ffffff';
}

/** Centre of axial cell (q, r), pointy-top hexagons of circumradius `size`, y southwards. */
export function hexCentre(q, r, size) {
  return { x: size * Math.sqrt(3) * (q + r / 2), y: size * 1.5 * r };
}

/** The six corners of a pointy-top hexagon, as an SVG `points` attribute. */
export function hexPoints(cx, cy, size) {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 180) * (60 * i - 30);
    return `${(cx + size * Math.cos(a)).toFixed(1)},${(cy + size * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

/** Which forces to outline as focus forces: the focus-map's, else the week's own list. */
export function focusForces(focusMap, operation) {
  if (focusMap?.forces)
    return new Set(
      Object.entries(focusMap.forces)
        .filter(([, f]) => f.focusForce)
        .map(([code]) => code),
    );
  return new Set(operation?.focusForces ?? []);
}
