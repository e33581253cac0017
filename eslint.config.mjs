import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    // UI never touches the database or the analysis code: pages and route handlers compute, components get plain props
    // (types of those props may be imported).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/*', '@lancedb/*', '@/lib/ingest', '@/lib/ingest/*'],
              message: 'Components receive plain props; only pages and route handlers read data.',
            },
            {
              group: ['@/lib/analysis', '@/lib/analysis/**', '@/lib/api', '@/lib/api/**'],
              allowTypeImports: true,
              message: 'Components receive computed results as props; import only their types.',
            },
          ],
        },
      ],
    },
  },
  ...layerRules([
    {
      files: ['lib/ingest/**/*.ts'],
      patterns: ['**/analysis', '**/analysis/**', '@/lib/analysis/**', '**/chart-data/**'],
      message:
        'The write path (lib/ingest) never imports the read path: shared pieces live in lib/db or lib/json.',
    },
    {
      files: ['lib/analysis/engine/**/*.ts', 'lib/analysis/scan/**/*.ts', 'lib/analysis/metrics/**/*.ts'],
      patterns: [
        '**/params/**',
        '**/search-params',
        '@/lib/params/**',
        '@/lib/search-params',
        '**/chart-data/**',
      ],
      message:
        'The engine, the scan and the metrics never read the URL layer: filters reach them as the filter form (lib/analysis/filters/filter.ts).',
    },
    {
      files: ['lib/db/**/*.ts'],
      patterns: ['**/analysis/**', '**/ingest/**', '**/params/**', '**/chart-data/**', '@/lib/analysis/**'],
      message: 'lib/db is the bottom layer: it imports nothing of the layers above it.',
    },
    {
      files: ['lib/annotations/**/*.ts'],
      patterns: ['**/analysis/**', '@/lib/analysis/**', '**/ingest/**', '**/params/**', '**/chart-data/**'],
      message: 'Team notes sit below the read path: lib/analysis reads them, never the other way round.',
    },
    {
      files: ['lib/chart-data/**/*.ts'],
      patterns: ['**/db', '**/db/**', '@lancedb/*', '**/ingest/**'],
      message: 'Chart data is prepared from computed results, never read from the database.',
    },
  ]),
];

/** One no-restricted-imports rule per layer (tests may cross layers to set up data). */
function layerRules(layers) {
  return layers.map(({ files, patterns, message }) => ({
    files,
    ignores: ['**/*.test.ts', '**/test-*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
    },
  }));
}

export default config;
