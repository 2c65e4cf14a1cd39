import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a report was measured on; the load average says how busy it was (times depend on it). */
export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Per-field medians of several runs of one section: numbers become the median of the runs, anything
 * else is taken from the first run (labels, units).
 */
export function medianOfRuns(runs: Json[]): Json {
  const first = runs[0];
  if (typeof first === 'number') {
    const nums = runs.filter((r): r is number => typeof r === 'number').sort((a, b) => a - b);
    const mid = Math.floor(nums.length / 2);
    return nums.length % 2 ? nums[mid] : Math.round(((nums[mid - 1] + nums[mid]) / 2) * 100) / 100;
  }
  if (Array.isArray(first)) return first.map((_, i) => medianOfRuns(runs.map((r) => (Array.isArray(r) ? r[i] : null))));
  if (first && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((k) => [k, medianOfRuns(runs.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? r[k] : null)))]));
  }
  return first;
}

/** Flattens a section into `a.b.c | value` rows for the Markdown report. */
function rows(value: Json, prefix = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [[prefix, String(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => rows(v, prefix ? `${prefix}.${k}` : k));
}

export function markdown(report: { at: string; machine: ReturnType<typeof machine>; runs: number; sections: Record<string, Json> }): string {
  const m = report.machine;
  const lines = [
    '# 微支部 benchmark report',
    '',
    `Measured ${report.at} on ${m.cpu} × ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${m.platform}); 1-minute load average ${m.loadAverage1m} at the end.`,
    `Timings are medians of ${report.runs} runs where a section is repeated; they depend on the machine's load. Counts and bytes do not.`,
    '',
  ];
  for (const [name, value] of Object.entries(report.sections)) {
    lines.push(`## ${name}`, '', '| measure | value |', '|---|---|');
    for (const [k, v] of rows(value)) lines.push(`| ${k} | ${v.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
