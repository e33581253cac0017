/** What the choice of a default training needs from a training-list item. */
export interface DatedTraining {
  training_id: string;
  /** [first, last] rollout time, Unix seconds, or null when none is recorded. */
  date_range: readonly [number, number] | null;
}

/**
 * The most recently written training: the largest last rollout time. On a tie, or when no time is recorded, the later
 * one in the list wins. Undefined for an empty list.
 */
export function latestTraining(trainings: readonly DatedTraining[]): string | undefined {
  let latest: DatedTraining | undefined;
  for (const training of trainings) {
    const time = training.date_range?.[1] ?? -Infinity;
    if (latest === undefined || time >= (latest.date_range?.[1] ?? -Infinity)) latest = training;
  }
  return latest?.training_id;
}
