'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { GroupLink } from '@/lib/chart-data/groups';
import { PillLink } from '@/components/ui/links';

const KEY_LABEL: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', '[': '[', ']': ']' };

/** Previous / next question and epoch as links, and the same moves from the keyboard (← → and [ ]). */
export function GroupNav({ links }: { links: GroupLink[] }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target;
      if (target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]'))
        return;
      const link = links.find((l) => l.key === event.key);
      if (!link?.href) return;
      event.preventDefault();
      router.push(link.href);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [links, router]);

  return (
    <nav aria-label="Other groups" className="flex flex-wrap gap-2 text-xs" data-testid="group-nav">
      {links.map((link) => {
        const content = (
          <>
            <kbd className="mr-1 rounded border border-tremor-border px-1 font-mono dark:border-dark-tremor-border">
              {KEY_LABEL[link.key]}
            </kbd>
            {link.label}
          </>
        );
        return link.href ? (
          <PillLink key={link.key} href={link.href}>
            {content}
          </PillLink>
        ) : (
          <span
            key={link.key}
            aria-disabled="true"
            className="rounded-md border border-tremor-border px-2 py-1 text-tremor-content-subtle dark:border-dark-tremor-border"
          >
            {content}
          </span>
        );
      })}
    </nav>
  );
}
