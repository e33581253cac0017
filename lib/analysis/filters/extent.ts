import { ints, strings } from '../scan/scan';
import { cached, type Source } from '../source';
import { selectRows } from '../stat';
import { pickFilters, type AnalysisQuery } from './query';

/**
 * What a selection spans: how many runs, epochs and distinct questions its scored trajectories come from. A figure
 * that pools them says so from this ("pooled over 12 epochs"), and a count of (run, epoch, question) cells — the
 * question count of the summary — is labelled against the distinct questions ("1,440 question-epochs of 120
 * questions").
 */
export interface SelectionExtent {
  runs: number;
  epochs: number;
  /** The epochs, ascending. */
  epochIds: number[];
  /** Distinct `data_id`s, whichever runs and epochs they appear in. */
  questions: number;
}

const COLUMNS = ['training_id', 'epoch_id', 'data_id'] as const;

/** The extent of the selection the filters make (a pass over three resident columns, cached per table version). */
export function selectionExtent(source: Source, query: AnalysisQuery): Promise<SelectionExtent> {
  const filters = pickFilters(query);
  return cached(source, 'selection-extent', filters, async () => {
    const { scan, rows } = await selectRows(source, filters, COLUMNS);
    const training = strings(scan, 'training_id');
    const data = strings(scan, 'data_id');
    const epoch = ints(scan, 'epoch_id');
    const runs = new Uint8Array(training.values.length);
    const questions = new Uint8Array(data.values.length);
    const epochs = new Set<number>();
    for (const i of rows) {
      runs[training.codes[i]] = 1;
      questions[data.codes[i]] = 1;
      epochs.add(epoch[i]);
    }
    const epochIds = [...epochs].sort((a, b) => a - b);
    return {
      runs: runs.reduce((n, seen) => n + seen, 0),
      epochs: epochIds.length,
      epochIds,
      questions: questions.reduce((n, seen) => n + seen, 0),
    };
  });
}
