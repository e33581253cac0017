import { Fragment } from 'react';
import { nameBreaks } from '@/lib/chart-data/names';

/**
 * A long name (a run's) that may wrap onto more lines only after its separators (`-`, `_`, `/`, `.`, `:`), so each
 * line ends on a whole part. The parent sets the width; the text is the name as given.
 */
export function BreakableName({ name }: { name: string }) {
  return (
    <>
      {nameBreaks(name).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
