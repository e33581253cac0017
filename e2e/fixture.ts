/** What the e2e fixture database holds; shared by the fixture server and the specs. */
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
