/** A SQL string literal for a LanceDB `where`: the value is data, quotes are doubled, nothing else is special. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** String literals separated by commas, for `IN (…)` and list literals. */
export function sqlList(values: readonly string[]): string {
  return values.map(sqlString).join(', ');
}

/** A number for a `where`; only finite numbers are written (anything else is a bug upstream). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}
