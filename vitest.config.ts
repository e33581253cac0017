import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Projects: `unit` (node) and `dom` (jsdom, the component tests) make up `npm run test:unit`; `slow` holds the tests
 * that spawn tsx subprocesses (`npm run test:slow`). `npm test` runs them all, then the browser tests.
 *
 * `unit` and `dom` share one module graph per worker (`isolate: false`): each test file then costs its own tests, not
 * a fresh process with every import evaluated again. A file that replaces modules with `vi.mock` needs a graph of its
 * own, so such files run isolated in `unit:isolated` / `dom:isolated`.
 */
const ROOT = import.meta.dirname;
const SLOW = [
  'lib/ingest/cli.test.ts',
  'lib/ingest/concurrent-writers.test.ts',
  'scripts/demo-load.test.ts',
  '**/*.slow.test.ts',
];
const SLOW_FILES = new Set(SLOW.filter((pattern) => !pattern.includes('*')));

function testFiles(dirs: string[], suffix: string): string[] {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith(suffix) && !file.includes('node_modules'))
      .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
      .filter((file) => !SLOW_FILES.has(file) && !file.endsWith('.slow.test.ts')),
  );
}

const mocksModules = (file: string) =>
  /\bvi\.(mock|doMock)\(/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));

function project(
  name: string,
  include: string[],
  options: TestProjectInlineConfiguration['test'],
): TestProjectInlineConfiguration {
  return {
    resolve: {
      alias: {
        '@': ROOT,
        // Tests run outside React's server environment: the guard against client imports resolves to its no-op entry.
        'server-only': path.join(ROOT, 'node_modules/server-only/empty.js'),
      },
    },
    test: { name, include, testTimeout: 30_000, hookTimeout: 60_000, ...options },
  };
}

/** A shared-graph project for the files that allow it, and an isolated one for those that mock modules. */
function sharedAndIsolated(name: string, files: string[], environment: 'node' | 'jsdom') {
  const isolated = files.filter(mocksModules);
  const shared = files.filter((file) => !isolated.includes(file));
  return [
    project(name, shared, { environment, isolate: false }),
    ...(isolated.length > 0 ? [project(`${name}:isolated`, isolated, { environment })] : []),
  ];
}

export default defineConfig({
  test: {
    projects: [
      ...sharedAndIsolated('unit', testFiles(['lib', 'app', 'scripts'], '.test.ts'), 'node'),
      ...sharedAndIsolated('dom', testFiles(['app', 'components'], '.test.tsx'), 'jsdom'),
      project('slow', SLOW, { environment: 'node' }),
    ],
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      exclude: ['lib/**/*.test.ts', 'lib/**/test-*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
