import type { ValueFormat } from './types';

/** Shown wherever a figure is missing or not computable. */
export const NOT_AVAILABLE = 'n/a';

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Fixed decimals without a "-0.000" for tiny negatives. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** 0.4213 → "42.1%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return isNumber(value) ? `${fixed(value * 100, digits)}%` : NOT_AVAILABLE;
}

/** Rewards with three decimals: 0.42 → "0.420" (more where a chart's ticks need them to differ). */
export function formatReward(value: number | null | undefined, digits = 3): string {
  return isNumber(value) ? fixed(value, digits) : NOT_AVAILABLE;
}

/** A mean with its confidence interval: "0.420 [0.350, 0.490]". */
export function formatRewardWithCI(
  value: number | null | undefined,
  ci: { low: number; high: number } | null | undefined,
): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  return ci
    ? `${formatReward(value)} [${formatReward(ci.low)}, ${formatReward(ci.high)}]`
    : formatReward(value);
}

/** A difference of two rates in percentage points, signed: 0.052 → "+5.2 pp". */
export function formatPercentPoints(value: number | null | undefined, digits = 1): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  const text = fixed(value * 100, digits);
  return `${Number(text) > 0 ? '+' : ''}${text} pp`;
}

/** A p-value: "< 0.001" when tiny, otherwise three decimals. */
export function formatPValue(p: number | null | undefined): string {
  if (!isNumber(p)) return NOT_AVAILABLE;
  return p < 0.001 ? '< 0.001' : fixed(p, 3);
}

/** A correlation coefficient with its sign: "0.412", "-0.050". */
export function formatCorrelation(r: number | null | undefined): string {
  return isNumber(r) ? fixed(r, 3) : NOT_AVAILABLE;
}

/** An exact count with thousands separators: 12345 → "12,345". */
export function formatInteger(value: number | null | undefined): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Largest first. */
const COMPACT_UNITS = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'k' },
] as const;

/** A count for tight spaces: 999 → "999", 1234 → "1.2k", 12345 → "12k", 2500000 → "2.5M". */
export function formatCompact(value: number | null | undefined): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  for (let u = 0; u < COMPACT_UNITS.length; u++) {
    const { size, suffix } = COMPACT_UNITS[u];
    if (abs < size) continue;
    const scaled = abs / size;
    const text = scaled < 10 ? scaled.toFixed(1).replace(/\.0$/, '') : String(Math.round(scaled));
    // 999,600 rounds to "1000k": say "1M" instead.
    if (text === '1000' && u > 0) return `${sign}1${COMPACT_UNITS[u - 1].suffix}`;
    return `${sign}${text}${suffix}`;
  }
  return `${sign}${Math.round(abs)}`;
}

/** The chart value formatter chosen by name. */
export function formatValue(format: ValueFormat, value: number | null | undefined): string {
  switch (format) {
    case 'percent':
      return formatPercent(value);
    case 'reward':
      return formatReward(value);
    case 'count':
      return formatInteger(value);
  }
}

/** A trajectory's reward, or "unscored" when its log gave none (never shown as 0). */
export function formatTrajectoryReward(value: number | null): string {
  return value === null ? 'unscored' : formatReward(value);
}

/** Labels of the metrics trainers log (lib/db/columns.ts METRIC_NAMES), as the trajectory page shows them. */
export const METRIC_LABELS: Record<string, string> = {
  prompt_tokens: 'Prompt tokens',
  response_tokens: 'Response tokens',
  truncated: 'Truncated',
  latency_s: 'Latency',
  cost_usd: 'Cost',
  policy_version: 'Policy version',
  advantage: 'Advantage',
};

/** One logged metric's value as text: tokens as integers, seconds, dollars, truncated as yes/no. */
export function formatMetric(name: string, value: number): string {
  switch (name) {
    case 'truncated':
      return value ? 'yes' : 'no';
    case 'latency_s':
      return `${fixed(value, value < 10 ? 2 : 1)} s`;
    case 'cost_usd':
      return `$${fixed(value, value < 1 ? 4 : 2)}`;
    case 'prompt_tokens':
    case 'response_tokens':
    case 'policy_version':
      return formatInteger(value);
    default:
      return fixed(value, 3);
  }
}
