import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConfig } from '../../db';
import { loadFixture, loadTauBench, tempDb } from '../../test-support/fixture';
import { epochList } from '../stats/epoch-list';
import { epochProgression } from '../stats/epoch-progression';
import { failureCases } from '../stats/failure-cases';
import { processRewardCorrelation } from '../stats/process-reward-correlation';
import { parseAnalysisQuery } from '../filters/query';
import { rewardCategoryStats } from '../stats/reward-category-stats';
import { clearResultCache, openSource, type Source } from '../source';
import { runStat, statParams, type Stat } from '../stat';
import { summary } from '../stats/summary';
import { terminationStats } from '../stats/termination-stats';
import { toolReturnStats } from '../stats/tool-return-stats';
import { trainingComparison } from '../stats/training-comparison';
import { trainingList } from '../stats/training-list';
import { unexpectedToolContexts } from '../stats/unexpected-tool-contexts';

type Case = [string, Stat, Record<string, string>];

/** Every stat, with filters of every kind, as the API would be asked. */
function cases(training: string, other: string | null, tool: string): Case[] {
  const filtered = { training_id: training, tool_failed: 'any', reward_max: '0.5' };
  return [
    ['summary', summary, {}],
    ['summary per epoch of one training', summary, { training_id: training, group_by: 'epoch_id' }],
    ['summary per training, text search', summary, { group_by: 'training_id', q: 'a' }],
    ['summary with tool filters', summary, { tools_any: tool, tools_none: 'nope', tool_calls_min: '1' }],
    ['termination stats', terminationStats, {}],
    ['termination stats, filtered', terminationStats, filtered],
    ['reward categories per epoch', rewardCategoryStats, { group_by: 'epoch_id' }],
    ['tool return stats', toolReturnStats, {}],
    ['tool return stats, filtered', toolReturnStats, { ...filtered, tools_all: tool }],
    ['process reward correlation', processRewardCorrelation, {}],
    ['epoch list', epochList, { training_id: training }],
    ['epoch progression', epochProgression, { training_id: training }],
    ['epoch progression, epochs ≥ 1', epochProgression, { training_id: training, epoch_min: '1' }],
    ['failure cases', failureCases, {}],
    [
      'failure cases by -step_count, second page',
      failureCases,
      { sort: '-step_count', offset: '2', limit: '3' },
    ],
    ['failure cases by epoch, filtered', failureCases, { ...filtered, sort: 'epoch_id' }],
    ['training list', trainingList, {}],
    ['unexpected tool contexts', unexpectedToolContexts, {}],
    ['unexpected tool contexts of one tool', unexpectedToolContexts, { tool, limit: '5', offset: '1' }],
    ...(other
      ? ([['training comparison', trainingComparison, { training_ids: `${training},${other}` }]] as Case[])
      : []),
  ];
}

async function both(stat: Stat, params: Record<string, string>, resident: Source, scanned: Source) {
  const query = parseAnalysisQuery(new URLSearchParams(params), statParams(stat), {
    filters: stat.spec.filters !== false,
  });
  clearResultCache();
  const fromMemory = await runStat(stat, query, resident);
  clearResultCache();
  const fromScans = await runStat(stat, query, scanned);
  return { fromMemory, fromScans };
}

interface Dataset {
  name: string;
  load: (config: DbConfig) => Promise<void>;
  /** Training, second training and tool to ask about; the first ones in the data when not given. */
  given: [string | null, string | null, string | null];
}

const DATASETS: Dataset[] = [
  { name: 'the fixture', load: loadFixture, given: ['alpha', 'beta', 'search'] },
  { name: 'tau-bench', load: loadTauBench, given: [null, null, null] },
];

describe.each(DATASETS)(
  'every stat gives the same figures from resident columns as from scans: $name',
  ({ load, given }) => {
    const db = tempDb();
    let resident: Source;
    let scanned: Source;
    let all: Case[] = [];
    beforeAll(async () => {
      await load(db.config);
      resident = await openSource(db.config);
      scanned = await openSource(db.config, { columnCacheBytes: 0 });
      const trainings = (
        await trainingList(parseAnalysisQuery(new URLSearchParams(), [], { filters: false }), scanned)
      ).trainings;
      const tools = await toolReturnStats(parseAnalysisQuery(new URLSearchParams()), scanned);
      const [training, other, tool] = [
        given[0] ?? trainings[0].training_id,
        given[1] ?? trainings[1]?.training_id ?? null,
        given[2] ?? tools.tools[0].tool,
      ];
      all = cases(training!, other, tool!);
    });
    afterAll(() => db.cleanup());

    it('holds the table in memory (and the other source does not)', () => {
      expect(resident.resident).toBeDefined();
      expect(scanned.resident).toBeUndefined();
    });

    it('for every stat and filter kind', async () => {
      expect(all.length).toBeGreaterThan(15);
      for (const [label, stat, params] of all) {
        const { fromMemory, fromScans } = await both(stat, params, resident, scanned);
        expect(fromMemory, label).toEqual(fromScans);
      }
    });
  },
);
