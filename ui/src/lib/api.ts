// Typed, thin wrappers over the Tauri commands. Argument names are the camelCase forms of the
// Rust parameters (Tauri converts them). Every wrapper rejects with an ErrorView.
import { invoke } from '@tauri-apps/api/core';
import type { About, Client, ClientInput, ClientStatus } from './bindings';
import { toErrorView } from './errors';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toErrorView(reason);
  }
}

export const about = () => call<About>('about');

export const listClients = (status: ClientStatus | null = null) => call<Client[]>('list_clients', { status });
export const listTrashedClients = () => call<Client[]>('list_trashed_clients');
export const getClient = (id: string) => call<Client>('get_client', { id });
export const createClient = (input: ClientInput) => call<Client>('create_client', { input });
export const updateClient = (id: string, input: ClientInput) => call<Client>('update_client', { id, input });
export const trashClient = (id: string) => call<Client>('trash_client', { id });
export const restoreClient = (id: string) => call<Client>('restore_client', { id });

export const createSamplePractice = () => call<Client>('create_sample_practice');
export const removeSamplePractice = () => call<number>('remove_sample_practice');
