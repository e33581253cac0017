/** The distinct values of `values`, NaN left out, ascending (−0 and 0 count as one). */
export function distinctSorted(values: ArrayLike<number>): Float64Array {
  // A typed array sort puts NaN last; the distinct values are the heads of the runs before it.
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length && !Number.isNaN(sorted[i]); i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  return sorted.slice(0, count);
}

/** The index of `value` in the ascending `sorted` (which holds it). */
export function indexOfSorted(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * 1-based ranks of items given by their code (index among `distinct` ascending values), ties given the average of the
 * ranks they span: a count per code and a running sum, no sort.
 */
export function ranksOfCodes(codes: ArrayLike<number>, distinct: number): Float64Array {
  const counts = new Float64Array(distinct);
  for (let j = 0; j < codes.length; j++) counts[codes[j]]++;
  // The items with code v hold ranks before+1 … before+count: their average is before + (count + 1) / 2.
  const average = new Float64Array(distinct);
  let before = 0;
  for (let v = 0; v < distinct; v++) {
    average[v] = before + (counts[v] + 1) / 2;
    before += counts[v];
  }
  const ranks = new Float64Array(codes.length);
  for (let j = 0; j < codes.length; j++) ranks[j] = average[codes[j]];
  return ranks;
}
