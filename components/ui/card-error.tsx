import { Card } from './card';

export interface CardErrorProps {
  /** The title of the card that failed, so the grid keeps its shape. */
  title: string;
  message: string;
}

/** A card whose data failed to load; the rest of the page stays usable. */
export function CardError({ title, message }: CardErrorProps) {
  return (
    <Card title={title} testId="card-error">
      <p
        role="alert"
        className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-xs text-rose-700 dark:border-rose-400/30 dark:bg-rose-400/10 dark:text-rose-300"
      >
        This card failed to load: {message}
      </p>
    </Card>
  );
}
