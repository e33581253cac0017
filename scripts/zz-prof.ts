import { parseAnalysisQuery } from '../lib/analysis/query';
import { openSource } from '../lib/analysis/source';
import { runStat, statParams, type Stat } from '../lib/analysis/stat';
import { summary } from '../lib/analysis/summary';
import { terminationStats } from '../lib/analysis/termination-stats';
import { epochProgression } from '../lib/analysis/epoch-progression';
import { processRewardCorrelation } from '../lib/analysis/process-reward-correlation';
let n = 0;
async function main() {
  const t0 = performance.now();
  const source = await openSource({ uri: process.argv[2], readConsistencyInterval: 0 }, { columnCacheBytes: 2 ** 31 });
  const run = async (label: string, stat: Stat, p: Record<string, string>) => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const params = new URLSearchParams({ ...p, reward_min: String(-1000 - ++n / 1024) });
      const q = parseAnalysisQuery(params, statParams(stat), { filters: true });
      const s = performance.now();
      await runStat(stat, q, source);
      times.push(performance.now() - s);
    }
    console.log(label.padEnd(40), times.map((t) => t.toFixed(1)).join(' '));
  };
  await run('warm-up summary', summary, {});
  console.log('open+first', (performance.now() - t0).toFixed(0));
  await run('summary one run by epoch', summary, { training_id: 'grpo-baseline', group_by: 'epoch_id', k: '4' });
  await run('summary all by epoch', summary, { group_by: 'epoch_id', k: '4' });
  await run('termination all by epoch', terminationStats, { group_by: 'epoch_id' });
  await run('termination one by epoch', terminationStats, { training_id: 'grpo-baseline', group_by: 'epoch_id' });
  await run('epoch-progression', epochProgression, { training_id: 'grpo-baseline' });
  await run('correlation', processRewardCorrelation, {});
}
main().then(() => process.exit(0));
