import { describe, expect, it } from 'vitest';
import * as metrics from '@/lib/analysis/metrics';

describe('metrics index', () => {
  it('re-exports every metric', () => {
    for (const name of [
      'passAtK',
      'passHatK',
      'meanPassAtK',
      'bootstrapMeanCI',
      'pearson',
      'spearman',
      'rank',
      'correlationPValue',
      'downsample',
      'rewardCategory',
      'countsToRatios',
      'mulberry32',
      'randomInt',
    ] as const) {
      expect(typeof metrics[name]).toBe('function');
    }
    expect(metrics.REWARD_CATEGORIES).toHaveLength(3);
  });
});
