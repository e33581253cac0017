import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TabNav } from '@/components/analysis/tab-nav';
import { FilterBar } from '@/components/filters/filter-bar';
import { SearchScopeNote } from '@/components/filters/search-scope-note';
import { UnscoredNote } from '@/components/filters/unscored-note';
import { UnscoredList } from '@/components/analysis/unscored-list';
import { unscoredTrajectories } from '@/lib/analysis/records/unscored';
import { searchScope } from '@/lib/analysis/search/step-search';
import { BadLink } from '@/components/ui/bad-link';
import { NoDataYet } from '@/components/ui/empty-state';
import { EmptyExplanation, explainEmpty } from '@/components/filters/empty-explanation';
import { emptyCauses } from '@/lib/analysis/filters/empty-causes';
import { Stack } from '@/components/ui/layout';
import { countMatching } from '@/lib/analysis/filters/count-matching';
import { AnalysisError } from '@/lib/analysis/errors';
import { filterOptions } from '@/lib/analysis/filters/filter-options';
import { pickFilters, type AnalysisQuery } from '@/lib/analysis/filters/query';
import { parsePageQuery } from '@/lib/params/page-query';
import { openSource, type Source } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { latestTraining } from '@/lib/chart-data/latest-training';
import { alertRun } from '@/lib/chart-data/run-health';
import {
  dashboardHref,
  loadDashboard,
  PAGE_KEYS,
  resetFiltersHref,
  type DashboardParams,
} from '@/lib/search-params';
import { ComparisonTab } from './_tabs/comparison-tab';
import { FailuresTab } from './_tabs/failures-tab';
import { HealthTab } from './_tabs/health-tab';
import { OverviewTab } from './_tabs/overview-tab';
import { ProgressTab } from './_tabs/progress-tab';
import { QuestionsTab } from './_tabs/questions-tab';
import { ToolContextsTab } from './_tabs/tool-contexts-tab';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Analysis · RL Trajectory Dashboard' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AnalysisPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const params = loadDashboard(raw);
  let query: AnalysisQuery;
  try {
    // A key the page does not read (utm_source=slack) is ignored; a bad value of one it reads is a bad link.
    query = parsePageQuery(raw, PAGE_KEYS);
  } catch (error) {
    if (error instanceof AnalysisError) return <DashboardBadLink params={params} error={error} />;
    throw error;
  }
  const source = await openSource();
  const list = (await listTrainings(source)).trainings;
  const trainings = list.map((t) => t.training_id);
  if (trainings.length === 0) return <NoDataYet />;
  // Pooling every run and epoch is never what a morning check wants: show the latest run, under its explicit URL.
  // A link to an alert without its run (`alert=` alone) opens the alert's run.
  const latest =
    (params.alert !== null ? alertRun(params.alert, trainings) : undefined) ?? latestTraining(list);
  if (query.training_id === undefined && params.tab !== 'comparison' && latest !== undefined)
    redirect(dashboardHref(params, { training_id: [latest] }));
  for (const param of ['training_id', 'training_ids'] as const) {
    const unknown = query[param]?.find((id) => !trainings.includes(id));
    if (unknown !== undefined)
      return (
        <DashboardBadLink
          params={params}
          error={new AnalysisError(`unknown training "${unknown}"`, param, 404)}
        />
      );
  }

  const options = await filterOptions(source, query);
  const scope = await searchScope(source, pickFilters(query));
  const tab = params.tab;
  const [scored, unscored] = await Promise.all([
    countMatching(source, query),
    countMatching(source, query, 'unscored'),
  ]);
  return (
    <Stack>
      <FilterBar options={{ trainings, ...options }} hideTraining={tab === 'comparison'} />
      {scope === 'question-and-id' ? <SearchScopeNote /> : null}
      {/* The comparison picks its runs apart from the training filter, which it hides: a count of those would mislead. */}
      {unscored > 0 && tab !== 'comparison' ? <UnscoredNote unscored={unscored} scored={scored} /> : null}
      <TabNav params={params} />
      <TabContent
        tab={tab}
        query={query}
        source={source}
        params={params}
        trainings={trainings}
        scored={scored}
        unscored={unscored}
      />
    </Stack>
  );
}

interface TabContentProps {
  tab: DashboardParams['tab'];
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
  trainings: string[];
  /** Trajectories the filters select that have no score (the note above says so). */
  unscored: number;
  /** Trajectories the filters select that have a score. */
  scored: number;
}

async function TabContent({ tab, query, source, params, trainings, scored, unscored }: TabContentProps) {
  if (tab === 'comparison') return <ComparisonTab query={query} source={source} trainings={trainings} />;
  if (scored === 0)
    return unscored > 0 ? (
      <UnscoredList trajectories={await unscoredTrajectories(source, query)} total={unscored} />
    ) : (
      // Say which filter emptied the view: counted again without each one.
      <EmptyExplanation explained={explainEmpty(await emptyCauses(source, query), params)} />
    );
  switch (tab) {
    case 'progress':
      return <ProgressTab query={query} source={source} params={params} trainings={trainings} />;
    case 'health':
      return <HealthTab query={query} source={source} params={params} trainings={trainings} />;
    case 'questions':
      return <QuestionsTab query={query} source={source} params={params} trainings={trainings} />;
    case 'failures':
      return <FailuresTab query={query} source={source} params={params} />;
    case 'tool-contexts':
      return <ToolContextsTab query={query} source={source} params={params} />;
    default:
      return <OverviewTab query={query} source={source} />;
  }
}

/** A pasted link with a bad or unknown value: say which parameter, and offer the view without filters. */
function DashboardBadLink({ params, error }: { params: DashboardParams; error: AnalysisError }) {
  return (
    <BadLink
      error={error}
      showParam
      action={{
        // Without the run too when the run is what the link got wrong.
        href: resetFiltersHref({ ...params, training_ids: null }, undefined, {
          keepRun: error.param !== 'training_id',
        }),
        label: 'Open without filters',
      }}
    />
  );
}
