import { describe, expect, it } from 'vitest';
import { stepsWindow } from './steps-window';

const steps = Array.from({ length: 1000 }, (_, i) => ({
  step_id: i,
  action: `tool_${i % 3}`,
  action_input: { text: `] } [ "${i}` },
  observation: 'x'.repeat(i % 50),
}));
const json = JSON.stringify(steps);

describe('stepsWindow', () => {
  it('gives the steps of the window, the same as parsing everything', () => {
    expect(stepsWindow(json, 0, 200)).toEqual(steps.slice(0, 200));
    expect(stepsWindow(json, 400, 200)).toEqual(steps.slice(400, 600));
    expect(stepsWindow(json, 900, 200)).toEqual(steps.slice(900));
    expect(stepsWindow(json, 1000, 200)).toEqual([]);
    expect(stepsWindow(json, 10, 0)).toEqual([]);
    expect(stepsWindow(json, 0, Infinity)).toEqual(steps);
  });

  it('reads a window of a text longer than one scan chunk', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({
      action: 'a',
      observation: `${i} ${'y'.repeat(1000)}`,
    }));
    expect(stepsWindow(JSON.stringify(big), 2500, 3)).toEqual(big.slice(2500, 2503));
  });

  it('yields nothing for text that is not a JSON array, and the readable steps of a broken one', () => {
    expect(stepsWindow(null, 0, 10)).toEqual([]);
    expect(stepsWindow('{"a":1}', 0, 10)).toEqual([]);
    expect(stepsWindow('[{"action":"a"},{"action":', 0, 10)).toEqual([{ action: 'a' }]);
    expect(stepsWindow('[{"action":"a"},{broken}]', 0, 10)).toEqual([{ action: 'a' }]);
  });
});
