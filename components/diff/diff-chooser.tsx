import { FIELD_CONTROL, FIELD_LABEL } from '@/components/filters/field-styles';
import { DIFF_PATH } from '@/lib/search-params';

export interface DiffChooserProps {
  trainings: readonly string[];
  /** The sides the form opens with (the current ones, or a suggestion). */
  a: { training_id: string | null; epoch_id: number | null };
  b: { training_id: string | null; epoch_id: number | null };
  solvedRate: number;
}

const BUTTON =
  'h-[38px] rounded-tremor-default bg-tremor-brand px-4 text-sm font-medium text-tremor-brand-inverted hover:bg-tremor-brand-emphasis dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted';

/**
 * The two sides as a plain form (it works without JavaScript): a run and an epoch each. The same run twice is one run
 * at two epochs; the page reads both runs from the repeated `training_ids`.
 */
export function DiffChooser({ trainings, a, b, solvedRate }: DiffChooserProps) {
  const side = (name: 'a' | 'b', value: DiffChooserProps['a']) => (
    <fieldset className="flex min-w-0 items-end gap-2 lg:flex-1">
      <legend className="sr-only">Side {name}</legend>
      <label className="flex min-w-0 flex-1 flex-col gap-1">
        <span className={FIELD_LABEL}>Run {name}</span>
        <select name="training_ids" defaultValue={value.training_id ?? ''} className={FIELD_CONTROL} required>
          <option value="" disabled>
            Choose a run
          </option>
          {trainings.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-20 flex-none flex-col gap-1">
        <span className={FIELD_LABEL}>Epoch {name}</span>
        <input
          type="number"
          name={`epoch_${name}`}
          min={0}
          step={1}
          required
          defaultValue={value.epoch_id ?? ''}
          className={FIELD_CONTROL}
        />
      </label>
    </fieldset>
  );
  return (
    <form
      action={DIFF_PATH}
      method="get"
      className="flex flex-col gap-3 lg:flex-row lg:items-end"
      data-testid="diff-chooser"
    >
      {side('a', a)}
      <span aria-hidden className="hidden pb-2 text-tremor-content lg:inline">
        →
      </span>
      {side('b', b)}
      <div className="flex items-end gap-3">
        <label className="flex w-24 flex-none flex-col gap-1">
          <span className={FIELD_LABEL}>Solved at ≥</span>
          <input
            type="number"
            name="solved_rate"
            min={0}
            max={1}
            step={0.05}
            defaultValue={solvedRate}
            className={FIELD_CONTROL}
          />
        </label>
        <button type="submit" className={BUTTON}>
          Diff
        </button>
      </div>
    </form>
  );
}
