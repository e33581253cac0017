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
];

export default config;
