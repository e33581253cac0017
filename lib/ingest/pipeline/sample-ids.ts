import { makeTrajectoryId, type SampleIdCounter } from '../trajectory-id';
import type { ProcessedItem } from './process';

/**
 * Gives a processed item the sample_id its record lacked (the next occurrence index of its key in its input, so the
 * items must come in input order), and the trajectory_id derived from it when the record named none. An item without
 * a key is left as is; a rejected item still takes its slot.
 */
export function assignSampleId(item: ProcessedItem, counter: SampleIdCounter): void {
  if (!item.sampleKey) return;
  const sampleId = counter.next(item.sampleKey);
  const row = item.row;
  if (!row) return;
  row.sample_id = sampleId;
  if (item.derivedId)
    row.trajectory_id = makeTrajectoryId({
      training_id: row.training_id,
      epoch_id: row.epoch_id,
      iteration_id: row.iteration_id,
      sample_id: sampleId,
      data_id: row.data_id,
    });
}
