import type { Stat } from '../stat';
import { diff } from './diff';
import { epochList } from './epoch-list';
import { epochProgression } from './epoch-progression';
import { failureCases } from './failure-cases';
import { failureSignatures } from './failure-signatures';
import { groupDetail } from './group-detail';
import { groupZeroVariance } from './group-zero-variance';
import { processRewardCorrelation } from './process-reward-correlation';
import { questionAcrossRuns } from './question-across-runs';
import { questionDisagreement } from './question-disagreement';
import { questionLearning } from './question-learning';
import { rewardCategoryStats } from './reward-category-stats';
import { rewardHistogram } from './reward-histogram';
import { runAlerts } from './run-alerts';
import { runHealth } from './run-health';
import { trainerMetrics } from './trainer-metrics';
import { summary } from './summary';
import { terminationStats } from './termination-stats';
import { toolReturnStats } from './tool-return-stats';
import { trainingComparison } from './training-comparison';
import { trainingList } from './training-list';
import { unexpectedToolContexts } from './unexpected-tool-contexts';

/**
 * Every statistic the API serves, in the order the API docs list them. Each has a route at
 * app/api/analysis-stats/<name>/route.ts; the docs, the route tests and the engine-versus-scan parity test iterate
 * this list, and a test fails when a stat and a route directory do not match one to one.
 */
export const STATS: readonly Stat[] = [
  trainingList,
  epochList,
  epochProgression,
  trainingComparison,
  summary,
  terminationStats,
  rewardCategoryStats,
  rewardHistogram,
  trainerMetrics,
  toolReturnStats,
  processRewardCorrelation,
  failureCases,
  failureSignatures,
  unexpectedToolContexts,
  questionLearning,
  groupDetail,
  groupZeroVariance,
  questionAcrossRuns,
  questionDisagreement,
  diff,
  runHealth,
  runAlerts,
];

/** The registered stat of a name (throws for an unknown one: a typo in a test or a doc list). */
export function statNamed(name: string): Stat {
  const stat = STATS.find((s) => s.spec.name === name);
  if (!stat) throw new Error(`no statistic is registered as "${name}"`);
  return stat;
}
