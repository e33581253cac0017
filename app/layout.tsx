import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { Suspense } from 'react';
import { SiteHeader } from '@/components/shell/site-header';
import { DataFreshness } from './_shell/data-freshness';
import './globals.css';

export const metadata: Metadata = {
  title: 'RL Trajectory Dashboard',
  description: 'Per-epoch analysis of RL training trajectories stored in LanceDB',
};

// Follows the OS colour scheme before first paint, so dark mode never flashes.
const themeScript = `try{if(matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')}catch(e){}`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The per-request script nonce set by proxy.ts (Content-Security-Policy); Next.js adds it to its own scripts.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-tremor-background-muted text-tremor-content-emphasis antialiased dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-emphasis">
        <SiteHeader
          status={
            <Suspense fallback={null}>
              <DataFreshness />
            </Suspense>
          }
        />
        <NuqsAdapter>
          <main className="mx-auto max-w-screen-2xl px-6 py-6">{children}</main>
        </NuqsAdapter>
      </body>
    </html>
  );
}
