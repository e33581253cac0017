import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FreshnessLine } from './freshness-line';

afterEach(cleanup);

// 2026-12-01T12:00:00Z
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe('FreshnessLine', () => {
  it('says which table version the figures are of and how long ago it was written', () => {
    render(<FreshnessLine freshness={{ version: 123, written_at: NOW / 1000 - 5 * 60 }} now={NOW} />);
    const line = screen.getByTestId('data-freshness');
    expect(line.textContent).toBe('data v123 · written 5 min ago');
    expect(line.getAttribute('title')).toBe('table version 123, committed 2026-12-01T11:55:00Z');
  });

  it('shows the version alone when its time is unknown, and says when there is no data', () => {
    render(<FreshnessLine freshness={{ version: 7, written_at: null }} now={NOW} />);
    expect(screen.getByTestId('data-freshness').textContent).toBe('data v7');
    cleanup();
    render(<FreshnessLine freshness={null} now={NOW} />);
    expect(screen.getByTestId('data-freshness').textContent).toBe('no data yet');
  });
});

describe('FreshnessLine while a newer version loads', () => {
  it('says which version it is updating to', () => {
    render(
      <FreshnessLine freshness={{ version: 41, written_at: NOW / 1000 - 120, updating_to: 42 }} now={NOW} />,
    );
    expect(screen.getByTestId('data-freshness').textContent).toBe(
      'data v41 · written 2 min ago · updating to v42…',
    );
    cleanup();
    render(<FreshnessLine freshness={{ version: 41, written_at: null, updating_to: 43 }} now={NOW} />);
    expect(screen.getByTestId('data-freshness').textContent).toBe('data v41 · updating to v43…');
  });
});
