import { TrainingsOverview } from '@/components/trainings/trainings-overview';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { byRecentActivity } from '@/lib/chart-data/recency';
import { trainingTrend } from '@/lib/chart-data/training-trend';

export const dynamic = 'force-dynamic';

/** Every training with its pass@1 trend, most recently active first, and when they were read. */
async function loadTrainings() {
  const source = await openSource();
  const { trainings } = await listTrainings(source);
  const defaults = parseAnalysisQuery({});
  const rows = byRecentActivity(
    await Promise.all(
      trainings.map(async (training) => ({
        training,
        trend: trainingTrend(
          (await epochList({ ...defaults, training_id: [training.training_id] }, source)).epochs,
        ),
      })),
    ),
  );
  return { trainingIds: trainings.map((t) => t.training_id), rows, readAt: Date.now() };
}

export default async function HomePage() {
  const { trainingIds, rows, readAt } = await loadTrainings();
  return <TrainingsOverview rows={rows} trainingIds={trainingIds} now={readAt} />;
}
