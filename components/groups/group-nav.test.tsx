import '../test-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupNav } from './group-nav';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

afterEach(() => {
  cleanup();
  push.mockReset();
});

const links = [
  { key: 'ArrowLeft', label: 'Previous question', href: '/groups/r/0/q1' },
  { key: 'ArrowRight', label: 'Next question', href: null },
  { key: '[', label: 'Previous epoch', href: null },
  { key: ']', label: 'Next epoch', href: '/groups/r/1/q2' },
];

describe('GroupNav', () => {
  it('follows the keys that have a target and ignores the others', () => {
    render(<GroupNav links={links} />);
    fireEvent.keyDown(window, { key: ']' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowLeft', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(push.mock.calls).toEqual([['/groups/r/1/q2'], ['/groups/r/0/q1']]);
  });

  it('shows a link per move, disabled at the ends', () => {
    render(<GroupNav links={links} />);
    expect(screen.getByRole('link', { name: /Next epoch/ }).getAttribute('href')).toBe('/groups/r/1/q2');
    expect(screen.queryByRole('link', { name: /Next question/ })).toBeNull();
    expect(screen.getByText('Next question').closest('[aria-disabled]')).not.toBeNull();
  });
});
