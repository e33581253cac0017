/**
 * The words of a search as the step-text index sees them: split at anything but letters and digits (as LanceDB's
 * "simple" tokenizer does), lowercased, each once. The step search requires every one of them; highlighting marks them.
 */
export function searchTerms(q: string | null | undefined): string[] {
  if (!q) return [];
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((term) => term !== ''),
    ),
  ];
}
