import { formatLimit, INGEST_LIMIT_SETTINGS } from './limits';

export const LIMITS_START = '<!-- limits:start -->';
export const LIMITS_END = '<!-- limits:end -->';

/** The table of ingest limits in docs/ingest.md, from `INGEST_LIMIT_SETTINGS`, between its markers. */
export function limitsMarkdown(): string {
  const rows = INGEST_LIMIT_SETTINGS.map(
    (setting) =>
      `| \`${setting.variable}\` | ${formatLimit(setting.default, setting.unit)} | ${setting.scope} | ${setting.meaning} |`,
  );
  return [
    LIMITS_START,
    '',
    '| variable | default | applies to | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    LIMITS_END,
  ].join('\n');
}

/** `doc` with its limits table replaced by the current one. */
export function withLimitsTable(doc: string): string {
  const start = doc.indexOf(LIMITS_START);
  const end = doc.indexOf(LIMITS_END);
  if (start < 0 || end < start)
    throw new Error(`the document has no ${LIMITS_START} … ${LIMITS_END} section`);
  return `${doc.slice(0, start)}${limitsMarkdown()}${doc.slice(end + LIMITS_END.length)}`;
}
