import path from 'node:path';
import { parseArgs } from 'node:util';

/** The campaign shape of a benchmark of `rows` trajectories: 5 runs × 20 epochs × Q questions × 8 samples. */
export interface BenchShape {
  runs: number;
  epochs: number;
  questions: number;
  samples: number;
  /** Short steps (the demo generator's lean mode), for the largest sizes. */
  lean: boolean;
}

export interface BenchOptions {
  shape: BenchShape;
  rows: number;
  /** Cache folder: the JSONL, the LanceDB database, the Parquet copy and the ingest figures. */
  dir: string;
  fresh: boolean;
  write: boolean;
  /** Repetitions per timing (the median is reported). */
  repeats: number;
  /** Build the app (`next build`) when `.next` is missing, for the page timings. */
  build: boolean;
}

export const RUNS = 5;
export const EPOCHS = 20;
export const SAMPLES = 8;

export function benchShape(rows: number, lean: boolean): BenchShape {
  if (!Number.isInteger(rows) || rows < RUNS * EPOCHS * SAMPLES) {
    throw new Error(`--rows must be an integer ≥ ${RUNS * EPOCHS * SAMPLES}, got ${rows}`);
  }
  return {
    runs: RUNS,
    epochs: EPOCHS,
    questions: Math.ceil(rows / (RUNS * EPOCHS * SAMPLES)),
    samples: SAMPLES,
    lean,
  };
}

export const shapeRows = (s: BenchShape) => s.runs * s.epochs * s.questions * s.samples;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '100000' },
      lean: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '5' },
      build: { type: 'boolean', default: false },
    },
  });
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer`);
  const shape = benchShape(Number(values.rows), values.lean);
  const rows = shapeRows(shape);
  return {
    shape,
    rows,
    dir: path.resolve('data', `bench-${rows}${values.lean ? '-lean' : ''}`),
    fresh: values.fresh,
    write: values.write,
    repeats,
    build: values.build,
  };
}
