import type { Notice } from '../panelModel';
import { VscodeButton } from '../elements';

/** Problems the user should know about (a bad message from the host, a command the host could not carry out). */
export function Notices({ notices, onDismiss }: { readonly notices: readonly Notice[]; readonly onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span>{n.text}</span>
          <VscodeButton secondary onClick={() => onDismiss(n.id)} aria-label="Dismiss this message">
            Dismiss
          </VscodeButton>
        </div>
      ))}
    </div>
  );
}
