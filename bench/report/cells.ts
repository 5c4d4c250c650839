import { format } from '../measure.js';
import { isStat, type ComparedMetric, type Outcome } from '../results.js';
import { ratioOf, type Verdict } from '../targets.js';

/** "1.23k [1.10k–1.31k]" or "n/a (reason)", the reason cut to `reasonChars`. */
export function outcomeCell(o: Outcome | undefined, reasonChars = 200): string {
  if (o === undefined) return '-';
  if (!isStat(o)) return `n/a (${o.na.length > reasonChars ? `${o.na.slice(0, reasonChars - 1)}…` : o.na})`;
  return o.runs === 1 ? format(o.median) : `${format(o.median)} [${format(o.min)}–${format(o.max)}]`;
}

/** "0.85x", or "" when there is no ratio. */
export function ratioCell(metric: ComparedMetric, contender: string): string {
  const r = ratioOf(metric, contender);
  return r === undefined ? '' : `${r.toFixed(2)}x`;
}

/** A measured cell with its ratio to node:tls. */
export function contenderCell(metric: ComparedMetric, contender: string, reasonChars?: number): string {
  const ratio = ratioCell(metric, contender);
  return `${outcomeCell(metric.results[contender], reasonChars)}${ratio === '' ? '' : ` ${ratio}`}`;
}

/** "openssl >= 2.0x: 0.93x NOT MET". */
export function verdictCell(v: Verdict, isRatio: boolean): string {
  const actual = v.actual === undefined ? 'n/a' : isRatio ? `${v.actual.toFixed(2)}x` : format(v.actual);
  return `${v.goal}: ${actual} ${v.met ? 'met' : 'NOT MET'}`;
}
