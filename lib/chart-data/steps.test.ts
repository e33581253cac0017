import type { StepPreview } from '@/lib/analysis/records/rows';
import { describe, expect, it } from 'vitest';
import { clipText, prettyArguments, shortId, stepsPreviewLine } from './steps';

describe('clipText', () => {
  it('leaves short text whole', () => {
    expect(clipText('hello')).toEqual({ preview: 'hello', clipped: false, hiddenChars: 0 });
    expect(clipText('')).toEqual({ preview: '', clipped: false, hiddenChars: 0 });
  });
  it('clips long text to the character limit', () => {
    const clipped = clipText('x'.repeat(5_000_000));
    expect(clipped.preview).toHaveLength(1500);
    expect(clipped).toMatchObject({ clipped: true, hiddenChars: 5_000_000 - 1500 });
  });
  it('clips many short lines to the line limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const clipped = clipText(text);
    expect(clipped.clipped).toBe(true);
    expect(clipped.preview.split('\n')).toHaveLength(20);
  });
  it('keeps exactly the limit unclipped', () => {
    expect(clipText('y'.repeat(1500)).clipped).toBe(false);
    expect(clipText(Array(20).fill('a').join('\n')).clipped).toBe(false);
  });
});

describe('prettyArguments', () => {
  it('indents objects and JSON strings, leaves other strings alone', () => {
    expect(prettyArguments({ q: 'x' })).toBe('{\n  "q": "x"\n}');
    expect(prettyArguments('{"q":"x"}')).toBe('{\n  "q": "x"\n}');
    expect(prettyArguments('plain text')).toBe('plain text');
    expect(prettyArguments('42')).toBe('42');
    expect(prettyArguments(null)).toBe('');
    expect(prettyArguments(undefined)).toBe('');
    expect(prettyArguments(3)).toBe('3');
  });
});

describe('shortId', () => {
  it('shortens long ids only', () => {
    expect(shortId('abc')).toBe('abc');
    expect(shortId('0123456789abcdef0123')).toBe('01234567…0123');
  });
});

describe('stepsPreviewLine', () => {
  const step = (overrides: Partial<StepPreview>): StepPreview => ({
    step_id: 0,
    action: 'search',
    observation: '',
    tool_status: null,
    action_input: '',
    ...overrides,
  });

  it('marks tool results, shows a failed call with its error, and counts the steps left out', () => {
    const preview = [
      step({ action: 'search', action_input: '{"q":"x"}', tool_status: 'success', observation: 'found' }),
      step({
        step_id: 1,
        action: 'python',
        action_input: '"1/0"',
        tool_status: 'error',
        observation: 'Error: 1/0',
      }),
      step({ step_id: 2, action: 'respond' }),
    ];
    expect(stepsPreviewLine(preview, 7)).toBe(
      'search({"q":"x"}) ✓ → python("1/0") ✗ Error: 1/0 → respond → … +4 steps',
    );
    expect(stepsPreviewLine(preview.slice(2), 2)).toBe('respond → … +1 step');
    expect(stepsPreviewLine([], 0)).toBe('');
  });

  it('cuts a long error to 60 characters', () => {
    const line = stepsPreviewLine([step({ tool_status: 'error', observation: 'E'.repeat(100) })], 1);
    expect(line).toBe(`search ✗ ${'E'.repeat(59)}…`);
  });
});
