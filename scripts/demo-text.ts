/**
 * The agent's words: thoughts before tool calls, after failures, and before the final answer. Assembled from
 * fragments so that 30k trajectories do not repeat the same sentence.
 */
import type { DemoQuestion, Domain } from './demo-questions';
import type { Rng } from './demo-random';
import type { ToolName } from './demo-tools';

const FIRST_OPENERS = [
  'Let me',
  'I will',
  'First I should',
  'To answer this I need to',
  "I'll start by trying to",
];
const LATER_OPENERS = [
  'Now let me',
  'Next I will',
  'I should also',
  'To verify, I will',
  'Let me',
  'Then I can',
];

const INTENTS: Record<ToolName, readonly ((q: DemoQuestion) => string)[]> = {
  search: [
    (q) => `search for ${q.subject}`,
    (q) => `look up ${q.subject}`,
    () => 'find a reliable source first',
  ],
  web_fetch: [(q) => `open ${q.url || 'the top result'}`, () => 'fetch the page and read it directly'],
  python: [
    (q) => (q.domain === 'code' ? 'reproduce the problem in a small script' : 'compute this in Python'),
    (q) => `write a quick script to check ${q.subject}`,
    (q) =>
      q.domain === 'code'
        ? 'try the code on the example input'
        : q.domain === 'sql'
          ? 'load the data into pandas and cross-check'
          : 'run the numbers in Python instead of doing them by hand',
  ],
  calculator: [(q) => `evaluate ${q.expression || 'the expression'}`, () => 'double-check the arithmetic'],
  sql_query: [
    (q) => `query the database for ${q.subject}`,
    () => 'write the SQL and look at the result',
    () => 'check what the tables actually contain',
  ],
  read_file: [
    (q) => `read ${q.file || 'the file'}`,
    (q) => `open ${q.file || 'the file'} and find the relevant part`,
  ],
  run_tests: [() => 'run the test suite', () => 'run the tests to confirm the change works'],
};

const REASONS: Record<Domain, readonly string[]> = {
  math: [
    'The units need care here.',
    'I want to avoid rounding until the very end.',
    'This looks like a rate problem, so I should set up the equation before computing.',
    'A common trap is to average the rates directly, which is wrong.',
  ],
  qa: [
    'I should rely on the primary source rather than a summary.',
    'The question asks for two facts, so I need both before answering.',
    'Numbers in secondary sources are often rounded; the report is better.',
  ],
  code: [
    'I need to understand the existing behaviour before changing it.',
    'The edge cases matter more than the happy path here.',
    'I should keep the public interface unchanged.',
  ],
  sql: [
    'I am not sure about the exact column names yet.',
    'The date filter has to match the stored format.',
    'Aggregation has to happen per group, not over the whole table.',
  ],
};

const RETRIES: Partial<Record<ToolName, readonly string[]>> = {
  python: [
    'The script raised an error. Let me fix the code and rerun it.',
    'That failed; I probably mistyped something.',
  ],
  sql_query: [
    'The query failed, probably a wrong column name. Let me check the schema and rewrite it.',
    'Syntax error in the query. I will simplify the GROUP BY.',
  ],
  web_fetch: [
    'The page could not be fetched. I will try another source.',
    'That URL did not work; retrying once.',
  ],
  read_file: ['The file path seems wrong. Let me try the other directory.'],
};

const DEGENERATE = [
  'Let me let me check the the result again again.',
  'search search search',
  'I will I will I will',
];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The thought before a tool call. `afterError` is the tool whose previous call failed, if any. */
export function toolThought(
  q: DemoQuestion,
  tool: ToolName,
  stepIndex: number,
  afterError: ToolName | null,
  collapse: number,
  rng: Rng,
  lean: boolean,
): string {
  if (collapse > 0 && rng.chance(0.45 * collapse)) return rng.pick(DEGENERATE);
  if (afterError) {
    if (lean) return 'Retrying after the error.';
    const retries = RETRIES[afterError];
    if (retries && rng.chance(0.8)) return rng.pick(retries);
    return `The ${afterError} call returned an error. Let me try again with different input.`;
  }
  const intent = rng.pick(INTENTS[tool])(q);
  if (lean) return `${capitalise(intent)}.`;
  const opener = rng.pick(stepIndex === 0 ? FIRST_OPENERS : LATER_OPENERS);
  const reason = rng.chance(0.6) ? ` ${rng.pick(REASONS[q.domain])}` : '';
  return `${opener} ${intent}.${reason}`;
}

export type AnswerKind = 'correct' | 'partial' | 'wrong' | 'gave_up' | 'malformed';

/** The final `respond` step's thought and input. */
export function respondContent(
  q: DemoQuestion,
  kind: AnswerKind,
  failingTool: ToolName | null,
  withoutTools: boolean,
  rng: Rng,
): { thought: string; answer: string } {
  const content = answerContent(q, kind, failingTool, rng);
  if (withoutTools && kind !== 'malformed') content.thought = `${rng.pick(DIRECT)} ${content.thought}`;
  return content;
}

const DIRECT = [
  'This is simple enough to work out directly.',
  'I can solve this without tools.',
  'No lookup needed.',
];

function answerContent(
  q: DemoQuestion,
  kind: AnswerKind,
  failingTool: ToolName | null,
  rng: Rng,
): { thought: string; answer: string } {
  switch (kind) {
    case 'correct':
      return {
        thought: rng.pick([
          'I have verified the result.',
          'The evidence agrees, so I am confident.',
          'That settles it.',
        ]),
        answer: q.answer,
      };
    case 'partial': {
      const parts = q.answer.split(/[;(]/);
      return {
        thought: 'I found part of it; I will answer with what I have.',
        answer: parts.length > 1 ? parts[0].trim() : q.wrongAnswers[0],
      };
    }
    case 'wrong':
      return {
        thought: rng.pick(['I am fairly confident in this.', 'This matches my calculation.', 'Good enough.']),
        answer: rng.pick(q.wrongAnswers),
      };
    case 'gave_up':
      return {
        thought: `The ${failingTool ?? 'tool'} keeps failing, so I cannot finish.`,
        answer: `I could not complete the task: the ${failingTool ?? 'tool'} tool kept returning errors.`,
      };
    case 'malformed':
      return {
        thought: rng.pick(['Final answer', 'answer answer', '']),
        answer: rng.pick([
          `<answer>${q.answer}`,
          `{"answer": "${q.answer}"`,
          'Final Answer: Final Answer:',
          '',
        ]),
      };
  }
}
