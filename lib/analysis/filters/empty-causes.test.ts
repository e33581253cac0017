import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { openSource, type Source } from '../source';
import { emptyCauses } from './empty-causes';
import { selectionExtent } from './extent';
import { parseAnalysisQuery } from './query';

/** Run `a`: epochs 0 and 1, rewards 0, 0.5 and 1 (the 1 in epoch 1 only); run `b`: one reward of 0. */
const RECORDS = [
  { training_id: 'a', epoch_id: 0, data_id: 'q1', reward: 0, termination_reason: 'timeout' },
  { training_id: 'a', epoch_id: 0, data_id: 'q2', reward: 0.5, termination_reason: 'success' },
  { training_id: 'a', epoch_id: 1, data_id: 'q1', reward: 1, termination_reason: 'success' },
  { training_id: 'b', epoch_id: 0, data_id: 'q1', reward: 0, termination_reason: 'timeout' },
].map((record, i) => ({ ...record, sample_id: i, steps: [{ action: 'respond', content: 'ok' }] }));

describe('emptyCauses names the filters that alone empty a selection', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const summary = await ingestText(RECORDS.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  const causes = (search: string) => emptyCauses(source, parseAnalysisQuery(new URLSearchParams(search)));

  it('one filter: re-counted without it', async () => {
    // Run b has no reward ≥ 1; without that filter its one trajectory is back. The run is kept, never a cause.
    expect(await causes('training_id=b&reward_min=1')).toEqual({
      active: ['reward_min'],
      causes: [{ key: 'reward_min', without: 1 }],
    });
  });

  it('the failures default, applied by the caller, is a cause like any other bound', async () => {
    // reward ≥ 1 and reward ≤ 0.5: each alone leaves rows (1 with reward 1; 2 at or below 0.5).
    const failing = {
      ...parseAnalysisQuery(new URLSearchParams('training_id=a&reward_min=1')),
      reward_max: 0.5,
    };
    expect(await emptyCauses(source, failing)).toEqual({
      active: ['reward_min', 'reward_max'],
      causes: [
        { key: 'reward_min', without: 2 },
        { key: 'reward_max', without: 1 },
      ],
    });
  });

  it('every filter alone, when removing either brings rows back', async () => {
    // Epoch 0 of run a has no reward ≥ 1 (epoch 1 has one); reward ≥ 1 with epoch 0: without the epoch 1 row, without
    // the reward bound 2 rows.
    expect(await causes('training_id=a&epoch_id=0&reward_min=1')).toEqual({
      active: ['epoch_id', 'reward_min'],
      causes: [
        { key: 'epoch_id', without: 1 },
        { key: 'reward_min', without: 2 },
      ],
    });
  });

  it('none alone: only the filters together empty it', async () => {
    // Run b: reward ≥ 0.5 and termination success each empty it alone, so removing one still leaves the other.
    expect(await causes('training_id=b&reward_min=0.5&termination_reason=success')).toEqual({
      active: ['reward_min', 'termination_reason'],
      causes: [],
    });
  });

  it('a lifted bound narrows nothing, so it is never named', async () => {
    expect(await causes('training_id=b&reward_min=1&reward_max=any')).toEqual({
      active: ['reward_min'],
      causes: [{ key: 'reward_min', without: 1 }],
    });
  });
});

describe('selectionExtent says what a selection spans', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const summary = await ingestText(RECORDS.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  const extent = (search: string) => selectionExtent(source, parseAnalysisQuery(new URLSearchParams(search)));

  it('counts runs, epochs and distinct questions, whichever run and epoch a question appears in', async () => {
    // Run a: q1 in epochs 0 and 1, q2 in epoch 0 (3 question-epochs of 2 questions).
    expect(await extent('training_id=a')).toEqual({ runs: 1, epochs: 2, epochIds: [0, 1], questions: 2 });
    expect(await extent('')).toEqual({ runs: 2, epochs: 2, epochIds: [0, 1], questions: 2 });
    expect(await extent('training_id=a&epoch_id=1')).toEqual({
      runs: 1,
      epochs: 1,
      epochIds: [1],
      questions: 1,
    });
    expect(await extent('reward_min=2')).toEqual({ runs: 0, epochs: 0, epochIds: [], questions: 0 });
  });
});
