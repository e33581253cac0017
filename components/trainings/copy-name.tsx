'use client';

import { useEffect, useRef, useState } from 'react';

/** Copies text without the async clipboard API (a dashboard on a plain-http address has none). */
function copyByCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'fixed -left-[9999px] top-0';
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** A small button copying a run's full name (the table shows it shortened in the middle). */
export function CopyName({ name }: { name: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(name);
      copied = true;
    } catch {
      copied = copyByCommand(name);
    }
    setState(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  };
  const word = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : `Copy the name ${name}`;
  return (
    <button
      type="button"
      onClick={() => void copy()}
      title={state === 'idle' ? 'Copy the full name' : word}
      aria-label={word}
      data-testid="copy-name"
      className="shrink-0 rounded p-0.5 text-tremor-content-subtle hover:bg-tremor-background-subtle hover:text-tremor-content-strong dark:text-dark-tremor-content-subtle dark:hover:bg-dark-tremor-background-subtle"
    >
      {state === 'copied' ? (
        <span aria-hidden="true" className="text-xs text-emerald-600">
          ✓
        </span>
      ) : (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor">
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
          <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
        </svg>
      )}
    </button>
  );
}
