import { Badge } from '@/components/ui/badge';
import { TextLink } from '@/components/ui/links';
import type { Headline } from '@/lib/chart-data/diff';

const TONE = { better: 'emerald', worse: 'rose', unclear: 'gray' } as const;

const TILE = 'min-w-0 rounded-md border border-tremor-border px-3 py-2 dark:border-dark-tremor-border';
const TILE_LABEL = 'text-xs text-tremor-content dark:text-dark-tremor-content';
const TILE_VALUE =
  'text-xl font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong';

/** The answer first: how many questions flipped each way, the mean change with its interval, and what it means. */
export function DiffHeadline({ headline }: { headline: Headline }) {
  return (
    <div className="space-y-3" data-testid="diff-headline">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        {headline.counts.map((count) => (
          <div key={count.key} className={TILE} data-testid={`diff-count-${count.key}`}>
            <dt className={TILE_LABEL}>{count.label}</dt>
            <dd className={TILE_VALUE}>
              {count.href ? (
                <TextLink href={count.href} title={`The trajectories of these questions on side b`}>
                  {count.value}
                </TextLink>
              ) : (
                count.value
              )}
            </dd>
          </div>
        ))}
        <div className={TILE}>
          <dt className={TILE_LABEL}>Δ success rate (b − a)</dt>
          <dd className={TILE_VALUE} data-testid="diff-delta">
            {headline.delta}
          </dd>
          {headline.ci ? (
            <dd className="text-xs tabular-nums text-tremor-content">95% CI {headline.ci}</dd>
          ) : null}
        </div>
        <div className={TILE}>
          <dt className={TILE_LABEL}>McNemar p (the flips)</dt>
          <dd className={TILE_VALUE} data-testid="diff-p">
            {headline.p}
          </dd>
        </div>
      </dl>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge color={TONE[headline.verdict.tone]}>
          {headline.verdict.tone === 'unclear' ? 'no clear change' : headline.verdict.tone}
        </Badge>
        <span data-testid="diff-verdict">{headline.verdict.text}.</span>
      </p>
      <p className="text-xs text-tremor-content dark:text-dark-tremor-content">{headline.coverage}.</p>
    </div>
  );
}
