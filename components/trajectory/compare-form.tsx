import { COMPARE_PATH } from '@/lib/search-params';

export interface CompareFormProps {
  /** The trajectory on show: the left column (`a`). */
  currentId: string;
  /** The trajectory in the right column now, when the form is on the side-by-side page. */
  otherId?: string;
}

const INPUT =
  'min-w-0 flex-1 rounded-md border border-tremor-border bg-tremor-background px-2 py-1 font-mono text-xs text-tremor-content-strong dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong';
const BUTTON =
  'rounded-md border border-tremor-border px-2 py-1 text-xs font-medium text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand';

/**
 * "Compare with…": any other trajectory by its id (another run, another epoch of the question), side by side with
 * this one. A plain GET form: it works before the page's scripts load.
 */
export function CompareForm({ currentId, otherId }: CompareFormProps) {
  return (
    <form action={COMPARE_PATH} method="get" className="space-y-1 text-xs" data-testid="compare-form">
      <input type="hidden" name="a" value={currentId} />
      <label
        htmlFor="compare-with"
        className="block font-medium text-tremor-content dark:text-dark-tremor-content"
      >
        Compare with trajectory…
      </label>
      <div className="flex gap-2">
        <input
          id="compare-with"
          name="b"
          required
          maxLength={256}
          defaultValue={otherId}
          placeholder="trajectory id"
          autoComplete="off"
          spellCheck={false}
          className={INPUT}
        />
        <button type="submit" className={BUTTON}>
          Compare
        </button>
      </div>
    </form>
  );
}
