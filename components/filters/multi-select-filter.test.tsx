import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHIP_CHARS } from '@/lib/chart-data/multi-select';
import { middleEllipsis, uniqueShortNames } from '@/lib/chart-data/names';
import { MultiSelectFilter } from './multi-select-filter';

/** Real run names: one long start, told apart only by their ends. */
const START = 'tau2-384954369-airline_tighter_policy-';
const RUNS = [
  `${START}grok-4-fast-reasoning-2025-10-01T21:40:343871`,
  `${START}grok-3-mini-2025-10-01T21:40:343871`,
  `${START}grok-3-2025-10-01T21:40:343871`,
  `${START}grok-4-2025-10-01T21:40:343871`,
  'grpo-baseline',
];
/** Names with one start that differ only at their ends. */
const ENDS = [`${START}grok-4-fast-reasoning`, `${START}grok-3-mini`];
const ENDS_AND_SHORT = [...ENDS, 'grpo-baseline'];

/** The filter as a page holds it: the selection in state, each change also reported to `onChange`. */
function Harness({
  initial = [],
  onChange,
  maxChips,
  options = RUNS,
}: {
  initial?: string[];
  onChange: (value: string[]) => void;
  maxChips?: number;
  options?: readonly string[];
}) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <>
      <MultiSelectFilter
        label="Training"
        testId="filter-training"
        options={options}
        value={value}
        maxChips={maxChips}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
        placeholder="Latest training"
      />
      <button type="button">After</button>
    </>
  );
}

function renderPicker(initial: string[] = [], maxChips?: number, options?: readonly string[]) {
  const onChange = vi.fn<(value: string[]) => void>();
  render(<Harness initial={initial} onChange={onChange} maxChips={maxChips} options={options} />);
  const picker = screen.getByTestId('filter-training');
  const button = within(picker).getAllByRole('button')[0];
  return { onChange, picker, button };
}

/** What a chip shows, without its remove button's ×. */
const chipText = (chip: HTMLElement) => chip.textContent!.replace(/×$/u, '');

const optionNames = () => screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'));

afterEach(cleanup);

describe('MultiSelectFilter', () => {
  it('is a button labelled by the visible label, showing the placeholder when nothing is picked', () => {
    const { button } = renderPicker();
    expect(button.getAttribute('aria-haspopup')).toBe('listbox');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: 'Training Latest training' })).toBe(button);
    expect(screen.queryByTestId('multi-select-chip')).toBeNull();
  });

  it('shows each picked name as a chip shortened in the middle, the full name in its title', () => {
    const { button } = renderPicker([ENDS[0], ENDS[1], 'grpo-baseline'], 3, ENDS_AND_SHORT);
    const chips = screen.getAllByTestId('multi-select-chip');
    expect(chips.map((chip) => chip.getAttribute('title'))).toEqual([ENDS[0], ENDS[1], 'grpo-baseline']);
    const texts = chips.map(chipText);
    expect(texts).toEqual([
      middleEllipsis(ENDS[0], DEFAULT_CHIP_CHARS),
      middleEllipsis(ENDS[1], DEFAULT_CHIP_CHARS),
      'grpo-baseline',
    ]);
    // The start is cut; the ends that tell them apart are kept.
    expect(texts.slice(0, 2)).toEqual(['tau2-3849…fast-reasoning', 'tau2-3849…cy-grok-3-mini']);
    expect(Array.from(texts[0])).toHaveLength(DEFAULT_CHIP_CHARS);
    expect(screen.getByRole('button', { name: 'Training 3 selected' })).toBe(button);
  });

  it('leaves the fractions of a second out of a chip, not out of its title', () => {
    const names = [
      'tau2-airline-xai/grok-3-2025-10-05T22:50:14.284120',
      'tau2-airline-xai/grok-3-mini-2025-10-05T22:51:02.114820',
    ];
    renderPicker(names, 3, names);
    const chips = screen.getAllByTestId('multi-select-chip');
    expect(chips.map((chip) => chip.getAttribute('title'))).toEqual(names);
    expect(chips.map(chipText)).toEqual([
      middleEllipsis('tau2-airline-xai/grok-3-2025-10-05T22:50:14', DEFAULT_CHIP_CHARS),
      middleEllipsis('tau2-airline-xai/grok-3-mini-2025-10-05T22:51:02', DEFAULT_CHIP_CHARS),
    ]);
  });

  it('gives chips that would read the same more of their names, until they differ', () => {
    renderPicker([RUNS[0], RUNS[1]]);
    // Both end in the same time: the middle that differs has to show.
    const texts = screen.getAllByTestId('multi-select-chip').map(chipText);
    expect(texts).toEqual(uniqueShortNames([RUNS[0], RUNS[1]], DEFAULT_CHIP_CHARS));
    expect(middleEllipsis(RUNS[0], DEFAULT_CHIP_CHARS)).toBe(middleEllipsis(RUNS[1], DEFAULT_CHIP_CHARS));
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts.every((text) => text.includes('…'))).toBe(true);
  });

  it('opens and closes on a press on the control outside its buttons: a chip, the placeholder', async () => {
    renderPicker([RUNS[0]]);
    await userEvent.click(screen.getByTestId('multi-select-chip').firstElementChild!);
    expect(screen.getByRole('listbox')).toBeTruthy();
    await userEvent.click(screen.getByTestId('multi-select-chip').firstElementChild!);
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: `Remove ${RUNS[0]}` }));
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.click(screen.getByText('Latest training'));
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('removes one chip by its button, named after the full name', async () => {
    const { onChange, button } = renderPicker([RUNS[0], RUNS[1], RUNS[4]]);
    await userEvent.click(screen.getByRole('button', { name: `Remove ${RUNS[1]}` }));
    expect(onChange).toHaveBeenLastCalledWith([RUNS[0], RUNS[4]]);
    expect(document.activeElement).toBe(button);
  });

  it('shows a few chips and "+N more" for many, and Clear empties the selection', async () => {
    const { onChange } = renderPicker(RUNS, 2);
    expect(screen.getAllByTestId('multi-select-chip').map((chip) => chip.getAttribute('title'))).toEqual([
      RUNS[0],
      RUNS[1],
    ]);
    expect(screen.getByTestId('multi-select-more').textContent).toBe('+3 more');
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.queryByTestId('multi-select-chip')).toBeNull();
    expect(screen.queryByTestId('multi-select-more')).toBeNull();
    expect(screen.getByText('Latest training')).toBeTruthy();
  });

  it('opens a search and a multi-select listbox whose options carry their full names', async () => {
    const { button } = renderPicker([RUNS[2]]);
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const search = screen.getByPlaceholderText('Search…');
    expect(document.activeElement).toBe(search);
    const listbox = screen.getByRole('listbox', { name: 'Training' });
    expect(listbox.getAttribute('aria-multiselectable')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(listbox.id);
    expect(optionNames()).toEqual(RUNS);
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-selected'))).toEqual([
      'false',
      'false',
      'true',
      'false',
      'false',
    ]);
    // Whole, not cut: the option's text is the full name.
    expect(screen.getByRole('option', { name: RUNS[0] }).textContent).toBe(RUNS[0]);
    expect(screen.getByRole('option', { name: RUNS[2] }).textContent).toBe(RUNS[2]);
  });

  it('finds a long name by its end, ignoring case', async () => {
    const { button } = renderPicker();
    await userEvent.click(button);
    await userEvent.type(screen.getByPlaceholderText('Search…'), 'GROK-4-FAST');
    expect(optionNames()).toEqual([RUNS[0]]);
    expect(screen.getByRole('status').textContent).toBe('1 of 5 match');
    await userEvent.clear(screen.getByPlaceholderText('Search…'));
    await userEvent.type(screen.getByPlaceholderText('Search…'), 'grok-3');
    expect(optionNames()).toEqual([RUNS[1], RUNS[2]]);
    await userEvent.type(screen.getByPlaceholderText('Search…'), 'x');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('Nothing matches “grok-3x”');
  });

  it('toggles an option on a click: added at the end, taken out on a second click; the list stays open', async () => {
    const { onChange, button } = renderPicker([RUNS[3]]);
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('option', { name: RUNS[1] }));
    expect(onChange).toHaveBeenLastCalledWith([RUNS[3], RUNS[1]]);
    expect(screen.getByRole('option', { name: RUNS[1] }).getAttribute('aria-selected')).toBe('true');
    await userEvent.click(screen.getByRole('option', { name: RUNS[3] }));
    expect(onChange).toHaveBeenLastCalledWith([RUNS[1]]);
    expect(screen.getByRole('listbox')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByPlaceholderText('Search…'));
  });

  it('moves the active option with the arrows and toggles it with Enter and Space', async () => {
    const { onChange, button } = renderPicker();
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    const search = screen.getByPlaceholderText('Search…');
    expect(document.activeElement).toBe(search);
    const activeName = () =>
      document.getElementById(search.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label');
    expect(activeName()).toBe(RUNS[0]);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeName()).toBe(RUNS[2]);
    await userEvent.keyboard('{ArrowUp}');
    expect(activeName()).toBe(RUNS[1]);
    await userEvent.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([RUNS[1]]);
    await userEvent.keyboard('{ArrowDown} ');
    expect(onChange).toHaveBeenLastCalledWith([RUNS[1], RUNS[2]]);
    await userEvent.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith([RUNS[1]]);
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('types a space into the search until an option is active, and moves among the matches only', async () => {
    const { onChange, button } = renderPicker();
    await userEvent.click(button);
    const search = screen.getByPlaceholderText<HTMLInputElement>('Search…');
    await userEvent.type(search, 'grok-4 airline');
    expect(search.value).toBe('grok-4 airline');
    expect(onChange).not.toHaveBeenCalled();
    expect(optionNames()).toEqual([RUNS[0], RUNS[3]]);
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([RUNS[3]]);
    // Typing again leaves the list: no option is active.
    await userEvent.type(search, '-');
    expect(search.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('closes on Escape and gives the focus back to the button', async () => {
    const { button } = renderPicker();
    await userEvent.click(button);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes when Tab leaves it, and on a press outside', async () => {
    const { button } = renderPicker();
    await userEvent.click(button);
    await userEvent.tab();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));

    // Back from the search: to the button, closed.
    await userEvent.click(button);
    await userEvent.tab({ shift: true });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(button);

    await userEvent.click(button);
    expect(screen.getByRole('listbox')).toBeTruthy();
    await userEvent.click(document.body);
    expect(screen.queryByRole('listbox')).toBeNull();

    // The button closes what it opened.
    await userEvent.click(button);
    await userEvent.click(button);
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
