// The autosave of one screen, wired the same way wherever a coach types: its fields' savers
// under one visible state, flushed before the window closes (App awaits every registered
// flush) and when the screen goes away, when what still cannot be saved is held for the coach
// (heldUnsaved.ts). Make one while the component starts.
import { onDestroy, onMount } from 'svelte';
import { AutosaveGroup, type SaveStatus } from './autosave';
import { registerFlush } from './flush';
import { heldUnsaved } from './heldUnsaved';

export class ScreenAutosave {
  status = $state<SaveStatus>({ state: 'saved', error: null, retrying: false, savedAt: null });
  readonly group: AutosaveGroup;

  /** `onchange` hears every change of state too, after `status` has it. */
  constructor(onchange?: (status: SaveStatus) => void) {
    const group = new AutosaveGroup({
      onchange: (status) => {
        this.status = status;
        onchange?.(status);
      },
      onnewfield: (key) => heldUnsaved.supersede(key),
    });
    this.group = group;
    onMount(() => registerFlush(() => group.flushAll()));
    onDestroy(() => {
      // Leaving the screen sends whatever is still waiting for its pause; what fails is held.
      heldUnsaved.receive(
        group.flushAll().then(() => {
          group.destroy();
          return group.unsaved();
        }),
      );
    });
  }
}
