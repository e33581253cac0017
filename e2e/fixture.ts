/**
 * What the e2e fixture database holds; shared by the fixture server and the specs. The fixture server builds it before
 * the first spec runs, and no spec writes to it: a spec that ingests starts a server of its own on a database of its
 * own (hostile.spec.ts, live-update.spec.ts), so that the specs can run in any order, alone or together.
 */
import path from 'node:path';

/** The fixture database the main server (and security.spec.ts's hosted-mode server) reads. */
export const E2E_DB = path.resolve('test-results', 'e2e-db');

// Spaces, a percent sign, a slash and a non-ASCII letter: the id must survive URLs both as a path segment and a query value.
export const XSS_TRAJECTORY_ID = 'xss probe %/ü';
export const XSS_TRAINING = 'xss-run';
export const TAU_TRAINING = 'tau-bench-gpt-4o-airline';
export const DEMO_CAMPAIGN = {
  trainings: 3,
  epochs: 6,
  questions: 24,
  samples: 4,
  lean: false,
  longObservationRate: 0,
};
export const DEMO_TRAININGS = ['grpo-baseline', 'grpo-curriculum', 'ppo-lr3e-6'];

/** A trajectory whose every text field tries to run script; the UI must show it as text. */
export const XSS_RECORD = {
  trajectory_id: XSS_TRAJECTORY_ID,
  training_id: XSS_TRAINING,
  epoch_id: 0,
  sample_id: 0,
  data_id: 'xss-q',
  question: 'Question with <img src=x onerror="window.__xss=1"> inside',
  reward: 0,
  termination_reason: 'tool_error',
  agent_name: 'probe',
  steps: [
    {
      thought: '<script>window.__xss=1</script> thinking',
      action: 'web_fetch',
      action_input: { url: 'http://127.0.0.1/<script>' },
      observation: 'Error: page returned <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>',
      tool_status: 'error',
      process_reward: -1,
    },
    {
      thought: 'answer',
      action: 'respond',
      action_input: { answer: '<b onmouseover="window.__xss=1">bold</b>' },
      observation: '<script>window.__xss=1</script>',
    },
  ],
};

// Ingest refuses JSON nested deeper than 64 levels; the 4,000-level case is a unit test of the viewer (step-list.test.tsx).
const HOSTILE_DEPTH = 60;
const HOSTILE_HUGE_CHARS = 5 * 1024 * 1024;
export const HOSTILE_TRAINING = 'hostile-run';

const hostileBase = {
  training_id: HOSTILE_TRAINING,
  epoch_id: 0,
  data_id: 'dots',
  reward: 0,
  termination_reason: 'timeout',
};

/** Ids that are path segments of their own ("..", "."), a value nested 60 deep, and a 5 MB observation. */
export const HOSTILE_RECORDS = [
  {
    ...hostileBase,
    trajectory_id: '..',
    sample_id: 0,
    steps: [{ action: 'respond', observation: 'I am "..".' }],
  },
  {
    ...hostileBase,
    trajectory_id: '.',
    sample_id: 1,
    steps: [{ action: 'respond', observation: 'I am ".".' }],
  },
  {
    ...hostileBase,
    trajectory_id: 'deep-json',
    data_id: 'deep',
    // {"a":{"a":…{"a":"bottom"}…}} 60 levels deep.
    steps: [
      {
        action: 'nest',
        action_input: JSON.parse(`${'{"a":'.repeat(HOSTILE_DEPTH)}"bottom"${'}'.repeat(HOSTILE_DEPTH)}`),
      },
    ],
  },
  {
    ...hostileBase,
    trajectory_id: 'huge-text',
    data_id: 'huge',
    steps: [{ action: 'dump', observation: `HEAD-${'x'.repeat(HOSTILE_HUGE_CHARS)}-TAIL` }],
  },
];
