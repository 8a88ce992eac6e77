/**
 * Asking for a passphrase from anywhere (start-up, import, restore) without threading a
 * dialog through every caller: `askForPassphrase` opens the one prompt and resolves with
 * what the user typed, once `check` accepts it, or null when they cancel.
 */
import { create } from 'zustand';

export interface PassphraseRequest {
  title: string;
  explanation: string;
  submitLabel: string;
  /** What cancelling means, said next to the button (e.g. "Skip today's backup"). */
  cancelLabel: string;
  /** Null when the passphrase opens what it is for; otherwise the message to show. */
  check(passphrase: string): Promise<string | null>;
}

interface PromptState {
  request: (PassphraseRequest & { resolve(passphrase: string | null): void }) | null;
  open(request: PassphraseRequest & { resolve(passphrase: string | null): void }): void;
  close(): void;
}

export const usePassphrasePrompt = create<PromptState>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));

export function askForPassphrase(request: PassphraseRequest): Promise<string | null> {
  return new Promise((resolve) => {
    // One prompt at a time: a second request cancels the first rather than hiding it.
    usePassphrasePrompt.getState().request?.resolve(null);
    usePassphrasePrompt.getState().open({
      ...request,
      resolve: (passphrase) => {
        usePassphrasePrompt.getState().close();
        resolve(passphrase);
      },
    });
  });
}
