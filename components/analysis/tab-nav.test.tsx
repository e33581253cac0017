import { cleanup, render, screen } from '@testing-library/react';
import { createLoader } from 'nuqs/server';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardParsers } from '@/lib/search-params';
import { TabNav } from './tab-nav';

const load = createLoader(dashboardParsers);

afterEach(cleanup);

describe('TabNav', () => {
  it('links every tab with the current filters and marks the active one', () => {
    render(<TabNav params={load('?tab=failures&training_id=run_a&reward_max=0&page=2&trajectory=t1')} />);
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Overview',
      'Training progress',
      'Health',
      'Questions',
      'Comparison',
      'Failures',
      'Tool contexts',
    ]);
    expect(screen.getByRole('link', { name: 'Training progress' }).getAttribute('href')).toBe(
      '/analysis?training_id=run_a&reward_max=0&tab=progress',
    );
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('href')).toBe(
      '/analysis?training_id=run_a&reward_max=0',
    );
    expect(screen.getByRole('link', { name: 'Failures' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBeNull();
  });

  it('marks overview active when no tab is given', () => {
    render(<TabNav params={load('')} />);
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
  });
});
