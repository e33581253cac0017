/** The one function of the charting library's tick maths the axis tests compare against (the package has no types). */
declare module 'recharts-scale' {
  export function getTickValuesFixedDomain(
    domain: [number, number],
    tickCount: number,
    allowDecimals: boolean,
  ): (number | { toString(): string })[];
}
