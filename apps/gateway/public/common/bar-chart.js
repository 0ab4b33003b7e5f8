// A horizontal bar chart as inline SVG, for figures people would rather see than read: one bar
// per item, its value written beside it, and the whole said in words for screen readers. Every
// page that draws one shows the same figures as text or a table beside it.
import { svg } from './dom.js';

const WIDTH = 640;
const ROW = 24;
const LEFT = 200;

/** `items`: `{ label, value, kind? }` (kind becomes a class, for a second colour and pattern). */
export function barChart({ items, title, format = String, className = 'bar-chart' }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const node = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${items.length * ROW + 4}`,
    class: className,
    role: 'img',
    'aria-label': `${title}: ${items.map((i) => `${i.label} ${format(i.value)}`).join('; ')}`,
  });
  items.forEach((item, i) => {
    const y = i * ROW + 2;
    const width = ((WIDTH - LEFT - 80) * item.value) / max;
    node.append(
      svg('text', { x: 0, y: y + 16, class: 'axis' }, item.label.slice(0, 28)),
      svg('rect', {
        x: LEFT,
        y,
        width: Math.max(item.value ? 2 : 0, width),
        height: ROW - 6,
        class: `bar ${item.kind ?? ''}`.trim(),
      }),
      svg('text', { x: LEFT + width + 6, y: y + 16, class: 'axis' }, format(item.value)),
    );
  });
  return node;
}
