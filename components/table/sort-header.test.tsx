import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HeaderCell } from './header-cell';
import { SortHeader } from './sort-header';

afterEach(cleanup);

const inTable = (cells: React.ReactNode) =>
  render(
    <table>
      <thead>
        <tr>{cells}</tr>
      </thead>
    </table>,
  );

describe('HeaderCell', () => {
  it('is a column header aligned as asked', () => {
    inTable(
      <>
        <HeaderCell>Run</HeaderCell>
        <HeaderCell align="right" title="how many">
          Count
        </HeaderCell>
      </>,
    );
    const [run, count] = screen.getAllByRole('columnheader');
    expect(run.className).toContain('text-left');
    expect(count.className).toContain('text-right');
    expect(count.getAttribute('title')).toBe('how many');
    expect(count.getAttribute('scope')).toBe('col');
  });
});

describe('SortHeader', () => {
  it('links to the next order and announces the current one', () => {
    inTable(
      <>
        <SortHeader label="Reward" href="/analysis?sort=-reward" direction="ascending" />
        <SortHeader label="Steps" href="/analysis?sort=step_count" direction="none" />
      </>,
    );
    const [reward, steps] = screen.getAllByRole('columnheader');
    expect(reward.getAttribute('aria-sort')).toBe('ascending');
    expect(reward.textContent).toBe('Reward▲');
    expect(screen.getByRole('link', { name: /Reward/ }).getAttribute('href')).toBe('/analysis?sort=-reward');
    expect(steps.getAttribute('aria-sort')).toBe('none');
    expect(steps.textContent).toBe('Steps↕');
  });
});
