import { describe, expect, it } from 'vitest';
import { middleEllipsis, nameBreaks, sharedStart, uniqueShortNames, withoutSubseconds } from './names';

describe('middleEllipsis', () => {
  it('leaves a name that fits as it is', () => {
    expect(middleEllipsis('grpo-baseline', 13)).toBe('grpo-baseline');
    expect(middleEllipsis('', 5)).toBe('');
  });

  it('cuts the middle and keeps more of the end, where the domain and the model are', () => {
    // 24 characters: 23 kept, 9 from the start and 14 from the end
    expect(middleEllipsis('tau2-384954369-airline-grok-3', 24)).toBe('tau2-3849…airline-grok-3');
    // 16: 15 kept, 6 + 9
    expect(middleEllipsis('tau2-384954369-airline-grok-3', 16)).toBe('tau2-3…ne-grok-3');
    expect(middleEllipsis('tau2-384954369-retail-gpt-4o', 16)).toBe('tau2-3…il-gpt-4o');
    expect(Array.from(middleEllipsis('tau2-384954369-airline-grok-3', 16))).toHaveLength(16);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    expect(middleEllipsis('ü🙂-run-🙂ü-end', 8)).toBe('ü🙂…ü-end');
  });

  it('shortens to the ellipsis alone at length 1 and refuses nonsense', () => {
    expect(middleEllipsis('abc', 1)).toBe('…');
    expect(middleEllipsis('abc', 2)).toBe('…c');
    expect(() => middleEllipsis('abc', 0)).toThrow(RangeError);
  });
});

describe('uniqueShortNames', () => {
  it('shortens each name and gives clashing ones more characters until they differ', () => {
    const names = ['tau2-1-airline-grok-3', 'tau2-2-airline-grok-3', 'short'];
    // Up to 15 both long names read alike ("tau…grok-3", …, "tau2-…ne-grok-3"); at 16 they differ.
    expect(uniqueShortNames(names, 10)).toEqual(['tau2-1…ne-grok-3', 'tau2-2…ne-grok-3', 'short']);
    expect(uniqueShortNames(['a-long-name', 'b-long-name'], 6)).toEqual(['a-…ame', 'b-…ame']);
  });

  it('falls back to the full names when nothing shorter tells them apart', () => {
    // They differ only at index 7, which every shorter width leaves out.
    const names = ['abcdefgXhijklmnopqrs', 'abcdefgYhijklmnopqrs'];
    expect(uniqueShortNames(names, 6)).toEqual(names);
  });
});

describe('sharedStart', () => {
  it('is the common start of the names, up to its last separator', () => {
    expect(sharedStart(['tau2-384954369-airline-grok-3', 'tau2-385239453-retail-gpt-4.1'])).toBe('tau2-');
    expect(sharedStart(['exp/a/run-1', 'exp/a/run-2'])).toBe('exp/a/run-');
    expect(sharedStart(['exp/a/run-1', 'exp/b/run-2'])).toBe('exp/');
    expect(sharedStart(['grpo-baseline', 'grpo-curriculum', 'ppo-lr3e-6'])).toBe('');
  });

  it('never leaves a name empty, and is empty for one name', () => {
    expect(sharedStart(['run-', 'run-2'])).toBe('');
    expect(sharedStart(['a-b-c', 'a-b-c-d'])).toBe('a-b-');
    expect(sharedStart(['tau2-x'])).toBe('');
    expect(sharedStart([])).toBe('');
  });
});

describe('nameBreaks', () => {
  it('cuts after every separator, so a name wraps between its parts', () => {
    expect(nameBreaks('tau2-airline_tighter_policy-xai/grok-3-2025-10-13T12:55:31.850682')).toEqual([
      'tau2-',
      'airline_',
      'tighter_',
      'policy-',
      'xai/',
      'grok-',
      '3-',
      '2025-',
      '10-',
      '13T12:',
      '55:',
      '31.',
      '850682',
    ]);
  });

  it('gives the name back when joined, whole when it has no separator, and ends on a trailing one', () => {
    for (const name of ['ppo', '', 'a-b-', '-x', 'ü🙂-run', 'two  spaces'])
      expect(nameBreaks(name).join('')).toBe(name);
    expect(nameBreaks('ppo')).toEqual(['ppo']);
    expect(nameBreaks('')).toEqual(['']);
    expect(nameBreaks('a-b-')).toEqual(['a-', 'b-']);
  });
});

describe('withoutSubseconds', () => {
  it('leaves out the fractions of a second of times, nothing else', () => {
    expect(
      withoutSubseconds([
        'tau2-airline-xai/grok-3-2025-10-13T12:55:31.850682',
        'tau2-telecom-xai/grok-3-2025-10-05T07:52:52.943171',
        'ppo-lr0.5-seed1.2',
        '12:00:00.5x',
      ]),
    ).toEqual([
      'tau2-airline-xai/grok-3-2025-10-13T12:55:31',
      'tau2-telecom-xai/grok-3-2025-10-05T07:52:52',
      'ppo-lr0.5-seed1.2',
      '12:00:00x',
    ]);
  });

  it('keeps the names as given when two would then read the same', () => {
    const names = ['run-2025-10-13T12:55:31.1', 'run-2025-10-13T12:55:31.2', 'other-01:02:03.4'];
    expect(withoutSubseconds(names)).toEqual(names);
  });
});
