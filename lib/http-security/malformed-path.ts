/** Whether some path segment holds a %-escape that does not decode (`%zz`, a cut UTF-8 sequence like `%E0%A4`). */
export function hasMalformedEscape(pathname: string): boolean {
  return pathname.split('/').some((segment) => {
    if (!segment.includes('%')) return false;
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The path with every `%` that does not start a valid escape written as `%25`, so the page receives the segment as
 * the literal text that was typed (and answers "not found" for it) instead of failing to decode it.
 */
export function escapeStrayPercents(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      if (!hasMalformedEscape(segment)) return segment;
      return segment.replace(/%/g, '%25');
    })
    .join('/');
}
