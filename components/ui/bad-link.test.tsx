import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BadLink } from './bad-link';
import { ChipLink, PillLink, TextLink } from './links';

afterEach(cleanup);

const action = { href: '/', label: 'All trainings' };

/** An AnalysisError as the page hands it over (components import only its type). */
function analysisError(message: string, param: string | null, status: 400 | 404 = 400) {
  return { message, param, status };
}

describe('BadLink', () => {
  it('says what is wrong and offers the way on', () => {
    render(<BadLink error={analysisError('reward_min: must be a number', 'reward_min')} action={action} />);
    expect(screen.getByText('This link has a bad parameter')).toBeTruthy();
    expect(screen.getByTestId('bad-link').textContent).toBe('reward_min: must be a number');
    expect(screen.getByRole('link', { name: 'All trainings' }).getAttribute('href')).toBe('/');
  });

  it('names the parameter when asked to', () => {
    render(<BadLink error={analysisError('must be a number', 'reward_min')} action={action} showParam />);
    expect(screen.getByTestId('bad-link').textContent).toBe('must be a number (parameter reward_min)');
  });

  it('titles a link to something that does not exist as not found, or as the caller says', () => {
    const error = analysisError('unknown training "x"', 'training_id', 404);
    const { rerender } = render(<BadLink error={error} action={action} />);
    expect(screen.getByText('Not found')).toBeTruthy();
    rerender(<BadLink error={error} action={action} notFoundTitle="No such group" />);
    expect(screen.getByText('No such group')).toBeTruthy();
  });
});

describe('links', () => {
  it('put the caller’s classes before their own and pass the other props on', () => {
    render(
      <>
        <TextLink href="/a" className="text-xs">
          a
        </TextLink>
        <ChipLink href="/b" active tabular aria-current="true">
          b
        </ChipLink>
        <ChipLink href="/c">c</ChipLink>
        <PillLink href="/d" data-testid="pill">
          d
        </PillLink>
      </>,
    );
    expect(screen.getByRole('link', { name: 'a' }).className).toBe(
      'text-xs text-tremor-brand hover:underline dark:text-dark-tremor-brand',
    );
    const active = screen.getByRole('link', { name: 'b' });
    expect(active.getAttribute('aria-current')).toBe('true');
    expect(active.className).toContain('tabular-nums');
    expect(active.className).toContain('bg-tremor-brand-muted');
    const plain = screen.getByRole('link', { name: 'c' });
    expect(plain.className).toBe(
      'rounded px-1.5 py-0.5 text-tremor-brand hover:underline dark:text-dark-tremor-brand',
    );
    expect(plain.getAttribute('aria-current')).toBeNull();
    expect(screen.getByTestId('pill').getAttribute('href')).toBe('/d');
  });
});
