import type { ReactNode } from 'react';
import { TextLink } from './links';

export interface EmptyStateProps {
  title: string;
  body?: ReactNode;
  action?: { href: string; label: string };
}

/** What a card or page shows when there is nothing to show, and what to do about it. */
export function EmptyState({ title, body, action }: EmptyStateProps) {
  return (
    <div
      data-testid="empty-state"
      className="flex flex-col items-center justify-center gap-1 rounded-md border border-dashed border-tremor-border px-4 py-8 text-center dark:border-dark-tremor-border"
    >
      <p className="text-sm font-medium text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        {title}
      </p>
      {body ? (
        <div className="max-w-prose text-xs text-tremor-content dark:text-dark-tremor-content">{body}</div>
      ) : null}
      {action ? (
        <TextLink className="mt-2 text-xs font-medium" href={action.href}>
          {action.label}
        </TextLink>
      ) : null}
    </div>
  );
}

/** The database is empty: say how to fill it. */
export function NoDataYet() {
  return (
    <EmptyState
      title="No trajectories yet"
      body={
        <>
          Load the trajectories your RL framework writes (JSONL with steps, chat logs or verl dumps) with{' '}
          <code className="font-mono">npm run ingest -- path/to/trajectories.jsonl</code>, then reload. To
          explore first, <code className="font-mono">npm run demo</code> loads a demo campaign. Formats:
          docs/ingest.md.
        </>
      }
    />
  );
}

/** Filters exclude everything: offer the way back. */
export function NoMatches({ resetHref }: { resetHref: string }) {
  return (
    <EmptyState
      title="No trajectories match these filters"
      action={{ href: resetHref, label: 'Reset filters' }}
    />
  );
}
