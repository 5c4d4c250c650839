import type { BenchResults, ComparedMetric } from '../results.js';
import { ratioOf } from '../targets.js';

const WIDTH = 960;
const LEFT = 110;
const RIGHT = 70;
const TOP = 70;
const BAR = 13;
const GAP = 3;
const HEADER = 20;
const GROUP_GAP = 12;
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1'];

/**
 * chart.svg, written by hand: one group of horizontal bars per metric, one bar per tlsport
 * backend, each the ratio to node:tls on a log2 axis centred on 1x (bars right of the line: more
 * than node:tls). Metrics where lower is better say so in their heading.
 */
export function svgChart(results: BenchResults): string {
  const backends = results.contenders.slice(1);
  const metrics = results.compared;
  const span = axisSpan(metrics, backends);
  const plotLeft = LEFT;
  const plotRight = WIDTH - RIGHT;
  const x = (ratio: number): number => {
    const l = Math.max(-span, Math.min(span, Math.log2(ratio)));
    return plotLeft + ((l + span) / (2 * span)) * (plotRight - plotLeft);
  };
  const groupHeight = HEADER + backends.length * (BAR + GAP) + GROUP_GAP;
  const height = TOP + metrics.length * groupHeight + 30;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  parts.push(text(10, 20, 'tlsport backends vs node:tls: median ratio per metric (log scale, 1x = node:tls)', 'font-size="15" font-weight="bold"'));
  backends.forEach((name, i) => {
    parts.push(`<rect x="${10 + i * 130}" y="32" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`);
    parts.push(text(27 + i * 130, 42, name));
  });
  for (let p = -span; p <= span; p++) {
    const gx = x(2 ** p);
    parts.push(`<line x1="${gx}" y1="${TOP - 8}" x2="${gx}" y2="${height - 25}" stroke="${p === 0 ? '#333' : '#ddd'}" stroke-width="${p === 0 ? 1.5 : 1}"${p === 0 ? '' : ' stroke-dasharray="3,3"'}/>`);
    parts.push(text(gx, height - 10, ratioLabel(2 ** p), 'text-anchor="middle" fill="#555"'));
    parts.push(text(gx, TOP - 12, ratioLabel(2 ** p), 'text-anchor="middle" fill="#555"'));
  }
  metrics.forEach((metric, g) => {
    const top = TOP + g * groupHeight;
    parts.push(`<g class="metric" id="${escape(metric.id)}">`);
    parts.push(text(10, top + 13, `${metric.title} (${metric.unit}${metric.better === 'lower' ? ', lower is better' : ''})`, 'font-weight="bold"'));
    backends.forEach((name, i) => {
      const y = top + HEADER + i * (BAR + GAP);
      parts.push(text(LEFT - 8, y + BAR - 2, name, 'text-anchor="end" fill="#333"'));
      const ratio = ratioOf(metric, name);
      if (ratio === undefined || ratio <= 0) {
        parts.push(text(x(1) + 6, y + BAR - 2, 'n/a', 'fill="#999"'));
        return;
      }
      const from = Math.min(x(1), x(ratio));
      const to = Math.max(x(1), x(ratio));
      parts.push(`<rect x="${from.toFixed(1)}" y="${y}" width="${Math.max(1, to - from).toFixed(1)}" height="${BAR}" fill="${COLORS[i % COLORS.length]}"><title>${escape(`${name}: ${ratio.toFixed(3)}x node:tls`)}</title></rect>`);
      const right = ratio >= 1;
      parts.push(text(right ? to + 4 : from - 4, y + BAR - 2, `${ratio.toFixed(2)}x`, right ? '' : 'text-anchor="end"'));
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Powers of two either side of 1x, enough to hold every ratio (at most 1/64x..64x). */
function axisSpan(metrics: readonly ComparedMetric[], backends: readonly string[]): number {
  let span = 1;
  for (const m of metrics) {
    for (const b of backends) {
      const r = ratioOf(m, b);
      if (r !== undefined && r > 0) span = Math.max(span, Math.ceil(Math.abs(Math.log2(r))));
    }
  }
  return Math.min(span, 6);
}

function ratioLabel(r: number): string {
  return r >= 1 ? `${r}x` : `1/${1 / r}x`;
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y}"${attributes === '' ? '' : ` ${attributes}`}>${escape(content)}</text>`;
}

function escape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
