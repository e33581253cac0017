import type { SelectionExtent } from '@/lib/analysis/filters/extent';
import { formatInteger } from '@/lib/chart-data/format';

/** What a selection spans, as the overview labels its figures with it. */
export type Extent = Pick<SelectionExtent, 'runs' | 'epochs' | 'questions'> & {
  epochIds?: readonly number[];
};

/** "pooled over 12 epochs", "pooled over 2 runs and 12 epochs", or null when a figure pools nothing. */
export function pooledPhrase(extent: Extent | null | undefined): string | null {
  if (!extent) return null;
  const parts = [
    ...(extent.runs > 1 ? [`${formatInteger(extent.runs)} runs`] : []),
    ...(extent.epochs > 1 ? [`${formatInteger(extent.epochs)} epochs`] : []),
  ];
  return parts.length > 0 ? `pooled over ${parts.join(' and ')}` : null;
}

/**
 * What the summary's question count counts: a question once per run and epoch it appears in. "questions" when that
 * is one each, else "question-epochs", "question-runs" or "question-run-epochs".
 */
export function questionUnit(extent: Extent | null | undefined): string {
  const per = pooledParts(extent);
  return per.length > 0 ? `question-${per.join('-')}s` : 'questions';
}

/** What a question is counted once per: "epoch", "run and epoch", or "" when nothing is pooled. */
export function countedPer(extent: Extent | null | undefined): string {
  return pooledParts(extent).join(' and ');
}

function pooledParts(extent: Extent | null | undefined): string[] {
  if (!extent) return [];
  return [...(extent.runs > 1 ? ['run'] : []), ...(extent.epochs > 1 ? ['epoch'] : [])];
}

/** "1,440 question-epochs of 120 questions", or "120 questions" when nothing is pooled. */
export function questionCountLabel(count: number, extent: Extent | null | undefined): string {
  const unit = questionUnit(extent);
  if (unit === 'questions' || !extent) return `${formatInteger(count)} questions`;
  return `${formatInteger(count)} ${unit} of ${formatInteger(extent.questions)} ${extent.questions === 1 ? 'question' : 'questions'}`;
}

/** "epochs 0–11" (a run's epochs are usually consecutive), or the list when they are not. */
export function epochSpan(epochIds: readonly number[]): string {
  if (epochIds.length === 0) return '';
  const first = epochIds[0];
  const last = epochIds[epochIds.length - 1];
  if (epochIds.length === 1) return `epoch ${first}`;
  return last - first + 1 === epochIds.length ? `epochs ${first}–${last}` : `epochs ${epochIds.join(', ')}`;
}

/** A card subtitle with what it pools appended: "412 trajectories · pooled over 12 epochs". */
export function withPooled(subtitle: string, extent: Extent | null | undefined): string {
  const pooled = pooledPhrase(extent);
  return pooled ? `${subtitle} · ${pooled}` : subtitle;
}
