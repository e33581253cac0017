import { afterEach, describe, expect, it } from 'vitest';
import { setWarming, warmupNote, warmupProgress, warmupRunning } from './warmup-state';

afterEach(() => {
  setWarming('data', false);
  setWarming('pages', false);
});

describe('warm-up state', () => {
  it('is over when no part runs', () => {
    expect(warmupRunning()).toBe(false);
    expect(warmupProgress()).toBeNull();
    expect(warmupNote()).toBeNull();
  });

  it('says which parts run, since the first of them began', () => {
    setWarming('data', true, 1_000);
    expect(warmupProgress(41_000)).toEqual({ parts: ['data'], seconds: 40 });
    expect(warmupNote(41_000)).toBe(
      'The server is still warming up (loading the table’s columns and first answers, 40 s so far): ' +
        'the first pages take longer.',
    );
    setWarming('pages', true, 31_000);
    setWarming('data', true, 35_000); // already running: keeps its start
    expect(warmupProgress(41_000)).toEqual({ parts: ['data', 'pages'], seconds: 40 });
    setWarming('data', false);
    expect(warmupProgress(211_000)).toEqual({ parts: ['pages'], seconds: 180 });
    expect(warmupNote(211_000)).toContain('(rendering each tab once, 3 min so far)');
  });
});
