import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The three looks of a link in the app. None is prefetched: every page is computed per request, and a page full of
 * links must not compute them all in advance. Other props (scroll, aria-current, data-testid) go to the link.
 */

type LinkProps = Omit<ComponentProps<typeof Link>, 'prefetch'>;

const TEXT = 'text-tremor-brand hover:underline dark:text-dark-tremor-brand';
const CHIP = 'rounded px-1.5 py-0.5';
const CHIP_ACTIVE =
  'bg-tremor-brand-muted font-semibold text-tremor-brand-emphasis dark:bg-dark-tremor-brand-muted dark:text-dark-tremor-brand-emphasis';
const PILL =
  'rounded-md border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand';

/** `extra` (size, weight, spacing) before the look's own classes. */
function classes(extra: string | undefined, own: string): string {
  return extra ? `${extra} ${own}` : own;
}

/** A link in running text: brand colour, underlined on hover; `className` adds size, weight or spacing. */
export function TextLink({ className, ...props }: LinkProps) {
  return <Link prefetch={false} {...props} className={classes(className, TEXT)} />;
}

/**
 * One of a row of small choices (an epoch, a rate, a run): a text link, or highlighted when it is the `active` one.
 * `tabular` lines up digits.
 */
export function ChipLink({
  active = false,
  tabular = false,
  className,
  ...props
}: LinkProps & { active?: boolean; tabular?: boolean }) {
  const chip = tabular ? `${CHIP} tabular-nums` : CHIP;
  return (
    <Link
      prefetch={false}
      {...props}
      className={classes(className, `${chip} ${active ? CHIP_ACTIVE : TEXT}`)}
    />
  );
}

/** A framed link, one of a set to pick from (trainings, pairs of runs, neighbouring groups). */
export function PillLink({ className, ...props }: LinkProps) {
  return <Link prefetch={false} {...props} className={classes(className, PILL)} />;
}
