import { parseAnalysisQuery } from '../lib/analysis/query';
import { openSource } from '../lib/analysis/source';
import { runStat, statParams, type Stat } from '../lib/analysis/stat';
import { failureCases } from '../lib/analysis/failure-cases';
let n = 0;
async function main() {
  const source = await openSource({ uri: process.argv[2], readConsistencyInterval: 0 }, { columnCacheBytes: 2 ** 31 });
  const run = async (label: string, stat: Stat, p: Record<string, string>) => {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const params = new URLSearchParams({ ...p, reward_min: String(-1000 - ++n / 1024) });
      const q = parseAnalysisQuery(params, statParams(stat), { filters: true });
      const s = performance.now();
      await runStat(stat, q, source);
      times.push(performance.now() - s);
    }
    console.log(label.padEnd(40), times.map((t) => t.toFixed(1)).join(' '));
  };
  for (const offset of ['0', '10000', '100000']) await run('failures ' + offset, failureCases, { offset });
  for (const offset of ['0', '10000', '100000']) await run('failures sorted ' + offset, failureCases, { offset, sort: '-step_count' });
}
main().then(() => process.exit(0));
