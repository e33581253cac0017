import { parseAnalysisQuery } from '../analysis/filters/query';
import type { Source } from '../analysis/source';
import { questionLearning } from '../analysis/stats/question-learning';
import { toolReturnStats } from '../analysis/stats/tool-return-stats';
import { trainingList } from '../analysis/stats/training-list';

/** What the cases ask about: a training, a second one (when the data has two), a tool, a question and its epoch. */
export interface CaseSubjects {
  training: string;
  other: string | null;
  tool: string;
  dataId: string;
  epoch: number;
}

/** A request of a statistic: a label and its query parameters, as the API would be asked. */
export type StatCase = [label: string, params: Record<string, string>];

/**
 * Requests of every registered statistic (keyed by its name), with filters of every kind: the engine-versus-scan
 * parity test runs them all, the route tests ask each stat's first one. A stat that needs two trainings has none
 * when the data has one.
 */
export function statCases({
  training,
  other,
  tool,
  dataId,
  epoch,
}: CaseSubjects): Record<string, StatCase[]> {
  const filtered = { training_id: training, tool_failed: 'any', reward_max: '0.5' };
  const group = { training_id: training, epoch_id: String(epoch), data_id: dataId };
  return {
    summary: [
      ['summary', {}],
      ['summary per epoch of one training', { training_id: training, group_by: 'epoch_id' }],
      ['summary per training, text search', { group_by: 'training_id', q: 'a' }],
      ['summary with tool filters', { tools_any: tool, tools_none: 'nope', tool_calls_min: '1' }],
    ],
    'termination-stats': [
      ['termination stats', {}],
      ['termination stats, filtered', filtered],
    ],
    'reward-category-stats': [
      ['reward categories', {}],
      ['reward categories per epoch', { group_by: 'epoch_id' }],
    ],
    'reward-histogram': [
      ['reward histogram', { training_id: training }],
      ['reward histogram, filtered', { ...filtered, reward_min: '0.1' }],
    ],
    'trainer-metrics': [
      ['trainer metrics', { training_id: training }],
      ['trainer metrics, filtered', { ...filtered, reward_min: '0.1' }],
    ],
    'tool-return-stats': [
      ['tool return stats', {}],
      ['tool return stats, filtered', { ...filtered, tools_all: tool }],
    ],
    'process-reward-correlation': [['process reward correlation', {}]],
    'epoch-list': [['epoch list', { training_id: training }]],
    'epoch-progression': [
      ['epoch progression', { training_id: training }],
      ['epoch progression, epochs ≥ 1', { training_id: training, epoch_min: '1' }],
    ],
    'failure-cases': [
      ['failure cases', {}],
      ['failure cases by -step_count, second page', { sort: '-step_count', offset: '2', limit: '3' }],
      ['failure cases by epoch, filtered', { ...filtered, sort: 'epoch_id' }],
    ],
    'failure-signatures': [
      ['failure signatures', {}],
      ['failure signatures of one training, top 2', { training_id: training, limit: '2' }],
      ['failure signatures, filtered', { ...filtered, tools_any: tool }],
    ],
    'training-list': [['training list', {}]],
    'unexpected-tool-contexts': [
      ['unexpected tool contexts', {}],
      ['unexpected tool contexts of one tool', { tool, limit: '5', offset: '1' }],
    ],
    'training-comparison': other ? [['training comparison', { training_ids: `${training},${other}` }]] : [],
    'question-learning': [
      ['question learning', { training_id: training }],
      [
        'question learning, regressed, by flips',
        { training_id: training, status: 'regressed', question_sort: 'flips' },
      ],
      ['question learning, filtered, second page', { ...filtered, limit: '2', offset: '1' }],
    ],
    'group-detail': [
      ['group detail', group],
      ['group detail, stricter success', { ...group, success_threshold: '0.9' }],
    ],
    'group-zero-variance': [
      ['group zero variance', { training_id: training }],
      ['group zero variance, filtered', filtered],
    ],
    'question-across-runs': [
      ["a question's last epoch in every run", { data_id: dataId }],
      ['a question at one epoch', { data_id: dataId, epoch_id: String(epoch) }],
    ],
    'question-disagreement': other
      ? [
          ['question disagreement', { training_ids: `${training},${other}` }],
          [
            'question disagreement, second page',
            { training_ids: `${training},${other}`, limit: '1', offset: '1' },
          ],
        ]
      : [],
    diff: [
      [
        'diff of two epochs of one run',
        { training_id: training, epoch_a: String(epoch), epoch_b: String(epoch + 1) },
      ],
      ...(other
        ? [
            [
              'diff of two runs at one epoch',
              { training_ids: `${training},${other}`, epoch_id: String(epoch) },
            ],
          ]
        : []),
      [
        'diff, filtered, second page',
        { ...filtered, epoch_a: String(epoch), epoch_b: String(epoch + 1), limit: '1', offset: '1' },
      ],
    ] as StatCase[],
    'run-alerts': [
      ['alerts of one run', { training_id: training }],
      ['alerts of every run', {}],
      [
        'alerts of named runs, filtered',
        { training_ids: other ? `${training},${other}` : training, reward_max: '0.5' },
      ],
    ],
    'run-health': [
      ['health of one run', { training_id: training }],
      ['health of one run, filtered', filtered],
    ],
  };
}

/** The subjects of the cases in a database: the given ones, else the first training, tool and question found. */
export async function caseSubjects(
  source: Source,
  given: { training?: string; other?: string; tool?: string } = {},
): Promise<CaseSubjects> {
  const { trainings } = await trainingList(
    parseAnalysisQuery(new URLSearchParams(), [], { filters: false }),
    source,
  );
  const training = given.training ?? trainings[0].training_id;
  const tools = await toolReturnStats(parseAnalysisQuery(new URLSearchParams()), source);
  const learning = await questionLearning(
    parseAnalysisQuery(new URLSearchParams({ training_id: training }), ['training_id']),
    source,
  );
  const question = learning.questions[0];
  const epoch = learning.epochs[question.cells.findIndex((cell) => cell !== null)];
  return {
    training,
    other: given.other ?? trainings.find((t) => t.training_id !== training)?.training_id ?? null,
    tool: given.tool ?? tools.tools[0].tool,
    dataId: question.data_id,
    epoch,
  };
}
