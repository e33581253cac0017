import { FIELD_CONTROL, FIELD_LABEL } from '@/components/filters/field-styles';
import { TextLink } from '@/components/ui/links';
import { epochPairs } from '@/lib/chart-data/diff';
import { DIFF_PATH } from '@/lib/search-params';

export interface DiffEpochsFormProps {
  trainingId: string;
  /** The run's epochs, ascending. */
  epochs: readonly number[];
  /** The epochs the form opens with; default the first and the last. */
  from?: number | null;
  to?: number | null;
  /** Carried along when it is not the default (0.5). */
  solvedRate?: number;
  /** Where it sits: spacing and a rule above it inside a card. */
  className?: string;
}

const BUTTON =
  'h-[38px] rounded-tremor-default border border-tremor-border px-3 text-sm text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand';

/** "Which questions changed between epoch A and epoch B, and why": two epochs of one run, opening the diff page. */
export function DiffEpochsForm({
  trainingId,
  epochs,
  from,
  to,
  solvedRate,
  className = '',
}: DiffEpochsFormProps) {
  if (epochs.length < 2) return null;
  // A chosen epoch that is the first one would make both sides the same: then first → last.
  const last = to !== undefined && to !== null && to !== epochs[0] ? to : epochs.at(-1)!;
  const first = from ?? epochs[0];
  const select = (name: 'epoch_a' | 'epoch_b', label: string, value: number) => (
    <label className="flex w-28 flex-col gap-1">
      <span className={FIELD_LABEL}>{label}</span>
      <select name={name} defaultValue={value} className={FIELD_CONTROL}>
        {epochs.map((epoch) => (
          <option key={epoch} value={epoch}>
            {epoch}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      action={DIFF_PATH}
      method="get"
      className={`flex flex-wrap items-end gap-x-3 gap-y-2 ${className}`}
      data-testid="diff-epochs-form"
      aria-label="Compare two epochs"
    >
      <input type="hidden" name="training_id" value={trainingId} />
      {solvedRate !== undefined && solvedRate !== 0.5 ? (
        <input type="hidden" name="solved_rate" value={solvedRate} />
      ) : null}
      <p className="w-full text-xs font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
        Compare two epochs question by question: what flipped, and what changed in the trajectories
      </p>
      {select('epoch_a', 'From epoch', first)}
      {select('epoch_b', 'To epoch', last)}
      <button type="submit" className={BUTTON}>
        Diff epochs
      </button>
      <span className="flex flex-wrap gap-x-3 pb-2 text-xs">
        {epochPairs(trainingId, epochs).map((pair) => (
          <TextLink key={pair.href} href={pair.href}>
            {pair.label}
          </TextLink>
        ))}
      </span>
    </form>
  );
}
