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
    // UI never touches the database: pages call lib/analysis and pass plain props down.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/*', '@lancedb/*', '@/lib/ingest', '@/lib/ingest/*'],
              message: 'Components receive plain props; only pages and route handlers read data.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
