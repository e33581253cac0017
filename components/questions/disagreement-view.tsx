import type { QuestionDisagreement } from '@/lib/analysis/stats/question-disagreement';
import { DISAGREEMENT_PATH, disagreementHref, type DashboardParams } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { PageTitle, Stack } from '@/components/ui/layout';
import { TextLink } from '@/components/ui/links';
import { Pagination } from '@/components/ui/pagination';
import { DisagreementTable } from './disagreement-table';

export interface DisagreementViewProps {
  data: QuestionDisagreement;
  /** The page's URL, which the page links change. */
  params: DashboardParams;
}

/** The questions two runs disagree on most, a page at a time, with the runs swapped one click away. */
export function DisagreementView({ data, params }: DisagreementViewProps) {
  const [first, second] = data.training_ids;
  return (
    <Stack>
      <PageTitle>
        Where {first} and {second} disagree
      </PageTitle>
      <Card
        title="Questions by the size of the disagreement"
        subtitle={`Each run's success rate (reward > ${data.success_threshold}) over the epochs in which both have the question; difference = ${second} − ${first}`}
        testId="card-question-disagreement"
        actions={
          <TextLink className="text-xs" href={disagreementHref(second, first)}>
            Swap runs
          </TextLink>
        }
      >
        <DisagreementTable data={data} />
        <Pagination
          params={params}
          total={data.total}
          limit={data.limit}
          offset={data.offset}
          noun="shared questions"
          pathname={DISAGREEMENT_PATH}
        />
      </Card>
    </Stack>
  );
}
