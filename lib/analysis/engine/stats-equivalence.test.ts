import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConfig } from '../../db';
import { loadFixture, loadTauBench, tempDb } from '../../test-support/fixture';
import { caseSubjects, statCases, type StatCase } from '../../test-support/stat-cases';
import { parseAnalysisQuery } from '../filters/query';
import { clearResultCache, openSource, type Source } from '../source';
import { runStat, statParams, type Stat } from '../stat';
import { STATS } from '../stats';

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
  given: { training?: string; other?: string; tool?: string };
  /** Whether the data has two trainings, so that every registered stat has cases. */
  everyStat: boolean;
}

const DATASETS: Dataset[] = [
  {
    name: 'the fixture',
    load: loadFixture,
    given: { training: 'alpha', other: 'beta', tool: 'search' },
    everyStat: true,
  },
  { name: 'tau-bench', load: loadTauBench, given: {}, everyStat: false },
];

describe.each(DATASETS)(
  'every registered stat gives the same figures from resident columns as from scans: $name',
  ({ load, given, everyStat }) => {
    const db = tempDb();
    let resident: Source;
    let scanned: Source;
    let cases: Record<string, StatCase[]> = {};
    beforeAll(async () => {
      await load(db.config);
      resident = await openSource(db.config);
      scanned = await openSource(db.config, { columnCacheBytes: 0 });
      cases = statCases(await caseSubjects(scanned, given));
    });
    afterAll(() => db.cleanup());

    it('holds the table in memory (and the other source does not)', () => {
      expect(resident.resident).toBeDefined();
      expect(scanned.resident).toBeUndefined();
    });

    it('has cases for every registered stat, and no case for an unregistered one', () => {
      const registered = STATS.map((stat) => stat.spec.name);
      expect(Object.keys(cases).sort()).toEqual([...registered].sort());
      const without = registered.filter((name) => cases[name].length === 0);
      if (everyStat) expect(without).toEqual([]);
      else
        expect(without.every((name) => STATS.find((s) => s.spec.name === name)?.spec.trainingsParam)).toBe(
          true,
        );
    });

    it.each(STATS.map((stat) => [stat.spec.name, stat] as const))('%s', async (name, stat) => {
      for (const [label, params] of cases[name]) {
        const { fromMemory, fromScans } = await both(stat, params, resident, scanned);
        expect(fromMemory, label).toEqual(fromScans);
      }
    });
  },
);
