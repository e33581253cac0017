import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisError } from '@/lib/analysis/errors';
import { LoadedCard } from './load-card';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a dashboard card', () => {
  it('renders its data', async () => {
    render(
      await LoadedCard({ title: 'Tools', load: async () => 3, children: (n: number) => <p>{n} tools</p> }),
    );
    expect(screen.getByText('3 tools')).toBeTruthy();
  });

  it('shows a client error inside the card, with its message', async () => {
    const load = async (): Promise<number> => {
      throw new AnalysisError('unknown training "x"', 'training_id', 404);
    };
    render(await LoadedCard({ title: 'Tools', load, children: (n: number) => <p>{n}</p> }));
    expect(screen.getByRole('alert').textContent).toContain('unknown training "x"');
    expect(screen.getByText('Tools')).toBeTruthy();
  });

  it('hides an unexpected error behind a generic message and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = async (): Promise<number> => {
      throw new Error('disk on fire at /secret/path');
    };
    render(await LoadedCard({ title: 'Tools', load, children: (n: number) => <p>{n}</p> }));
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toContain('see the server log');
    expect(alert).not.toContain('/secret/path');
    expect(log).toHaveBeenCalled();
  });
});
