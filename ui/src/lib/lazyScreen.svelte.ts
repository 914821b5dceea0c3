// A screen whose code is a chunk of its own, fetched the first time it is shown rather than
// with the first page: the client list and Today come up without parsing the client
// workspace, Settings, the trash or the recovery screen (scripts/footprint measures start-up
// and memory against a bare app).
import type { Component } from 'svelte';
import { loadOnce } from './loadOnce';

export type LazyScreen<T extends Component<any>> = {
  /** The component once its chunk is in, for an `{#if}` around it. */
  readonly component: T | null;
  /** Fetches the chunk the first time; later calls share that fetch. */
  load(): Promise<T>;
};

export function lazyScreen<T extends Component<any>>(importer: () => Promise<{ default: T }>): LazyScreen<T> {
  let component = $state<T | null>(null);
  const load = loadOnce(() => importer().then((module) => (component = module.default)));
  return {
    get component() {
      return component;
    },
    load,
  };
}
