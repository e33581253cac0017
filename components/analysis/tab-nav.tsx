import Link from 'next/link';
import { type DashboardParams, tabHref } from '@/lib/search-params';
import { TABS, type Tab } from '@/lib/search-params';

export const TAB_LABELS: Record<Tab, string> = {
  overview: 'Overview',
  progress: 'Training progress',
  health: 'Health',
  questions: 'Questions',
  comparison: 'Comparison',
  failures: 'Failures',
  'tool-contexts': 'Tool contexts',
};

export interface TabNavProps {
  /** The current URL parameters: every tab link keeps the filters. */
  params: DashboardParams;
  pathname?: string;
}

/**
 * The dashboard's tabs as plain links (they work without JavaScript and open in new tabs). Like every dashboard link,
 * they are not prefetched: each one is a full dynamic render of the page with its statistics.
 */
export function TabNav({ params, pathname }: TabNavProps) {
  return (
    <nav aria-label="Analysis views" className="border-b border-tremor-border dark:border-dark-tremor-border">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const active = params.tab === tab;
          return (
            <li key={tab}>
              <Link
                prefetch={false}
                href={tabHref(params, tab, pathname)}
                aria-current={active ? 'page' : undefined}
                data-testid={`tab-${tab}`}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors ${
                  active
                    ? 'border-tremor-brand text-tremor-brand dark:border-dark-tremor-brand dark:text-dark-tremor-brand-emphasis'
                    : 'border-transparent text-tremor-content hover:border-tremor-content-subtle hover:text-tremor-content-emphasis dark:text-dark-tremor-content dark:hover:text-dark-tremor-content-emphasis'
                }`}
              >
                {TAB_LABELS[tab]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
