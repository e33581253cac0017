export interface PageInfo {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last item shown (0 and 0 when there are none). */
  first: number;
  last: number;
  total: number;
}

/** Where a page of `limit` items starting at `offset` sits in `total` items. */
export function pageInfo(total: number, limit: number, offset: number): PageInfo {
  const size = Math.max(1, limit);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pageCount, Math.floor(offset / size) + 1);
  const first = total === 0 ? 0 : Math.min(total, offset + 1);
  return { page, pageCount, first, last: Math.min(total, offset + size), total };
}

/** Page numbers to show as links: the first, the last, and those near the current one; null is a "…". */
export function pageNumbers(page: number, pageCount: number, around = 1): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    const shown = p === 1 || p === pageCount || Math.abs(p - page) <= around;
    if (shown) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
