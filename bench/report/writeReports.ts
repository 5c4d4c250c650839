import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { BenchResults } from '../results.js';
import { svgChart } from './chart.js';
import { markdownReport } from './markdown.js';

const CHART = 'chart.svg';
/** The last `node bench/dist/scaling.js` (workers: 1 vs N), which RESULTS.md carries along. */
const SCALING = fileURLToPath(new URL('../../SCALING.md', import.meta.url));

/** Writes results.json, chart.svg and RESULTS.md into `dir`; returns their paths. */
export function writeReports(results: BenchResults, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['results.json', `${JSON.stringify(results, null, 2)}\n`],
    [CHART, svgChart(results)],
    ['RESULTS.md', markdownReport(results, CHART) + (existsSync(SCALING) ? `\n${readFileSync(SCALING, 'utf8')}` : '')],
  ];
  return files.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}
