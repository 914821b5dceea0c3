// The autosave of one screen, wired the same way wherever a coach types: its fields' savers
// under one visible state, flushed before the window closes (App awaits every registered
// flush) and when the screen goes away. Make one while the component starts.
import { onDestroy, onMount } from 'svelte';
import { AutosaveGroup, type SaveStatus } from './autosave';
import { registerFlush } from './flush';

export class ScreenAutosave {
  status = $state<SaveStatus>({ state: 'saved', error: null, retrying: false, savedAt: null });
  readonly group: AutosaveGroup;

  /** `onchange` hears every change of state too, after `status` has it. */
  constructor(onchange?: (status: SaveStatus) => void) {
    this.group = new AutosaveGroup({
      onchange: (status) => {
        this.status = status;
        onchange?.(status);
      },
    });
    onMount(() => registerFlush(() => this.group.flushAll()));
    onDestroy(() => {
      // Leaving the screen sends whatever is still waiting for its pause.
      void this.group.flushAll();
      this.group.destroy();
    });
  }
}
