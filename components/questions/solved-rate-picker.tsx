import { ChipLink } from '@/components/ui/links';

/** The thresholds offered for "solved": the share of a question's samples that must succeed in an epoch. */
export const SOLVED_RATES = [0.25, 0.5, 0.75, 1];

export interface SolvedRatePickerProps {
  /** The threshold in use. */
  current: number;
  /** The same view at another threshold. */
  hrefOf: (rate: number) => string;
}

/** "solved at ≥ 25% 50% 75% 100%": the threshold that makes a question solved, the one in use highlighted. */
export function SolvedRatePicker({ current, hrefOf }: SolvedRatePickerProps) {
  return (
    <span className="flex items-center gap-1 text-xs" data-testid="solved-rate">
      solved at ≥
      {SOLVED_RATES.map((rate) => (
        <ChipLink
          key={rate}
          scroll={false}
          href={hrefOf(rate)}
          aria-current={rate === current ? 'true' : undefined}
          active={rate === current}
          tabular
        >
          {rate * 100}%
        </ChipLink>
      ))}
    </span>
  );
}
