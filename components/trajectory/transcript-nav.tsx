'use client';

import Link from 'next/link';
import { useEffect, useEffectEvent, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { formatInteger } from '@/lib/chart-data/format';
import { nextMatch, previousMatch, stepOfHash } from '@/lib/chart-data/transcript';
import { stepAnchor, stepHref } from '@/lib/search-params';

export interface TranscriptNavProps {
  trajectoryId: string;
  /** The search whose words are marked; its matches are what "next match" walks. */
  q: string | null;
  /** The window on show: its first step (0-based) and how many it holds. */
  from: number;
  shown: number;
  /** 0-based position of the first failed call or error step over the whole trajectory; null: none. */
  firstError: number | null;
  /** 0-based positions of the steps holding a word of `q`, over the whole trajectory, in order. */
  matchSteps: readonly number[];
  /** More steps match than `matchSteps` lists. */
  matchesCapped?: boolean;
}

/** Keys typed into a form control or an open dialog belong to it, not to the transcript. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target.closest('input, textarea, select, [role="dialog"], [role="combobox"], [role="listbox"]') !== null
  );
}

/** Said after a jump changed the anchor without a navigation (replaceState fires no event of its own). */
const JUMP_EVENT = 'transcript-jump';

function subscribeToAnchor(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(JUMP_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(JUMP_EVENT, onChange);
  };
}

const CURRENT_MATCH = 'data-current-match';
/** The ring around the step jumped to (the brand blue). */
const CURRENT_RING = '0 0 0 2px rgb(59 130 246)';

/**
 * Marks step `index` (0-based) as the current one and scrolls to it: to its first search mark when it has one (a
 * closed system turn holding it is opened), else to the step.
 */
function focusStep(index: number, withMarks: boolean): boolean {
  const step = document.getElementById(stepAnchor(index + 1));
  if (!step) return false;
  for (const current of document.querySelectorAll<HTMLElement>('[data-current="true"]')) {
    current.removeAttribute('data-current');
    current.style.boxShadow = '';
  }
  for (const current of document.querySelectorAll(`[${CURRENT_MATCH}]`))
    current.removeAttribute(CURRENT_MATCH);
  step.setAttribute('data-current', 'true');
  // Styled here rather than by a class on each of the 200 steps of a window.
  step.style.boxShadow = CURRENT_RING;
  const mark = withMarks ? step.querySelector('mark') : null;
  if (mark) {
    const closed = mark.closest('details');
    if (closed && !closed.open) closed.open = true;
    mark.setAttribute(CURRENT_MATCH, 'true');
    mark.scrollIntoView({ block: 'center' });
  } else {
    step.scrollIntoView({ block: 'start' });
  }
  return true;
}

const LINK =
  'rounded-md border border-tremor-border px-2 py-0.5 font-medium text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand';
const OFF =
  'rounded-md border border-tremor-border px-2 py-0.5 text-tremor-content-subtle dark:border-dark-tremor-border dark:text-dark-tremor-content-subtle';

/**
 * The transcript's jumps: to the first error and, with a search, to the next and previous matching step, across
 * windows (the server says where they are); with their keys, `e`, `n` / `]` and `N` / `[`, ignored while typing. A
 * jump within the window scrolls; one outside opens the window holding the step (`?step=N#step-N`).
 */
export function TranscriptNav({
  trajectoryId,
  q,
  from,
  shown,
  firstError,
  matchSteps,
  matchesCapped = false,
}: TranscriptNavProps) {
  // The step last jumped to is the one the anchor names (`#step-N`): it survives opening another window.
  const anchor = useSyncExternalStore(
    subscribeToAnchor,
    () => window.location.hash,
    () => '',
  );
  const cursor = stepOfHash(anchor);
  const errorLink = useRef<HTMLAnchorElement>(null);
  const nextLink = useRef<HTMLAnchorElement>(null);
  const previousLink = useRef<HTMLAnchorElement>(null);
  const nav = useRef<HTMLElement>(null);
  const searching = q !== null && q.trim() !== '';
  const inWindow = (index: number) => index >= from && index < from + shown;

  // A step named by the URL (`#step-N`, also after a jump that opened this window): marked, and scrolled to again
  // once the page has loaded in full (parts streamed in above it may have pushed it down).
  const arrive = useEffectEvent(() => {
    const target = stepOfHash(window.location.hash);
    if (target === null || !inWindow(target)) return;
    const isMatch = matchSteps.includes(target);
    if (document.readyState === 'complete') focusStep(target, isMatch);
    else window.addEventListener('load', () => focusStep(target, isMatch), { once: true });
  });
  useEffect(() => arrive(), [from]);

  const next = searching ? nextMatch(matchSteps, cursor, from) : null;
  const previous = searching ? previousMatch(matchSteps, cursor, from) : null;
  const hrefOf = (index: number) =>
    inWindow(index) ? `#${stepAnchor(index + 1)}` : stepHref(trajectoryId, index + 1, q);

  // Within the window: scroll and set the anchor; outside it the link opens the window holding the step.
  const jump = (index: number, isMatch: boolean) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inWindow(index)) return;
    event.preventDefault();
    if (!focusStep(index, isMatch)) return;
    window.history.replaceState(window.history.state, '', `#${stepAnchor(index + 1)}`);
    window.dispatchEvent(new Event(JUMP_EVENT));
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target))
      return;
    const link =
      event.key === 'e'
        ? errorLink.current
        : event.key === 'n' || event.key === ']'
          ? nextLink.current
          : event.key === 'N' || event.key === '['
            ? previousLink.current
            : undefined;
    if (!link) return;
    event.preventDefault();
    link.click();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    // Said on the page once the keys work (before hydration a key press does nothing; tests wait for this).
    nav.current?.setAttribute('data-keys', 'ready');
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const position = cursor === null ? -1 : matchSteps.indexOf(cursor);
  const total = `${formatInteger(matchSteps.length)}${matchesCapped ? '+' : ''}`;
  return (
    <nav
      ref={nav}
      aria-label="Jump in the transcript"
      data-testid="transcript-nav"
      className="sticky top-0 z-10 -mx-1 space-y-1 rounded-md bg-tremor-background-muted/95 px-1 py-1.5 text-xs backdrop-blur dark:bg-dark-tremor-background-muted/95"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {firstError === null ? (
          <span className="text-tremor-content dark:text-dark-tremor-content">No failed calls</span>
        ) : (
          <Link
            ref={errorLink}
            prefetch={false}
            href={hrefOf(firstError)}
            onClick={jump(firstError, false)}
            className={`${LINK} text-rose-700 dark:text-rose-300`}
          >
            First error: step {formatInteger(firstError + 1)}
          </Link>
        )}
        {searching ? (
          <span className="flex flex-wrap items-center gap-2" data-testid="match-nav">
            <span className="text-tremor-content dark:text-dark-tremor-content">
              {matchSteps.length === 0
                ? 'No step holds these words'
                : position >= 0
                  ? `Match ${formatInteger(position + 1)} of ${total}`
                  : `${total} matching step${total === '1' ? '' : 's'}`}
            </span>
            {previous === null ? (
              <span aria-disabled="true" className={OFF}>
                ‹ Previous match
              </span>
            ) : (
              <Link
                ref={previousLink}
                prefetch={false}
                href={hrefOf(previous)}
                onClick={jump(previous, true)}
                className={LINK}
              >
                ‹ Previous match
              </Link>
            )}
            {next === null ? (
              <span aria-disabled="true" className={OFF}>
                Next match ›
              </span>
            ) : (
              <Link
                ref={nextLink}
                prefetch={false}
                href={hrefOf(next)}
                onClick={jump(next, true)}
                className={LINK}
              >
                Next match ›
              </Link>
            )}
          </span>
        ) : null}
      </div>
      <p
        className="hidden text-[11px] text-tremor-content-subtle sm:block dark:text-dark-tremor-content-subtle"
        data-testid="key-help"
      >
        Keys: <kbd className="font-mono">e</kbd> first error
        {searching ? (
          <>
            {' · '}
            <kbd className="font-mono">n</kbd> or <kbd className="font-mono">]</kbd> next match {' · '}
            <kbd className="font-mono">N</kbd> or <kbd className="font-mono">[</kbd> previous match
          </>
        ) : null}
      </p>
    </nav>
  );
}
