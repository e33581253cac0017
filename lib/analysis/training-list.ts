import { emptyScan, ints, scanTable, strings, type Scan } from './scan/scan';
import { cached, type Source } from './source';

export interface TrainingSummary {
  training_id: string;
  trajectory_count: number;
  /** [first epoch, last epoch]. */
  epoch_range: [number, number];
  epoch_count: number;
  /** The agent that produced most of the run's trajectories (null when none is recorded). */
  agent_name: string | null;
  /** Earliest trajectory timestamp, ISO 8601, or null when none is recorded. */
  created_at: string | null;
}

export interface TrainingList {
  trainings: TrainingSummary[];
}

const COLUMNS = ['training_id', 'epoch_id', 'agent_name', 'created_at'] as const;

/** Every training in the table, sorted by id. */
export function computeTrainingList(scan: Scan): TrainingList {
  const training = strings(scan, 'training_id');
  const agent = strings(scan, 'agent_name');
  const epoch = ints(scan, 'epoch_id');
  const created = scan.createdAt ?? new Float64Array(scan.length).fill(NaN);
  const perTraining = training.values.map(() => ({
    count: 0,
    min: Infinity,
    max: -Infinity,
    epochs: new Set<number>(),
    agents: new Map<number, number>(),
    created: Infinity,
  }));
  for (let i = 0; i < scan.length; i++) {
    const t = perTraining[training.codes[i]];
    t.count++;
    t.min = Math.min(t.min, epoch[i]);
    t.max = Math.max(t.max, epoch[i]);
    t.epochs.add(epoch[i]);
    const a = agent.codes[i];
    if (a >= 0) t.agents.set(a, (t.agents.get(a) ?? 0) + 1);
    if (created[i] < t.created) t.created = created[i];
  }
  const trainings = perTraining.map((t, code): TrainingSummary => {
    let topAgent: number | null = null;
    for (const [a, n] of t.agents) if (topAgent === null || n > t.agents.get(topAgent)!) topAgent = a;
    return {
      training_id: training.values[code],
      trajectory_count: t.count,
      epoch_range: [t.min, t.max],
      epoch_count: t.epochs.size,
      agent_name: topAgent === null ? null : agent.values[topAgent],
      created_at: Number.isFinite(t.created) ? new Date(t.created).toISOString() : null,
    };
  });
  trainings.sort((a, b) => (a.training_id < b.training_id ? -1 : a.training_id > b.training_id ? 1 : 0));
  return { trainings };
}

export function listTrainings(source: Source): Promise<TrainingList> {
  return cached(source, 'training-list', {}, async () => {
    const scan = source.table ? await scanTable(source.table, { columns: COLUMNS }) : emptyScan(COLUMNS);
    return computeTrainingList(scan);
  });
}
