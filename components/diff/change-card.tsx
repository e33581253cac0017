import { Card } from '@/components/ui/card';
import type { ChangeTables } from '@/lib/chart-data/diff';
import { formatInteger } from '@/lib/chart-data/format';
import { ChangeTable } from './change-table';

export interface ChangeCardProps {
  tables: ChangeTables;
  a: string;
  b: string;
}

/** What changed from side a to side b in the trajectories of the questions that flipped one way. */
export function ChangeCard({ tables, a, b }: ChangeCardProps) {
  const subtitle =
    tables.questions === 0
      ? 'None'
      : `${formatInteger(tables.questions)} question${tables.questions === 1 ? '' : 's'}: their trajectories on each side (each figure opens them)`;
  return (
    <Card title={tables.title} subtitle={subtitle} testId={`card-diff-${tables.direction}`}>
      {tables.questions === 0 ? null : (
        <div className="space-y-4">
          <ChangeTable caption="Per trajectory" a={a} b={b} rows={tables.figures} testId="diff-figures" />
          <ChangeTable caption="Termination" a={a} b={b} rows={tables.termination} />
          <ChangeTable caption="Tool calls" a={a} b={b} rows={tables.tools} testId="diff-tools" />
          <ChangeTable caption="Error (failed calls)" a={a} b={b} rows={tables.errors} wrapLabels />
          {tables.moreErrors > 0 ? (
            <p className="text-xs text-tremor-content">
              and {formatInteger(tables.moreErrors)} more error messages
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
