import type { ChangeEntry, ChangeIntent, CorpusStore } from './CorpusStore.js';

export interface ChangeSteps<T> {
  /** Makes the change live (writes the file, rebuilds the index). When it throws, it must have left nothing changed. */
  readonly apply: () => Promise<T>;
  /** Undoes what `apply` did; called only when `apply` succeeded but its outcome could not be recorded. */
  readonly undo: () => Promise<void>;
}

/**
 * One corpus change as one unit with its records, over any `CorpusStore`: the intent is committed
 * as `pending` before `apply` runs (a store that cannot record it refuses the change), then the
 * document's new version and the `done` outcome commit in one transaction. When `apply` throws,
 * the change is recorded `failed` with the error's message and no version, and the error is
 * rethrown. When the outcome cannot be committed, `undo` runs, `failed` is recorded if the store
 * allows it (else the change stays `pending` for start-up recovery), and the store's error is
 * rethrown. Resolves to `apply`'s result and the settled entry.
 */
export async function recordChange<T>(store: CorpusStore, intent: ChangeIntent, steps: ChangeSteps<T>): Promise<{ result: T; change: ChangeEntry }> {
  await store.beginChange(intent);
  let result: T;
  try {
    result = await steps.apply();
  } catch (err) {
    await settleFailed(store, intent.id, err);
    throw err;
  }
  try {
    return { result, change: await store.completeChange(intent.id, { status: 'done' }) };
  } catch (err) {
    await steps.undo();
    await settleFailed(store, intent.id, err);
    throw err;
  }
}

async function settleFailed(store: CorpusStore, id: string, err: unknown): Promise<void> {
  const reason = err instanceof Error ? err.message : String(err);
  await store.completeChange(id, { status: 'failed', reason }).catch(() => undefined);
}
