import type { AnalysisError } from '@/lib/analysis/errors';
import { EmptyState } from './empty-state';

export interface BadLinkProps {
  /** What is wrong with the link: its message, the parameter it names, 404 for something that does not exist. */
  error: Pick<AnalysisError, 'message' | 'param' | 'status'>;
  /** Where to go instead. */
  action: { href: string; label: string };
  /** The title when the link names something that does not exist. */
  notFoundTitle?: string;
  /** Also name the parameter after the message. */
  showParam?: boolean;
}

/** A page opened from a link with a bad or unknown value: say what is wrong, and offer a way on. */
export function BadLink({ error, action, notFoundTitle = 'Not found', showParam = false }: BadLinkProps) {
  return (
    <EmptyState
      title={error.status === 404 ? notFoundTitle : 'This link has a bad parameter'}
      body={
        <span data-testid="bad-link">
          {error.message}
          {showParam && error.param ? (
            <>
              {' '}
              (parameter <code className="font-mono">{error.param}</code>)
            </>
          ) : null}
        </span>
      }
      action={action}
    />
  );
}
