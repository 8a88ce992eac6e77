/** The browser's storage figures for this origin: whether it is kept, how much is used and how much there is. */
export interface StorageHealth {
  /** Null when the browser cannot say (no StorageManager). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function readStorageHealth(): Promise<StorageHealth> {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!manager) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    manager.persisted?.().catch(() => null) ?? Promise.resolve(null),
    manager.estimate?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser not to clear this origin's data under storage pressure; true when granted. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
