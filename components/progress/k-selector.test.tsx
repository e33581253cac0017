import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KSelector } from './k-selector';

afterEach(cleanup);

describe('KSelector', () => {
  it('offers the k choices and writes the picked one', async () => {
    const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
    render(<KSelector options={[1, 2, 4, 8]} value={4} />, {
      wrapper: withNuqsTestingAdapter({ searchParams: '?tab=progress', onUrlUpdate }),
    });
    const select = screen.getByLabelText('k');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1', '2', '4', '8']);
    expect((select as HTMLSelectElement).value).toBe('4');
    await userEvent.selectOptions(select, '8');
    expect(onUrlUpdate.mock.calls.at(-1)![0].queryString).toBe('?tab=progress&k=8');
  });

  it('keeps a k from the URL that is not among the choices', () => {
    render(<KSelector options={[1, 2, 4]} value={3} />, { wrapper: withNuqsTestingAdapter() });
    expect(
      within(screen.getByLabelText('k'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1', '2', '3', '4']);
  });
});
