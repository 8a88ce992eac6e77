import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal built on <dialog>: the browser traps focus, Escape closes it, and the page
 * behind is inert, so keyboard users get the behaviour for free.
 */
export function Dialog(props: {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  narrow?: boolean;
  labelledBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = props.labelledBy ?? `dialog-title-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.narrow ? 'narrow' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
      <div className="dialog-footer">{props.footer}</div>
    </dialog>
  );
}

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog
      title={props.title}
      narrow
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}

/**
 * A dialog around one form: Cancel and a submit button in the footer, Enter submits,
 * and the browser's own validation stays off so the form can explain problems itself.
 */
export function FormDialog(props: {
  title: string;
  formId: string;
  submitLabel: string;
  saving?: boolean;
  narrow?: boolean;
  className?: string;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={props.title}
      narrow={props.narrow}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={props.formId} className="primary" disabled={props.saving}>
            {props.saving ? 'Saving…' : props.submitLabel}
          </button>
        </>
      }
    >
      <form
        id={props.formId}
        noValidate
        className={props.className ?? 'stack'}
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
      </form>
    </Dialog>
  );
}
