import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/search-params';
import { FailureScope } from './failure-scope';

afterEach(cleanup);

describe('FailureScope', () => {
  it('says the list holds the failures by default, with a plain link to every trajectory', () => {
    render(<FailureScope params={loadDashboard('?tab=failures&training_id=a&page=3')} total={390} />);
    expect(screen.getByTestId('failure-scope').textContent).toBe(
      '390 trajectories with reward ≤ 0.5 (the failures default)All trajectories →',
    );
    expect(screen.getByTestId('all-trajectories-link').getAttribute('href')).toBe(
      '/analysis?training_id=a&reward_max=any&tab=failures',
    );
  });

  it('with the cap lifted, every reward, and the link back to the failures', () => {
    render(<FailureScope params={loadDashboard('?tab=failures&reward_max=any')} total={1} />);
    expect(screen.getByTestId('failure-scope').textContent).toBe(
      '1 trajectory, every reward' + 'Only failures (reward ≤ 0.5)',
    );
    expect(screen.getByTestId('failures-only-link').getAttribute('href')).toBe('/analysis?tab=failures');
  });

  it('a bound of the URL is said as it is', () => {
    render(<FailureScope params={loadDashboard('?tab=failures&reward_max=0')} total={12} />);
    expect(screen.getByTestId('failure-scope').textContent).toContain('12 trajectories with reward ≤ 0');
  });
});
