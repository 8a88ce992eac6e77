import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { usePassphrasePrompt, type PassphraseRequest } from './passphrase-prompt';

/** The one passphrase prompt of the app, opened by `askForPassphrase`. */
export function PassphrasePromptHost() {
  const request = usePassphrasePrompt((state) => state.request);
  if (!request) return null;
  // A fresh form per request, so nothing typed for one file lingers for the next.
  return <PassphrasePrompt key={request.title + request.explanation} request={request} />;
}

function PassphrasePrompt({ request }: { request: PassphraseRequest & { resolve(passphrase: string | null): void } }) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit() {
    if (passphrase === '') {
      setProblem('Enter the passphrase.');
      return;
    }
    setChecking(true);
    try {
      const found = await request.check(passphrase);
      if (found === null) request.resolve(passphrase);
      else setProblem(found);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  }

  return (
    <Dialog
      title={request.title}
      narrow
      onClose={() => request.resolve(null)}
      footer={
        <>
          <button type="button" onClick={() => request.resolve(null)}>
            {request.cancelLabel}
          </button>
          <button type="submit" form="passphrase-prompt-form" className="primary" disabled={checking}>
            {checking ? 'Checking…' : request.submitLabel}
          </button>
        </>
      }
    >
      <form
        id="passphrase-prompt-form"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p>{request.explanation}</p>
        <label htmlFor="passphrase-prompt-input">
          Passphrase
          <input
            id="passphrase-prompt-input"
            type="password"
            autoComplete="off"
            autoFocus
            value={passphrase}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'passphrase-prompt-error' : undefined}
            onChange={(event) => {
              setPassphrase(event.target.value);
              setProblem(null);
            }}
          />
          {problem && (
            <span className="field-error" id="passphrase-prompt-error" role="alert">
              {problem}
            </span>
          )}
        </label>
      </form>
    </Dialog>
  );
}
