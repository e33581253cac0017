import '../test-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteView } from '@/lib/chart-data/notes';
import { NoteList } from './note-list';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const HOSTILE = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>\nsecond line';

const view = (over: Partial<NoteView> = {}): NoteView => ({
  id: 'n1',
  label: 'reward-hack',
  note: HOSTILE,
  author: 'ana',
  when: '5 min ago',
  whenExact: '2026-12-01T10:00:00Z',
  edited: false,
  target: 'trajectory t1',
  targetHref: '/trajectories/t1',
  elsewhere: false,
  mine: false,
  ...over,
});

afterEach(cleanup);

describe('NoteList', () => {
  it('renders hostile note text as text, line breaks kept, no element made of it', () => {
    const { container } = render(<NoteList notes={[view()]} showTarget />);
    expect(screen.getByTestId('note-text').textContent).toBe(HOSTILE);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect(screen.getByTestId('note-target').getAttribute('href')).toBe('/trajectories/t1');
    expect(screen.getByRole('link', { name: 'reward-hack' }).getAttribute('href')).toBe(
      '/notes?label=reward-hack',
    );
    expect(screen.getByRole('link', { name: 'ana' }).getAttribute('href')).toBe('/notes?author=ana');
  });

  it('offers edit and delete only on one’s own notes', () => {
    render(<NoteList notes={[view(), view({ id: 'n2', mine: true, note: 'mine' })]} />);
    expect(screen.getAllByRole('button', { name: 'delete' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'edit' })).toHaveLength(1);
    expect(screen.queryByTestId('note-target')).toBeNull();
  });

  it('on a target’s own page, names the target of the notes about something else', () => {
    render(<NoteList notes={[view(), view({ id: 'n2', elsewhere: true, target: 'question q1' })]} />);
    expect(screen.getAllByTestId('note-target').map((link) => link.textContent)).toEqual(['question q1']);
  });

  it('says so when there are none', () => {
    render(<NoteList notes={[]} empty="Nothing here." />);
    expect(screen.getByText('Nothing here.')).toBeTruthy();
  });
});
