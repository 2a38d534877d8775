// A native <dialog> shown modally: focus is kept inside by the browser, Escape closes it, and focus
// returns to what had it before (the button that opened it) when the dialog goes away.
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';

export function Modal({ label, onClose, className = '', children }) {
  const ref = useRef(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement; // focus goes back there when the dialog goes away
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener && opener.isConnected && (!document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected)) {
        opener.focus();
      }
    };
  }, []);
  return html`
    <dialog ref=${ref} class=${'modal ' + className} aria-label=${label}
            onCancel=${(e) => { e.preventDefault(); onClose && onClose(); }}>
      ${children}
    </dialog>`;
}
