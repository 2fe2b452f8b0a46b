import { useEffect, useRef } from 'preact/hooks';

/** A modal confirmation (native <dialog>: focus trapped, Escape cancels). */
export function ConfirmDialog(props: { open: boolean; title: string; text: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} onCancel={props.onCancel} aria-labelledby="confirm-title">
      <h2 id="confirm-title" style={{ marginTop: 0 }}>
        {props.title}
      </h2>
      <p>{props.text}</p>
      <div class="row" style={{ justifyContent: 'flex-end' }}>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" style={{ background: 'var(--danger)', borderColor: 'var(--danger)' }} onClick={props.onConfirm} data-testid="confirm">
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
