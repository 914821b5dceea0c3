import { describe, expect, it, vi } from 'vitest';
import { AutosaveGroup } from './autosave';
import { HeldUnsaved, type HeldField } from './heldUnsaved';

/** A disk that is full until `room` is set, as the core's save answers it. */
function disk() {
  const state = { room: false, stored: new Map<string, string>() };
  const save = (key: string) =>
    vi.fn(async (text: string) => {
      if (!state.room) throw { kind: 'storage', message: 'the disk is full' };
      state.stored.set(key, text);
      return '2026-12-06T10:00:00Z';
    });
  return { state, save };
}

/** A screen's fields, typed in and then left the way ScreenAutosave leaves them. */
async function leaveScreen(held: HeldUnsaved, group: AutosaveGroup) {
  held.receive(
    group.flushAll().then(() => {
      group.destroy();
      return group.unsaved();
    }),
  );
  await held.arrived();
}

describe('HeldUnsaved', () => {
  it('keeps what a closing screen could not save, with its reason, and nothing it saved', async () => {
    const { state, save } = disk();
    const held = new HeldUnsaved();
    const group = new AutosaveGroup();
    group.field('s1:notes', 'Notes on this session', '', save('s1:notes')).set('Mina chose the morning walk');
    state.room = true;
    await group.flush('s1:');
    state.room = false;
    group.field('a1:notes', 'Work: notes', '', save('a1:notes')).set('Wants to ask for a raise');
    await leaveScreen(held, group);
    expect(held.fields).toEqual<HeldField[]>([
      {
        key: 'a1:notes',
        hold: 1,
        label: 'Work: notes',
        text: 'Wants to ask for a raise',
        error: 'the disk is full',
        retryable: true,
        superseded: false,
      },
    ]);
  });

  it('saves a held text when tried again once there is room, and then lets it go', async () => {
    const { state, save } = disk();
    const held = new HeldUnsaved();
    const heard: number[] = [];
    held.listen((fields) => heard.push(fields.length));
    const group = new AutosaveGroup();
    group.field('a1:notes', 'Work: notes', '', save('a1:notes')).set('Wants to ask for a raise');
    await leaveScreen(held, group);
    await expect(held.tryAgain('a1:notes')).resolves.toBe(false);
    expect(held.fields).toHaveLength(1);
    state.room = true;
    await expect(held.tryAll()).resolves.toBe(true);
    expect(state.stored.get('a1:notes')).toBe('Wants to ask for a raise');
    expect(held.fields).toEqual([]);
    expect(heard).toEqual([1, 1, 0]);
  });

  it('never sends a held text over what the coach typed in the same field since', async () => {
    const { state, save } = disk();
    const held = new HeldUnsaved();
    const first = new AutosaveGroup({ onnewfield: (key) => held.supersede(key) });
    const older = save('a1:notes');
    first.field('a1:notes', 'Work: notes', '', older).set('The older text');
    await leaveScreen(held, first);
    // The screen opened again shows what the practice holds; the coach types there.
    state.room = true;
    const again = new AutosaveGroup({ onnewfield: (key) => held.supersede(key) });
    again.field('a1:notes', 'Work: notes', '', save('a1:notes')).set('The newer text');
    await again.flushAll();
    expect(held.fields[0]).toMatchObject({ superseded: true, retryable: false, text: 'The older text' });
    await expect(held.tryAll()).resolves.toBe(false);
    await expect(held.tryAgain('a1:notes')).resolves.toBe(false);
    expect(older).toHaveBeenCalledTimes(1);
    expect(state.stored.get('a1:notes')).toBe('The newer text');
    held.letGo('a1:notes');
    expect(held.fields).toEqual([]);
  });

  it('does not send again a value the core refused, and a newer copy replaces the older', async () => {
    const held = new HeldUnsaved();
    const refuse = vi.fn(async () => Promise.reject({ kind: 'invalid', message: 'A dimension needs a name', field: 'label' }));
    const first = new AutosaveGroup();
    first.field('label-3', 'Settings: Assessment Map dimension 3', 'Trust', refuse).set('');
    await leaveScreen(held, first);
    expect(held.fields[0]).toMatchObject({ retryable: false, error: 'A dimension needs a name' });
    await held.tryAll();
    expect(refuse).toHaveBeenCalledTimes(1);
    const second = new AutosaveGroup();
    second.field('label-3', 'Settings: Assessment Map dimension 3', 'Trust', refuse).set(' ');
    await leaveScreen(held, second);
    expect(held.fields.map((f) => [f.text, f.hold])).toEqual([[' ', 2]]);
  });

  it('waits for screens still closing before it counts, and lets everything go when told', async () => {
    const { save } = disk();
    const held = new HeldUnsaved();
    const group = new AutosaveGroup();
    group.field('a1:notes', 'Work: notes', '', save('a1:notes')).set('Still on its way');
    held.receive(group.flushAll().then(() => group.unsaved()));
    await expect(held.tryAll()).resolves.toBe(false);
    expect(held.fields).toHaveLength(1);
    await held.letGoAll();
    expect(held.fields).toEqual([]);
  });
});
