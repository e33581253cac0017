import type { DetectorCardView } from '@/lib/chart-data/run-health';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { HEALTH_COLORS } from '@/lib/chart-data/run-health';
import { HealthChart } from './health-chart';

function LevelBadge({ card }: { card: DetectorCardView }) {
  if (card.level === 'ok' || card.level === 'unknown') return <Badge color="emerald">ok</Badge>;
  return (
    <Badge color={HEALTH_COLORS[card.level]} title={`${card.alerts} alert${card.alerts === 1 ? '' : 's'}`}>
      {card.level} · {card.alerts}
    </Badge>
  );
}

/** One detector: its rule, its figure per epoch against the baseline, where it fired, and what it did not judge. */
export function DetectorCard({ card }: { card: DetectorCardView }) {
  return (
    <Card
      title={card.title}
      subtitle={card.rule}
      actions={<LevelBadge card={card} />}
      testId={`card-health-${card.id}`}
    >
      {card.empty ? (
        <p className="text-sm text-tremor-content dark:text-dark-tremor-content">
          Nothing to measure in this run (it logs none of what this rule reads), so it never fires.
        </p>
      ) : (
        <div className="space-y-4">
          {card.charts.map((chart) => (
            <div key={chart.key} className="min-w-0 space-y-1">
              <h3 className="text-xs font-medium text-tremor-content-emphasis first-letter:uppercase dark:text-dark-tremor-content-emphasis">
                {chart.label}
              </h3>
              {chart.rows.some((r) => r.value !== null) ? (
                <HealthChart rows={chart.rows} format={chart.format} label={`${chart.label} by epoch`} />
              ) : null}
              {chart.notJudged ? (
                <p
                  data-testid="health-not-judged"
                  className="text-xs text-tremor-content dark:text-dark-tremor-content"
                >
                  {chart.notJudged}
                </p>
              ) : null}
            </div>
          ))}
          {card.omitted.length > 0 ? (
            <p className="text-xs text-tremor-content dark:text-dark-tremor-content">
              {card.omittedFired ? 'Not drawn' : 'Not drawn, within their baseline'}:{' '}
              {card.omitted.join('; ')}.
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
