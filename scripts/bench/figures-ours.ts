import { passK, type Figure, type FigureMethod, type FigureValues, type Scope } from './figures';
import { callRoute, neverAskedFilter, neverAskedRowFilter } from './routes';

interface Grouped<R> {
  groups: Record<string, R>;
}
interface SummaryGroup {
  avg_reward: number | null;
  pass_at_1: number | null;
  pass_at_k: number | null;
}
interface TerminationGroup {
  termination_stats: Record<string, { count: number; ratio: number }>;
}

/** This dashboard's API: `summary` and `termination-stats` grouped by epoch, each asked with a never-seen filter. */
export function oursMethod(): FigureMethod {
  return {
    name: 'ours',
    async compute(figure: Figure, scope: Scope): Promise<FigureValues> {
      const params = new URLSearchParams({ group_by: 'epoch_id' });
      const filter = () =>
        scope.rewardMin === null ? neverAskedFilter() : neverAskedRowFilter(scope.rewardMin);
      if (scope.trainingId !== null) params.set('training_id', scope.trainingId);
      const out: FigureValues = new Map();
      if (figure === 'termination_mix') {
        const body = (await callRoute(
          'termination-stats',
          `${params}&${filter()}`,
        )) as Grouped<TerminationGroup>;
        for (const [epoch, group] of Object.entries(body.groups)) {
          for (const [reason, { ratio }] of Object.entries(group.termination_stats))
            out.set(`${epoch}|${reason}`, ratio);
        }
        return out;
      }
      params.set('k', String(passK('pass_at_4')));
      const body = (await callRoute('summary', `${params}&${filter()}`)) as Grouped<SummaryGroup>;
      for (const [epoch, group] of Object.entries(body.groups)) {
        const value =
          figure === 'avg_reward'
            ? group.avg_reward
            : figure === 'pass_at_1'
              ? group.pass_at_1
              : group.pass_at_k;
        if (value !== null) out.set(epoch, value);
      }
      return out;
    },
  };
}
