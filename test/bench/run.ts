/**
 * `npm run bench` runs every scenario; `npm run bench -- NAME …` runs the named ones;
 * `npm run bench -- --list` lists them. Each scenario ends with exactly one line:
 * `NAME: <figure> <unit> vs reference <figure> <unit>, ratio <r>`.
 */
import { auditAppendScenario } from './scenarios/audit-append.js';
import { bulkRegisterScenario } from './scenarios/bulk-register.js';
import { consoleScenario } from './scenarios/console.js';
import { escalateScenario } from './scenarios/escalate.js';
import { fanoutNationalScenario } from './scenarios/fanout-national.js';
import { nationalDayScenario } from './scenarios/national-day.js';
import { ocrScenario } from './scenarios/ocr.js';
import { progressScenario } from './scenarios/progress.js';
import { parseLetterScenario } from './scenarios/parse-letter.js';
import { registerHttpScenario } from './scenarios/register-http.js';
import { search1mScenario } from './scenarios/search-1m.js';
import { stampPdfScenario } from './scenarios/stamp-pdf.js';
import { subtreeScenario } from './scenarios/subtree.js';
import { sweepScenario } from './scenarios/sweep.js';
import { trackingScenario } from './scenarios/tracking.js';
import type { BenchFigure, BenchScenario } from './scenario.js';
import { benchKeep, dropBenchDatabases } from './bench-db.js';

/** Cheap scenarios first; search-1m loads a million letters and takes minutes. */
const SCENARIOS: BenchScenario[] = [
  auditAppendScenario,
  parseLetterScenario,
  stampPdfScenario,
  subtreeScenario,
  registerHttpScenario,
  consoleScenario,
  bulkRegisterScenario,
  escalateScenario,
  search1mScenario,
  fanoutNationalScenario,
  progressScenario,
  trackingScenario,
  sweepScenario,
  nationalDayScenario,
  ocrScenario,
];

function figure(f: BenchFigure): string {
  const digits = f.value >= 100 ? 0 : f.value >= 10 ? 1 : 2;
  return `${f.value.toFixed(digits)} ${f.unit}`;
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--list')) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(16)} ${s.description}`);
    return 0;
  }
  const unknown = args.filter((a) => !SCENARIOS.some((s) => s.name === a));
  if (unknown.length > 0) {
    console.error(
      `unknown scenario: ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`,
    );
    return 2;
  }
  const chosen = args.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => args.includes(s.name));
  try {
    for (const scenario of chosen) {
      console.log(`# ${scenario.name}: ${scenario.description}`);
      const { measured, reference } = await scenario.run((line) => console.log(line));
      const ratio = measured.value / reference.value;
      console.log(
        `${scenario.name}: ${figure(measured)} vs reference ${figure(reference)}, ratio ${ratio.toFixed(2)}`,
      );
    }
  } finally {
    // The bench databases go, after a failure too, unless BENCH_KEEP=1 keeps them for reuse.
    const dropped = await dropBenchDatabases();
    if (dropped.length > 0)
      console.log(`# dropped ${dropped.join(', ')} (BENCH_KEEP=1 keeps them)`);
    else if (benchKeep)
      console.log('# BENCH_KEEP=1: the bench databases are kept for the next run');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
