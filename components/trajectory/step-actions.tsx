'use client';

import { useEffect, useRef, useState } from 'react';

export interface StepActionsProps {
  /** 1-based, as the page numbers steps. */
  step: number;
  /** The step's link as the server reads it (`/trajectories/<id>?step=N#step-N`), copied as an absolute URL. */
  href: string;
  /** The trajectory's JSON record, whose `steps[step - 1]` "Copy JSON" copies; none: no such button. */
  recordHref?: string;
}

/** Records fetched for "Copy JSON", one request per record however many steps are copied. */
const records = new Map<string, Promise<unknown[]>>();

function recordSteps(recordHref: string): Promise<unknown[]> {
  let steps = records.get(recordHref);
  if (!steps) {
    steps = fetch(recordHref, { headers: { Accept: 'application/json' } }).then(async (answer) => {
      if (!answer.ok) throw new Error(`the record answered ${answer.status}`);
      const record = (await answer.json()) as { steps?: unknown };
      return Array.isArray(record.steps) ? record.steps : [];
    });
    steps.catch(() => records.delete(recordHref));
    records.set(recordHref, steps);
  }
  return steps;
}

/** Copies the text; a pending text is handed to the clipboard as a promise, so the click still counts once it arrives. */
async function copy(text: string | Promise<string>): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (typeof text !== 'string' && clipboard?.write && typeof ClipboardItem !== 'undefined') {
    const blob = text.then((value) => new Blob([value], { type: 'text/plain' }));
    await clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
    return;
  }
  const value = await text;
  if (clipboard?.writeText) return clipboard.writeText(value);
  // Pages served over plain http to another host have no clipboard API.
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy');
}

type State = 'idle' | 'copied' | 'failed';

const BUTTON =
  'rounded px-1.5 py-0.5 text-[11px] font-medium text-tremor-brand hover:bg-tremor-brand-faint hover:underline dark:text-dark-tremor-brand-emphasis dark:hover:bg-dark-tremor-brand-faint';

/** One copy button, saying "Copied" (or "Copy failed") for a moment after a click. */
function CopyButton({
  label,
  what,
  text,
}: {
  label: string;
  what: string;
  text: () => string | Promise<string>;
}) {
  const [state, setState] = useState<State>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const click = () => {
    copy(text()).then(
      () => setState('copied'),
      (error: unknown) => {
        console.warn(`Copy ${what}:`, error);
        setState('failed');
      },
    );
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
      onClick={click}
      className={BUTTON}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </button>
  );
}

/** A step's copy controls: its link (the server opens the window holding it) and its raw JSON. */
export function StepActions({ step, href, recordHref }: StepActionsProps) {
  return (
    <span className="flex items-center gap-1" data-testid="step-actions">
      <CopyButton
        label="Copy link"
        what={`link to step ${step}`}
        text={() => new URL(href, window.location.href).toString()}
      />
      {recordHref ? (
        <CopyButton
          label="Copy JSON"
          what={`JSON of step ${step}`}
          text={() =>
            recordSteps(recordHref).then((steps) => {
              if (step - 1 >= steps.length) throw new Error(`the record has no step ${step}`);
              return JSON.stringify(steps[step - 1], null, 2);
            })
          }
        />
      ) : null}
    </span>
  );
}
