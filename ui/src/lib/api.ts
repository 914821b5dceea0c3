// The app's commands, as generated from the Rust command signatures (`commands` in
// bindings.ts), with one promise added: every rejection is an ErrorView. The core rejects with
// one already; Tauri itself rejects with a plain string (arguments it could not read, a command
// it refused), which `toErrorView` turns into one, so a screen only ever handles one shape.
import { commands } from './bindings';
import { toErrorView } from './errors';

type Commands = typeof commands;

function rejectingWithErrorView<A extends unknown[], R>(command: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await command(...args);
    } catch (reason) {
      throw toErrorView(reason);
    }
  };
}

export const api = Object.fromEntries(
  Object.entries(commands).map(([name, command]) => [name, rejectingWithErrorView(command as (...args: unknown[]) => Promise<unknown>)]),
) as Commands;
