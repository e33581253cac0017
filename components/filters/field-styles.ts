/** Native inputs and selects styled like Tremor's controls. */
export const FIELD_LABEL = 'text-xs font-medium text-tremor-content dark:text-dark-tremor-content';

/** Border, colours and focus ring, without a size. */
export const FIELD_SURFACE =
  'min-w-0 rounded-tremor-default border border-tremor-border bg-tremor-background px-2.5 text-tremor-default text-tremor-content-emphasis shadow-tremor-input outline-none focus:border-tremor-brand-subtle focus:ring-2 focus:ring-tremor-brand-muted aria-[invalid=true]:border-rose-500 dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-emphasis dark:shadow-dark-tremor-input dark:focus:border-dark-tremor-brand-subtle dark:focus:ring-dark-tremor-brand-muted';

/** As tall as Tremor's select buttons, so a row of mixed controls lines up. */
export const FIELD_CONTROL = `${FIELD_SURFACE} h-[38px] w-full`;
