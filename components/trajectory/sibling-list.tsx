import Link from 'next/link';
import type { SiblingSample } from '@/lib/analysis/records/trajectory';
import { formatTrajectoryReward } from '@/lib/chart-data/format';
import { TerminationBadge } from '../ui/badge';
import { compareHref, trajectoryHref } from '@/lib/search-params';

export interface SiblingListProps {
  siblings: SiblingSample[];
  /** The trajectory on show, marked rather than linked. */
  currentId: string;
  /** The search marked on the page, carried to the other samples. */
  q?: string | null;
}

/**
 * The other samples of the same question in the same epoch: did any attempt succeed? Each one can be opened, or set
 * side by side with the one on show ("compare").
 */
export function SiblingList({ siblings, currentId, q = null }: SiblingListProps) {
  return (
    <ul
      aria-label="Samples of the same question"
      className="divide-y divide-tremor-border text-xs dark:divide-dark-tremor-border"
    >
      {siblings.map((sibling) => {
        const current = sibling.trajectory_id === currentId;
        const label = `sample ${sibling.sample_id}`;
        return (
          <li key={sibling.trajectory_id} className="flex items-center gap-2 py-1.5">
            {current ? (
              <span
                aria-current="page"
                className="w-24 shrink-0 font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
              >
                {label} (this)
              </span>
            ) : (
              <Link
                prefetch={false}
                href={trajectoryHref(sibling.trajectory_id, q)}
                className="w-24 shrink-0 text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
              >
                {label}
              </Link>
            )}
            <span className="w-12 shrink-0 text-right tabular-nums">
              {formatTrajectoryReward(sibling.reward)}
            </span>
            <TerminationBadge reason={sibling.termination_reason} />
            {current ? null : (
              <Link
                prefetch={false}
                href={compareHref(currentId, sibling.trajectory_id)}
                title={`${label} side by side with this one`}
                className="ml-auto whitespace-nowrap font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
              >
                compare
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
