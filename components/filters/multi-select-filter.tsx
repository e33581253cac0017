'use client';

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  chipBudget,
  chipOverflow,
  DEFAULT_CHIP_CHARS,
  matchOptions,
  stepActive,
  toggleValue,
} from '@/lib/chart-data/multi-select';
import { uniqueShortNames, withoutSubseconds } from '@/lib/chart-data/names';
import { BreakableName } from '../ui/breakable-name';
import { FIELD_LABEL } from './field-styles';

export interface MultiSelectFilterProps {
  label: string;
  testId: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  /** How many selected values show as chips before the rest are counted ("+N more"). */
  maxChips?: number;
  /** Classes for the outer element, for its place in the parent's layout (a grid span). */
  className?: string;
}

/**
 * What a chip's text cannot use of the control's width, in px: the control's border, padding and button (46), a chip's
 * border, padding, gap and remove button (34), and a little slack.
 */
const CHIP_CHROME_PX = 84;

/** The width a chip's text may take, and how wide a text is drawn in the chips' font. */
interface ChipRoom {
  px: number;
  measure: (text: string) => number;
}

const BOX =
  'relative min-h-[38px] min-w-0 rounded-tremor-default border bg-tremor-background shadow-tremor-input focus-within:ring-2 focus-within:ring-tremor-brand-muted dark:bg-dark-tremor-background dark:shadow-dark-tremor-input dark:focus-within:ring-dark-tremor-brand-muted';
const BOX_BORDER = 'border-tremor-border dark:border-dark-tremor-border';
const BOX_BORDER_OPEN = 'border-tremor-brand-subtle dark:border-dark-tremor-brand-subtle';
const TOGGLE =
  'absolute right-0 top-0 flex h-9 w-9 items-center justify-center rounded-tremor-default text-tremor-content-subtle outline-none hover:text-tremor-content-emphasis dark:text-dark-tremor-content-subtle dark:hover:text-dark-tremor-content-emphasis';
const CHIP =
  'inline-flex min-w-0 max-w-full items-center gap-1 rounded-tremor-small border border-tremor-border bg-tremor-background-subtle py-0.5 pl-2 pr-1 text-xs text-tremor-content-emphasis dark:border-dark-tremor-border dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-emphasis';
const SMALL_BUTTON =
  'shrink-0 rounded-tremor-small text-tremor-content hover:bg-tremor-background-muted hover:text-tremor-content-strong focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-muted dark:hover:text-dark-tremor-content-strong';
const POPUP =
  'absolute inset-x-0 top-full z-30 mt-1 flex flex-col overflow-hidden rounded-tremor-default border border-tremor-border bg-tremor-background shadow-tremor-dropdown dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-dropdown';
const SEARCH =
  'w-full min-w-0 border-b border-tremor-border bg-transparent px-2.5 py-2 text-tremor-default text-tremor-content-emphasis outline-none placeholder:text-tremor-content-subtle dark:border-dark-tremor-border dark:text-dark-tremor-content-emphasis dark:placeholder:text-dark-tremor-content-subtle';
const OPTION =
  'flex cursor-pointer select-none items-start gap-2 rounded-tremor-small px-2 py-1.5 text-tremor-default text-tremor-content-emphasis hover:bg-tremor-background-muted dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted';
const OPTION_ACTIVE = 'bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle';
const CHECK = 'mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded-[4px] border';
const CHECK_ON =
  'border-tremor-brand bg-tremor-brand text-tremor-brand-inverted dark:border-dark-tremor-brand dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted';
const CHECK_OFF = 'border-tremor-border dark:border-dark-tremor-border';
const NOTE = 'px-2.5 py-1.5 text-xs text-tremor-content dark:text-dark-tremor-content';
const NOTE_BORDER = 'border-tremor-border dark:border-dark-tremor-border';

/**
 * A labelled multi-select: the selection as chips (each name shortened in the middle to what the control's width
 * holds, its full name on hover), a popup with a search over the full names and a list of options shown whole.
 * Keyboard: ↓/↑ open it and move the active option, Enter or Space toggles it, Escape closes it, Tab leaves it.
 */
export function MultiSelectFilter({
  label,
  testId,
  options,
  value,
  onChange,
  placeholder,
  maxChips = 3,
  className = '',
}: MultiSelectFilterProps) {
  const id = useId();
  const labelId = `${id}label`;
  const summaryId = `${id}summary`;
  const listId = `${id}list`;
  const places = useMemo(() => new Map(options.map((option, i) => [option, i])), [options]);
  const optionId = (option: string) => `${id}option-${places.get(option)}`;

  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  /** An empty element in the chips' font, to measure their text with. */
  const fontRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  /** The option the arrow keys reached, by name; none until they are used, so Space types in the search till then. */
  const [active, setActive] = useState<string | null>(null);
  const [room, setRoom] = useState<ChipRoom | null>(null);

  const matches = useMemo(() => matchOptions(options, query), [options, query]);
  const activeIndex = active === null ? -1 : matches.indexOf(active);
  const activeOption = activeIndex >= 0 ? matches[activeIndex] : null;
  const { shown, more } = chipOverflow(value.length, maxChips);
  // Without the fractions of a second of their times (run names often end in one), shortened in the middle to what one
  // line of the control holds (measured in the chips' font), and longer where two would read the same.
  const chipNames = useMemo(() => {
    const names = withoutSubseconds(value);
    const chars = room ? chipBudget(names.slice(0, shown), room.px, room.measure) : DEFAULT_CHIP_CHARS;
    return uniqueShortNames(names, chars);
  }, [value, shown, room]);

  useEffect(() => {
    const box = boxRef.current;
    const font = fontRef.current;
    if (!box || !font || typeof ResizeObserver === 'undefined') return;
    let context: CanvasRenderingContext2D | null = null;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === 0) return;
      context ??= document.createElement('canvas').getContext('2d');
      if (!context) return;
      const style = getComputedStyle(font);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const drawn = context;
      setRoom({ px: box.clientWidth - CHIP_CHROME_PX, measure: (text) => drawn.measureText(text).width });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  // A press anywhere outside closes it (focus leaving it closes it too: see onBlur).
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (rootRef.current?.contains(event.target as Node)) return;
      setOpen(false);
      setQuery('');
      setActive(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const activeId = activeOption ? optionId(activeOption) : undefined;
  const status = listStatus(options.length, matches.length, query.trim());
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  function close(refocus: boolean) {
    setOpen(false);
    setQuery('');
    setActive(null);
    if (refocus) buttonRef.current?.focus();
  }

  function openWith(start: string | null) {
    setQuery('');
    setActive(start);
    setOpen(true);
  }

  const toggle = (option: string) => onChange(toggleValue(value, option));

  const move = (step: 1 | -1) => {
    const next = stepActive(activeIndex >= 0 ? activeIndex : null, matches.length, step);
    setActive(next === null ? null : matches[next]);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (options.length === 0) return openWith(null);
    openWith(event.key === 'ArrowDown' ? options[0] : options[options.length - 1]);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        event.preventDefault();
        if (activeOption) toggle(activeOption);
        break;
      case ' ':
        // Space types in the search until the arrow keys pick an option; then it toggles that option.
        if (!activeOption) break;
        event.preventDefault();
        toggle(activeOption);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        // Forward, focus leaves the control and onBlur closes it; back, it returns to the button.
        if (event.shiftKey) {
          event.preventDefault();
          close(true);
        }
        break;
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) close(false);
  };

  const remove = (option: string) => {
    toggle(option);
    buttonRef.current?.focus();
  };

  const clear = () => {
    onChange([]);
    buttonRef.current?.focus();
  };

  // A press on the control outside its buttons (a chip's name, the placeholder, the space around) opens or closes the
  // list, as the button does.
  const onBoxPress = (event: MouseEvent) => {
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    event.preventDefault();
    if (open) close(true);
    else openWith(null);
  };

  return (
    <div
      ref={rootRef}
      data-testid={testId}
      className={`flex min-w-0 flex-col gap-1 ${className}`}
      onBlur={onBlur}
    >
      <span id={labelId} className={`${FIELD_LABEL} ${value.length > 0 ? 'pr-12' : ''}`}>
        {label}
      </span>
      <div className="relative min-w-0">
        <div
          ref={boxRef}
          onMouseDown={onBoxPress}
          className={`${BOX} ${open ? BOX_BORDER_OPEN : BOX_BORDER}`}
        >
          {/* First in the order, at the top right: the chips flow beside it and never cover it. */}
          <button
            ref={buttonRef}
            type="button"
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-labelledby={`${labelId} ${summaryId}`}
            onClick={() => (open ? close(false) : openWith(null))}
            onKeyDown={onButtonKeyDown}
            className={TOGGLE}
          >
            {value.length > 0 ? (
              <span id={summaryId} className="sr-only">
                {value.length} selected
              </span>
            ) : null}
            <Chevron open={open} />
          </button>
          <span ref={fontRef} aria-hidden="true" className="invisible absolute h-0 w-0 text-xs" />
          {value.length === 0 ? (
            // The button's name with the label, while nothing is picked.
            <span
              id={summaryId}
              className="block cursor-default truncate py-[8px] pl-2.5 pr-9 text-tremor-default text-tremor-content dark:text-dark-tremor-content"
            >
              {placeholder ?? 'Any'}
            </span>
          ) : (
            <ul
              aria-label={`${label}: selected`}
              className="flex min-w-0 cursor-default flex-wrap items-center gap-1 py-[7px] pl-2 pr-9"
            >
              {value.slice(0, shown).map((option, i) => (
                <li key={option} title={option} data-testid="multi-select-chip" className={CHIP}>
                  {/* Names that share a start keep the ends that tell them apart. */}
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <BreakableName name={chipNames[i]} />
                  </span>
                  <button
                    type="button"
                    aria-label={`Remove ${option}`}
                    onClick={() => remove(option)}
                    className={`${SMALL_BUTTON} flex h-4 w-4 items-center justify-center`}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
              {more > 0 ? (
                <li
                  data-testid="multi-select-more"
                  className="px-1 text-xs text-tremor-content dark:text-dark-tremor-content"
                >
                  +{more} more
                </li>
              ) : null}
            </ul>
          )}
        </div>
        {value.length > 0 ? (
          // On the label's line (after the chips in the Tab order), so it takes no row of the control.
          <button
            type="button"
            onClick={clear}
            title={`Clear the ${value.length} selected`}
            className={`${SMALL_BUTTON} absolute bottom-full right-0 mb-1 px-1 text-xs font-medium leading-4`}
          >
            Clear
          </button>
        ) : null}
        {open ? (
          // A press inside keeps the focus in the search (on an option, the list's scroll bar, the note).
          <div
            className={POPUP}
            onMouseDown={(event) => {
              if (event.target !== searchRef.current) event.preventDefault();
            }}
          >
            <input
              ref={searchRef}
              type="text"
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeId}
              aria-label={`Search ${label}`}
              placeholder="Search…"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(null);
              }}
              onKeyDown={onSearchKeyDown}
              className={SEARCH}
            />
            <ul
              id={listId}
              role="listbox"
              aria-multiselectable="true"
              // Out of the Tab order (a browser makes a scrolling list a stop of its own): Tab leaves the control.
              tabIndex={-1}
              aria-labelledby={labelId}
              className="max-h-64 overflow-y-auto overscroll-contain p-1"
            >
              {matches.map((option) => {
                const selected = value.includes(option);
                return (
                  <li
                    key={option}
                    id={optionId(option)}
                    role="option"
                    aria-selected={selected}
                    // The name as one word: the breaks the text may wrap at are no part of it.
                    aria-label={option}
                    onClick={() => toggle(option)}
                    className={`${OPTION} ${option === activeOption ? OPTION_ACTIVE : ''}`}
                  >
                    <span aria-hidden="true" className={`${CHECK} ${selected ? CHECK_ON : CHECK_OFF}`}>
                      {selected ? <CheckMark /> : null}
                    </span>
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      <BreakableName name={option} />
                    </span>
                  </li>
                );
              })}
            </ul>
            <p role="status" className={status ? `${NOTE} border-t ${NOTE_BORDER}` : 'sr-only'}>
              {status}
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** What the list says under its options: how many a search found, or why there are none. */
function listStatus(total: number, found: number, query: string): string {
  if (total === 0) return 'Nothing to pick';
  if (query === '') return '';
  return found === 0 ? `Nothing matches “${query}”` : `${found} of ${total} match`;
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={`h-4 w-4 transition-transform ${open ? 'rotate-180' : ''}`}
    >
      <path
        d="M5.5 8 10 12.5 14.5 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The tick of a picked option, drawn rather than written, so the option's text is its name alone. */
function CheckMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3">
      <path
        d="M3.5 8.5 6.5 11.5 12.5 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
