import { formatInteger } from '@/lib/chart-data/format';
import { FAILURES_REWARD_MAX, filterChangeHref, type DashboardParams } from '@/lib/search-params';
import { TextLink } from '../ui/links';

export interface FailureScopeProps {
  params: DashboardParams;
  /** Trajectories the list holds (every page). */
  total: number;
  pathname?: string;
}

/**
 * What the list above the failure table holds, said in words: the failures (reward ≤ 0.5, the tab's default), a bound
 * of the URL's own, or every trajectory; and the one link to the other list.
 */
export function FailureScope({ params, total, pathname }: FailureScopeProps) {
  const max = params.reward_max;
  const lifted = max !== null && !Number.isFinite(max);
  const count = `${formatInteger(total)} ${total === 1 ? 'trajectory' : 'trajectories'}`;
  const text =
    max === null
      ? `${count} with reward ≤ ${FAILURES_REWARD_MAX} (the failures default)`
      : lifted
        ? `${count}, every reward`
        : `${count} with reward ≤ ${max}`;
  return (
    // A span: it stands in a card's subtitle, itself a paragraph.
    <span data-testid="failure-scope" className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span>{text}</span>
      {lifted ? (
        <TextLink
          href={filterChangeHref(params, { reward_max: null }, pathname)}
          scroll={false}
          data-testid="failures-only-link"
          className="font-medium"
        >
          Only failures (reward ≤ {FAILURES_REWARD_MAX})
        </TextLink>
      ) : (
        <TextLink
          href={filterChangeHref(params, { reward_max: Infinity }, pathname)}
          scroll={false}
          data-testid="all-trajectories-link"
          className="font-medium"
        >
          All trajectories →
        </TextLink>
      )}
    </span>
  );
}
