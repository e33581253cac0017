import type { Annotation, ListQuery, Target } from './schema';

/** The target field a list query may name, and the value a note's target holds for it (undefined: none). */
function targetField(target: Target, field: 'trajectory_id' | 'data_id' | 'training_id' | 'epoch_id') {
  return (target as Partial<Record<typeof field, string | number>>)[field];
}

const TARGET_FIELDS = ['trajectory_id', 'data_id', 'training_id', 'epoch_id'] as const;

/**
 * The notes a `GET /api/annotations` query keeps: each target field given must be a field of the note's target with
 * that value (so `data_id=q1` keeps the notes on question q1 and on its groups, never a trajectory's note), and the
 * label and author must match. In the order given (most recently changed first).
 */
export function matchingAnnotations(
  annotations: readonly Annotation[],
  query: Omit<ListQuery, 'limit' | 'offset'>,
): Annotation[] {
  return annotations.filter(
    (annotation) =>
      TARGET_FIELDS.every(
        (field) => query[field] === undefined || targetField(annotation.target, field) === query[field],
      ) &&
      (query.label === undefined || annotation.label === query.label) &&
      (query.author === undefined || annotation.author === query.author),
  );
}

/** The keys of one trajectory that notes may be attached to. */
export interface TrajectoryKeys {
  trajectory_id: string;
  training_id: string;
  epoch_id: number;
  data_id: string;
}

/** Whether a note is about this trajectory: itself, its question (every run) or its group. */
export function concernsTrajectory(target: Target, keys: TrajectoryKeys): boolean {
  switch (target.kind) {
    case 'trajectory':
      return target.trajectory_id === keys.trajectory_id;
    case 'question':
      return target.data_id === keys.data_id;
    case 'group':
      return (
        target.data_id === keys.data_id &&
        target.training_id === keys.training_id &&
        target.epoch_id === keys.epoch_id
      );
  }
}

/** Whether a note is about this group: the group itself or its question. */
export function concernsGroup(target: Target, trainingId: string, epochId: number, dataId: string): boolean {
  return (
    (target.kind === 'question' && target.data_id === dataId) ||
    (target.kind === 'group' &&
      target.data_id === dataId &&
      target.training_id === trainingId &&
      target.epoch_id === epochId)
  );
}

/** The distinct labels of some notes, in alphabetical order. */
export function labelsOf(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.flatMap((a) => (a.label ? [a.label] : [])))].sort();
}

/**
 * The labels of questions: per data_id, the labels of its question notes and, when `trainingId` is given, of its
 * group notes in that run (any epoch).
 */
export function labelsByQuestion(
  annotations: readonly Annotation[],
  trainingId?: string,
): Record<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const { target, label } of annotations) {
    if (!label || target.kind === 'trajectory') continue;
    if (target.kind === 'group' && target.training_id !== trainingId) continue;
    let labels = found.get(target.data_id);
    if (!labels) found.set(target.data_id, (labels = new Set()));
    labels.add(label);
  }
  return Object.fromEntries([...found].map(([dataId, labels]) => [dataId, [...labels].sort()]));
}

/**
 * The labels of each of some trajectories (on itself, its question or its group), keyed by trajectory_id, sorted;
 * trajectories without any are left out.
 */
export function labelsByTrajectory(
  annotations: readonly Annotation[],
  rows: readonly TrajectoryKeys[],
): Record<string, string[]> {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, label: string) => {
    let labels = byKey.get(key);
    if (!labels) byKey.set(key, (labels = new Set()));
    labels.add(label);
  };
  const groupKey = (trainingId: string, epochId: number, dataId: string) =>
    JSON.stringify(['g', trainingId, epochId, dataId]);
  for (const { target, label } of annotations) {
    if (!label) continue;
    if (target.kind === 'trajectory') add(JSON.stringify(['t', target.trajectory_id]), label);
    else if (target.kind === 'question') add(JSON.stringify(['q', target.data_id]), label);
    else add(groupKey(target.training_id, target.epoch_id, target.data_id), label);
  }
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    const labels = new Set<string>();
    for (const key of [
      JSON.stringify(['t', row.trajectory_id]),
      JSON.stringify(['q', row.data_id]),
      groupKey(row.training_id, row.epoch_id, row.data_id),
    ])
      for (const label of byKey.get(key) ?? []) labels.add(label);
    if (labels.size > 0) out[row.trajectory_id] = [...labels].sort();
  }
  return out;
}
