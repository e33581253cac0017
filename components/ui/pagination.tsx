import Link from 'next/link';
import { type DashboardParams, pageHref } from '@/lib/search-params';
import { formatInteger } from '@/lib/chart-data/format';
import { pageInfo, pageNumbers } from '@/lib/chart-data/pagination';

export interface PaginationProps {
  params: DashboardParams;
  total: number;
  limit: number;
  offset: number;
  /** What is counted: "trajectories", "failed calls". */
  noun: string;
  pathname?: string;
}

const LINK =
  'rounded px-2 py-1 text-xs tabular-nums text-tremor-content-emphasis hover:bg-tremor-background-subtle dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle';
const DISABLED = 'rounded px-2 py-1 text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle';

/** Page links (the `page` URL parameter), usable without JavaScript. */
export function Pagination({ params, total, limit, offset, noun, pathname }: PaginationProps) {
  const info = pageInfo(total, limit, offset);
  const href = (page: number) => pageHref(params, page, pathname);
  return (
    <nav
      aria-label="Pagination"
      data-testid="pagination"
      className="flex items-center justify-between gap-3 pt-3"
    >
      <p className="text-xs text-tremor-content dark:text-dark-tremor-content">
        {total === 0
          ? `No ${noun}`
          : `${formatInteger(info.first)}–${formatInteger(info.last)} of ${formatInteger(total)} ${noun}`}
      </p>
      {info.pageCount > 1 ? (
        <ul className="flex items-center gap-0.5">
          <li>
            {info.page > 1 ? (
              <Link prefetch={false} href={href(info.page - 1)} scroll={false} rel="prev" className={LINK}>
                ‹ Prev
              </Link>
            ) : (
              <span className={DISABLED}>‹ Prev</span>
            )}
          </li>
          {pageNumbers(info.page, info.pageCount).map((page, i) => (
            <li key={page ?? `gap-${i}`}>
              {page === null ? (
                <span className={DISABLED}>…</span>
              ) : page === info.page ? (
                <span
                  aria-current="page"
                  className="rounded bg-tremor-brand-faint px-2 py-1 text-xs font-semibold tabular-nums text-tremor-brand dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis"
                >
                  {page}
                </span>
              ) : (
                <Link prefetch={false} href={href(page)} scroll={false} className={LINK}>
                  {page}
                </Link>
              )}
            </li>
          ))}
          <li>
            {info.page < info.pageCount ? (
              <Link prefetch={false} href={href(info.page + 1)} scroll={false} rel="next" className={LINK}>
                Next ›
              </Link>
            ) : (
              <span className={DISABLED}>Next ›</span>
            )}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}
