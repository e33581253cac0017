import { sha1Hex } from './hash';

export interface TrajectoryKey {
  training_id: string;
  epoch_id: number;
  iteration_id: number;
  sample_id: number;
  data_id: string;
}

/** Deterministic id for a record without `trajectory_id`: `t_` + 24 hex chars of sha1 of the key joined by `|`. */
export function makeTrajectoryId(key: TrajectoryKey): string {
  const text = `${key.training_id}|${key.epoch_id}|${key.iteration_id}|${key.sample_id}|${key.data_id}`;
  return `t_${sha1Hex(text).slice(0, 24)}`;
}

/**
 * Assigns `sample_id` to records that lack one: the occurrence index (0, 1, 2…) of their (training_id, epoch_id,
 * iteration_id, data_id) among the records of one input that lack a sample_id, in input order. Use one counter per
 * input (file, stdin, HTTP body) so that reloading a file reproduces the same ids.
 */
export class SampleIdCounter {
  private readonly seen = new Map<string, number>();

  next(key: Omit<TrajectoryKey, 'sample_id'>): number {
    const k = JSON.stringify([key.training_id, key.epoch_id, key.iteration_id, key.data_id]);
    const index = this.seen.get(k) ?? 0;
    this.seen.set(k, index + 1);
    return index;
  }
}
