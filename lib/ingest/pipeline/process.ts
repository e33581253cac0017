import type { TrajectoryRow } from '../../db/schema';
import { Dispatcher, type FieldMap } from '../dispatch';
import { normalizeRecord } from '../normalize';
import { parseRecordText } from '../read';
import type { TrajectoryKey } from '../trajectory-id';
import {
  isRawRecordError,
  isRawText,
  type EnvelopeOverrides,
  type FieldError,
  type RawInput,
} from '../types';

/** What processing a record needs besides the record: the same for every record of a run. */
export interface ProcessOptions extends EnvelopeOverrides {
  format?: string;
  map?: FieldMap;
  dataset?: string;
  maxSteps?: number;
}

/** A record as read, with the training id its input gives records without one (the file's name), if any. */
export interface ProcessInput {
  raw: RawInput;
  fileTrainingId: string | null;
}

export type SampleKey = Omit<TrajectoryKey, 'sample_id'>;

/** One trajectory a record gave: its row, or why it was rejected. */
export interface ProcessedItem {
  row: TrajectoryRow | null;
  errors: FieldError[];
  /**
   * The record had no sample_id: the key whose next occurrence index it takes. The row's sample_id (and trajectory_id
   * when `derivedId`) are placeholders until `assignSampleId`, which runs in input order. Set for rejected records
   * too: they still take their slot, so fixing a bad line and reloading gives every other record the same id.
   */
  sampleKey: SampleKey | null;
  derivedId: boolean;
}

/**
 * A record after parsing, format detection and normalisation: everything that does not depend on the records before
 * it, so it can run on any thread. `assignSampleId` and the run's bookkeeping (lib/ingest/ingest.ts) happen in input
 * order on the thread that writes.
 */
export type ProcessedRecord = {
  source: string;
  line: number;
  at?: string;
  /** The container's kind (`jsonl`, `inspect-eval`…); absent for a record that could not be read. */
  readAs?: string;
} & (
  | { kind: 'unreadable'; field: string; error: string }
  | { kind: 'rejected'; format: string | null; errors: FieldError[]; undetected: boolean }
  | { kind: 'items'; format: string; items: ProcessedItem[] }
);

/** Records the key of a record without sample_id instead of numbering it (numbering needs every record before it). */
class SampleKeyRecorder {
  key: SampleKey | null = null;
  next(key: SampleKey): number {
    this.key = key;
    return 0;
  }
}

/** Processes records of one run; holds what importers prepare once per file. One per thread. */
export class RecordProcessor {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: ProcessOptions) {
    this.dispatcher = new Dispatcher({ format: options.format, map: options.map });
  }

  /** The records of a chunk, one after another, in its order. */
  async processAll(inputs: readonly ProcessInput[]): Promise<ProcessedRecord[]> {
    const out: ProcessedRecord[] = [];
    for (const input of inputs) out.push(await this.process(input));
    return out;
  }

  async process({ raw, fileTrainingId }: ProcessInput): Promise<ProcessedRecord> {
    const record = isRawText(raw) ? parseRecordText(raw) : raw;
    const place = { source: record.source, line: record.line, ...(record.at ? { at: record.at } : {}) };
    if (isRawRecordError(record))
      return { ...place, kind: 'unreadable', field: record.field ?? 'json', error: record.error };
    const readAs = record.container?.kind;
    const dispatched = await this.dispatcher.dispatch(record);
    if (!dispatched.ok)
      return {
        ...place,
        readAs,
        kind: 'rejected',
        format: dispatched.format,
        errors: dispatched.errors,
        undetected: dispatched.undetected,
      };
    const items = dispatched.items.map((item): ProcessedItem => {
      const sampleIds = new SampleKeyRecorder();
      const result = normalizeRecord(item.value, {
        format: item.format,
        trainingId: this.options.trainingId,
        epochId: this.options.epochId,
        sampleIds,
        maxSteps: this.options.maxSteps,
        dataset: this.options.dataset,
        foreign: item.foreign,
        defaults: fileTrainingId ? { training_id: fileTrainingId } : undefined,
      });
      return result.ok
        ? { row: result.row, errors: [], sampleKey: sampleIds.key, derivedId: result.derivedId }
        : { row: null, errors: result.errors, sampleKey: sampleIds.key, derivedId: false };
    });
    return { ...place, readAs, kind: 'items', format: dispatched.format, items };
  }
}
