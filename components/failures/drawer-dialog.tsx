'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useDashboardUrl } from '../hooks/use-dashboard-url';

export interface DrawerDialogProps {
  title: ReactNode;
  /** A link or control shown beside the close button. */
  headerAction?: ReactNode;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal side panel over the page: focus moves into it and stays there, Escape / the close button / a click
 * outside close it by removing `trajectory` from the URL, and focus returns to where it was.
 */
export function DrawerDialog({ title, headerAction, children }: DrawerDialogProps) {
  const { update } = useDashboardUrl();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    closeButton.current?.focus();
    return () => {
      document.body.style.overflow = overflow;
      previous?.focus();
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') update({ trajectory: null });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [update]);

  const trapFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="fixed inset-0 z-40 flex justify-end">
      <div
        aria-hidden="true"
        data-testid="drawer-backdrop"
        onClick={() => update({ trajectory: null })}
        className="absolute inset-0 bg-gray-950/40 dark:bg-black/60"
      />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="trajectory-drawer"
        onKeyDown={trapFocus}
        className="relative flex h-full w-full min-w-0 max-w-3xl flex-col border-l border-tremor-border bg-tremor-background-muted shadow-xl dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted"
      >
        <header className="flex shrink-0 items-center justify-between gap-3 border-b border-tremor-border bg-tremor-background px-4 py-3 dark:border-dark-tremor-border dark:bg-dark-tremor-background">
          <h2
            id={titleId}
            className="min-w-0 truncate text-sm font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
          >
            {title}
          </h2>
          <div className="flex shrink-0 items-center gap-3">
            {headerAction}
            <button
              ref={closeButton}
              type="button"
              aria-label="Close trajectory"
              onClick={() => update({ trajectory: null })}
              className="rounded px-2 py-1 text-sm text-tremor-content hover:bg-tremor-background-subtle focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-subtle"
            >
              <span aria-hidden="true">×</span> <span className="text-xs">Esc</span>
            </button>
          </div>
        </header>
        {/* The steps scroll here, never the page under the drawer; on a phone the header stays in view. */}
        <div className="min-h-0 min-w-0 flex-1 overflow-y-auto overscroll-contain p-3 sm:p-4">{children}</div>
      </div>
    </div>
  );
}
