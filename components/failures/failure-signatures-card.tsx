import type { FailureSignatures, SignatureTrend } from '@/lib/analysis/stats/failure-signatures';
import { signatureList, type SignatureRow } from '@/lib/chart-data/failure-signatures';
import { formatInteger, formatPercent } from '@/lib/chart-data/format';
import { sparklineGeometry } from '@/lib/chart-data/sparkline';
import type { DashboardParams } from '@/lib/search-params';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { ChipLink, TextLink } from '../ui/links';

export interface FailureSignaturesCardProps {
  result: FailureSignatures;
  params: DashboardParams;
  /** Which trajectories the figures are over, in words ("trajectories with reward ≤ 0.5"). */
  scope: string;
}

const BOX = { width: 72, height: 22, pad: 2 };

/** The line of a sparkline in its trend's colour (class names written out for Tailwind). */
const LINE: Record<SignatureTrend, string> = {
  new: 'stroke-rose-600 dark:stroke-rose-400',
  growing: 'stroke-orange-600 dark:stroke-orange-400',
  shrinking: 'stroke-emerald-600 dark:stroke-emerald-400',
  gone: 'stroke-teal-600 dark:stroke-teal-400',
  steady: 'stroke-slate-500 dark:stroke-slate-400',
};

const DOT: Record<SignatureTrend, string> = {
  new: 'fill-rose-600 dark:fill-rose-400',
  growing: 'fill-orange-600 dark:fill-orange-400',
  shrinking: 'fill-emerald-600 dark:fill-emerald-400',
  gone: 'fill-teal-600 dark:fill-teal-400',
  steady: 'fill-slate-500 dark:fill-slate-400',
};

/** The signature's rate per trajectory by epoch, its peak at the top (a plain SVG drawn on the server). */
function RateSparkline({ row }: { row: SignatureRow }) {
  const { path, points } = sparklineGeometry(row.points, BOX);
  if (points.length === 0) return null;
  const last = points.at(-1)!;
  const label = `Rate per trajectory by epoch, peak ${row.peakRate.toFixed(3)} (top of the line); ${row.trendWord}`;
  return (
    <svg
      role="img"
      aria-label={label}
      width={BOX.width}
      height={BOX.height}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      className="shrink-0 overflow-visible"
      data-testid="signature-sparkline"
    >
      <title>{label}</title>
      <line
        x1={0}
        x2={BOX.width}
        y1={BOX.height - BOX.pad}
        y2={BOX.height - BOX.pad}
        className="stroke-gray-200 dark:stroke-gray-700"
        strokeWidth={1}
      />
      <path d={path} fill="none" strokeWidth={1.5} strokeLinejoin="round" className={LINE[row.trend]} />
      <circle cx={last.x} cy={last.y} r={2} className={DOT[row.trend]} />
    </svg>
  );
}

function SignatureItem({ row }: { row: SignatureRow }) {
  const signature = <span title={row.signature}>{row.label}</span>;
  return (
    <li
      data-testid="signature-row"
      data-trend={row.trend}
      aria-current={row.active ? 'true' : undefined}
      className={`border-b border-tremor-border py-2 last:border-b-0 dark:border-dark-tremor-border ${row.active ? 'bg-tremor-brand-faint dark:bg-dark-tremor-brand-faint' : ''}`}
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="break-words font-mono text-xs leading-5">
            {row.href ? (
              <TextLink href={row.href} scroll={false} data-testid="signature-link">
                {signature}
              </TextLink>
            ) : (
              signature
            )}
          </p>
          {row.example !== null && row.example !== row.signature ? (
            <p
              className="mt-0.5 line-clamp-2 break-words text-xs text-tremor-content dark:text-dark-tremor-content"
              data-testid="signature-example"
            >
              e.g. {row.example === '' ? '(empty)' : row.example}
            </p>
          ) : null}
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
            <Badge color={row.trendColor} title={row.trendWord}>
              {row.trend}
            </Badge>
            <span>since epoch {row.firstEpoch}</span>
            {row.tools.map((tool) => (
              <span key={tool} className="break-all">
                {tool}
              </span>
            ))}
            {row.href === null && row.exampleHrefs.length > 1 ? (
              <span className="flex gap-1" data-testid="signature-examples">
                trajectories
                {row.exampleHrefs.map((href, i) => (
                  <TextLink key={href} href={href} className="tabular-nums">
                    {i + 1}
                  </TextLink>
                ))}
              </span>
            ) : row.exampleHref ? (
              <TextLink href={row.exampleHref} data-testid="signature-example-link">
                example →
              </TextLink>
            ) : null}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <span className="text-xs font-medium tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {row.countText}
          </span>
          <RateSparkline row={row} />
        </div>
      </div>
    </li>
  );
}

/**
 * Failures grouped by signature (the fingerprint of the error message, or of the final answer), most common first:
 * count and share, trend badge, a sparkline of the rate per trajectory by epoch; a tool-error signature links to the
 * failure list narrowed by it (`signature=`). Every text is rendered as text.
 */
export function FailureSignaturesCard({ result, params, scope }: FailureSignaturesCardProps) {
  const list = signatureList(result, params);
  const answers = result.signature_of === 'final_answers';
  return (
    <Card
      title="Failure signatures"
      subtitle={`${list.summary}, ${scope}`}
      testId="card-failure-signatures"
      actions={
        <nav aria-label="What the signatures group" className="flex gap-1 text-xs">
          {list.modes.map((mode) => (
            <ChipLink
              key={mode.label}
              href={mode.href}
              active={mode.active}
              scroll={false}
              aria-current={mode.active ? 'true' : undefined}
            >
              {mode.label}
            </ChipLink>
          ))}
        </nav>
      }
    >
      {list.rows.length === 0 ? (
        <EmptyState
          title={answers ? 'No failed trajectories' : 'No failed tool calls'}
          body={
            answers
              ? 'No trajectory of this selection has a reward at or below the success threshold.'
              : 'No tool call of this selection failed.'
          }
        />
      ) : (
        <ol className="-my-2">
          {list.rows.map((row) => (
            <SignatureItem key={row.signature} row={row} />
          ))}
        </ol>
      )}
      {list.hidden > 0 ? (
        <p className="pt-2 text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          and {formatInteger(list.hidden)} rarer {list.hidden === 1 ? 'signature' : 'signatures'} (
          {formatPercent(list.hiddenShare, 0)} of the failures)
        </p>
      ) : null}
    </Card>
  );
}
