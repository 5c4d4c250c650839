import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from '../results.js';
import { svgChart } from './chart.js';
import { markdownReport } from './markdown.js';

const CHART = 'chart.svg';

/** Writes results.json, chart.svg and RESULTS.md into `dir`; returns their paths. */
export function writeReports(results: BenchResults, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['results.json', `${JSON.stringify(results, null, 2)}\n`],
    [CHART, svgChart(results)],
    ['RESULTS.md', markdownReport(results, CHART)],
  ];
  return files.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}
