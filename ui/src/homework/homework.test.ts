import { describe, expect, it } from 'vitest';
import type { HomeworkItem } from '../lib/bindings';
import { editOf, homeworkLabels } from './homework';

const item = (text: string, is_optional = false): HomeworkItem => ({
  id: text,
  client_id: 'c',
  session_id: 's',
  focus_area_id: null,
  position: 1,
  text,
  is_optional,
  due_on: null,
  status: 'open',
  created_at: '2026-04-01T10:00:00.000Z',
  updated_at: '2026-04-01T10:00:00.000Z',
});

describe('homework list', () => {
  it('numbers the required items and marks the optional ones', () => {
    expect(homeworkLabels([item('a'), item('b', true), item('c')])).toEqual(['HW1', 'Optional', 'HW2']);
    expect(homeworkLabels([])).toEqual([]);
  });

  it('changes one thing of an item and keeps the rest', () => {
    expect(editOf(item('Walk'), { is_optional: true })).toEqual({ text: 'Walk', is_optional: true, due_on: '' });
    expect(editOf({ ...item('Walk'), due_on: '2026-05-01' }, { text: 'Run' })).toEqual({ text: 'Run', is_optional: false, due_on: '2026-05-01' });
  });
});
