/**
 * A benchmark scenario measures one figure and a reference figure in the same run.
 * The runner prints `NAME: <figure> <unit> vs reference <figure> <unit>, ratio <r>`.
 */
export interface BenchFigure {
  value: number;
  unit: string;
}

export interface BenchResult {
  measured: BenchFigure;
  reference: BenchFigure;
}

export interface BenchScenario {
  name: string;
  /** One line of what it measures, shown by `npm run bench -- --list`. */
  description: string;
  run(log: (line: string) => void): Promise<BenchResult>;
}
