import { parseAnalysisQuery } from '../lib/analysis/query';
import { openSource } from '../lib/analysis/source';
import { runStat, statParams, type Stat } from '../lib/analysis/stat';
import { summary } from '../lib/analysis/summary';
let n = 0;
async function main() {
  const source = await openSource({ uri: process.argv[2], readConsistencyInterval: 0 }, { columnCacheBytes: 2 ** 31 });
  const p0 = JSON.parse(process.argv[3]);
  const run = async (stat: Stat, p: Record<string, string>) => {
      const params = new URLSearchParams({ ...p, reward_min: String(-0.15 + ++n / 1e7) });
      const q = parseAnalysisQuery(params, statParams(stat), { filters: true });
      const s = performance.now();
      await runStat(stat, q, source);
      return performance.now() - s;
  };
  await run(summary, p0);
  const times = [];
  for (let i = 0; i < 20; i++) times.push(await run(summary, p0));
  times.sort((a,b)=>a-b);
  console.log('median', times[10].toFixed(1), 'min', times[0].toFixed(1));
}
main().then(() => process.exit(0));
