/** Said under the filters when `q` could not search the step text (the table has no step index). */
export function SearchScopeNote() {
  return (
    <p
      role="note"
      data-testid="search-scope-note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      The search matched questions and ids only: this table has no index of the step text
      (STEP_SEARCH_INDEX=off).
    </p>
  );
}
