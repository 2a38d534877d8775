// A native <dialog> shown modally: focus is trapped and restored by the browser, Escape closes it.
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';

export function Modal({ label, onClose, className = '', children }) {
  const ref = useRef(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog.open) dialog.showModal();
    return () => dialog.open && dialog.close();
  }, []);
  return html`
    <dialog ref=${ref} class=${'modal ' + className} aria-label=${label}
            onCancel=${(e) => { e.preventDefault(); onClose && onClose(); }}>
      ${children}
    </dialog>`;
}
