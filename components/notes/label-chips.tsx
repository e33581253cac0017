import Link from 'next/link';
import { labelHref } from '@/lib/chart-data/notes';

const CHIP =
  'inline-flex max-w-full items-center truncate rounded-full bg-amber-50 px-2 py-0.5 font-mono text-[11px] font-medium text-amber-800 ring-1 ring-inset ring-amber-600/30 hover:underline dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30';

/** Note labels as small chips, each a link to the notes with that label; nothing when there are none. */
export function LabelChips({ labels, className = '' }: { labels: readonly string[]; className?: string }) {
  if (labels.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-1 ${className}`} aria-label="Labels" data-testid="label-chips">
      {labels.map((label) => (
        <li key={label} className="min-w-0">
          <Link prefetch={false} href={labelHref(label)} className={CHIP} title={`Notes labelled ${label}`}>
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
