import type { z } from 'zod';
import { describeSchema } from './describe-schema';
import * as plan from './plan-contract';
import * as questions from './question-schemas';
import * as answers from './response-schemas';

interface DocumentedEndpoint {
  path: string;
  /** The full answer, as the route tests validate it. */
  answer: z.ZodType;
  /** The plan's fields of the answer (the contract), when the plan gives an example. */
  plan?: z.ZodType;
  groupable?: boolean;
}

const ENDPOINTS: DocumentedEndpoint[] = [
  {
    path: '/api/analysis-stats/training-list',
    answer: answers.trainingListSchema,
    plan: plan.planTrainingList,
  },
  { path: '/api/analysis-stats/epoch-list', answer: answers.epochListSchema, plan: plan.planEpochList },
  {
    path: '/api/analysis-stats/epoch-progression',
    answer: answers.epochProgressionSchema,
    plan: plan.planEpochProgression,
  },
  {
    path: '/api/analysis-stats/training-comparison',
    answer: answers.trainingComparisonSchema,
    plan: plan.planTrainingComparison,
  },
  { path: '/api/analysis-stats/summary', answer: answers.summarySchema, groupable: true },
  {
    path: '/api/analysis-stats/termination-stats',
    answer: answers.terminationStatsSchema,
    plan: plan.planTerminationStats,
    groupable: true,
  },
  {
    path: '/api/analysis-stats/reward-category-stats',
    answer: answers.rewardCategoryStatsSchema,
    plan: plan.planRewardCategoryStats,
    groupable: true,
  },
  { path: '/api/analysis-stats/tool-return-stats', answer: answers.toolReturnStatsSchema, groupable: true },
  {
    path: '/api/analysis-stats/process-reward-correlation',
    answer: answers.processRewardCorrelationSchema,
    groupable: true,
  },
  {
    path: '/api/analysis-stats/failure-cases',
    answer: answers.failureCasesSchema,
    plan: plan.planFailureCases,
  },
  { path: '/api/analysis-stats/unexpected-tool-contexts', answer: answers.unexpectedToolContextsSchema },
  { path: '/api/analysis-stats/question-learning', answer: questions.questionLearningSchema },
  { path: '/api/analysis-stats/group-detail', answer: questions.groupDetailSchema },
  { path: '/api/analysis-stats/group-zero-variance', answer: questions.groupZeroVarianceSchema },
  { path: '/api/analysis-stats/question-across-runs', answer: questions.questionAcrossRunsSchema },
  { path: '/api/analysis-stats/question-disagreement', answer: questions.questionDisagreementSchema },
  { path: '/api/trajectories/<id>', answer: answers.trajectoryDetailSchema },
];

export const RESPONSES_START = '<!-- responses: generated from lib/api/api-doc.ts, do not edit -->';
export const RESPONSES_END = '<!-- /responses -->';

/** The responses section of docs/api.md, generated from the schemas the tests validate answers with. */
export function responsesMarkdown(): string {
  const sections = ENDPOINTS.map((endpoint) => {
    const lines = [`### \`GET ${endpoint.path}\``, '', '```text', describeSchema(endpoint.answer), '```'];
    if (endpoint.groupable)
      lines.push('', 'With `group_by`: `{ group_by, groups: { [key]: <the answer above> } }`.');
    if (endpoint.plan)
      lines.push(
        '',
        "The plan's fields (checked by the contract test):",
        '',
        '```text',
        describeSchema(endpoint.plan),
        '```',
      );
    return lines.join('\n');
  });
  return [RESPONSES_START, '', ...sections.flatMap((s) => [s, '']), RESPONSES_END].join('\n');
}
