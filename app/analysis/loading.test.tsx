import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setWarming } from '@/lib/warmup-state';
import { LoadCard } from './_tabs/load-card';
import Loading from './loading';

afterEach(() => {
  cleanup();
  setWarming('data', false);
  vi.restoreAllMocks();
});

describe('the dashboard’s loading states', () => {
  it('say nothing more than the skeleton once the server is warm', () => {
    render(<Loading />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('say the server is still warming up, what it does and for how long', () => {
    setWarming('data', true, Date.now() - 12_000);
    render(<Loading />);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Loading the dashboard… The server is still warming up \(loading the table’s columns and first answers, 1[23] s so far\)/,
    );
  });

  it('name a waiting card’s wait in its title while the server warms up', () => {
    setWarming('data', true);
    // React in jsdom warns about the async card body it cannot render here: only the fallback is looked at.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <LoadCard title="Tools" size="chart" load={() => new Promise<number>(() => {})}>
        {(n) => <p>{n}</p>}
      </LoadCard>,
    );
    expect(screen.getByText('Tools · loading, the server is still warming up')).toBeTruthy();
  });
});
