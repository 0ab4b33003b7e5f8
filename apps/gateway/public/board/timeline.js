// Outcomes per hour across the week as bars (one per hour, days marked), with a table of the
// hours that had any. The chart's label states the peak, so it reads without seeing it.
import { el, svg } from '/common/assets/dom.js';
import { formatCount, formatHour } from './format.js';

const HOUR = 3_600_000;
const W = 840;
const H = 180;

export function renderTimeline({ timeline, operation, scopeName }) {
  document.getElementById('timeline-scope').textContent = scopeName
    ? `· ${scopeName}`
    : '· national';
  const chart = document.getElementById('timeline');
  const start = Math.floor(Date.parse(operation.startsAt) / HOUR) * HOUR;
  const lastData = timeline.hours.length ? Date.parse(timeline.hours.at(-1).hour) : start;
  const end = Math.max(
    Math.min(Date.now(), Date.parse(operation.endsAt)),
    lastData + HOUR,
    start + HOUR,
  );
  const count = Math.ceil((end - start) / HOUR);
  const byHour = new Map(timeline.hours.map((h) => [Date.parse(h.hour), h]));
  const max = Math.max(1, ...timeline.hours.map((h) => h.total));
  const barW = (W - 40) / count;
  chart.setAttribute('viewBox', `0 0 ${W} ${H + 24}`);
  const parts = [
    svg('text', { x: 0, y: 12, class: 'axis' }, formatCount(max)),
    svg('line', { x1: 36, x2: W, y1: H, y2: H, class: 'axis-line' }),
  ];
  for (let i = 0; i < count; i++) {
    const t = start + i * HOUR;
    const h = byHour.get(t);
    // The first hour is labelled too, unless the next midnight's label would overlap it.
    if (new Date(t).getHours() === 0 || (i === 0 && new Date(t).getHours() <= 12))
      parts.push(
        svg(
          'text',
          { x: 40 + i * barW, y: H + 18, class: 'axis' },
          new Date(t).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric' }),
        ),
      );
    if (!h) continue;
    const height = ((H - 16) * h.total) / max;
    const bar = svg('rect', {
      x: 40 + i * barW,
      y: H - height,
      width: Math.max(1, barW - 1),
      height,
      class: 'bar',
    });
    bar.append(svg('title', {}, `${formatHour(h.hour)}: ${formatCount(h.total)} outcomes`));
    parts.push(bar);
  }
  chart.replaceChildren(...parts);
  const peak = timeline.hours.reduce((p, h) => (h.total > (p?.total ?? 0) ? h : p), null);
  const total = timeline.hours.reduce((s, h) => s + h.total, 0);
  chart.setAttribute(
    'aria-label',
    peak
      ? `${formatCount(total)} outcomes; busiest hour ${formatHour(peak.hour)} with ${formatCount(peak.total)}`
      : 'No outcomes yet',
  );
  chart.dataset.total = String(total);
  document.getElementById('timeline-body').replaceChildren(
    ...timeline.hours
      .slice()
      .reverse()
      .map((h) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', textContent: formatHour(h.hour) }),
          ...[h.arrest, h.seizure, h.safeguarding, h.line, h.total].map((n) =>
            el('td', { className: 'num', textContent: formatCount(n) }),
          ),
        ),
      ),
  );
}
