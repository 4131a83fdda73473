// The keyboard shortcuts overlay: a modal dialog with one table per group of
// shortcuts and a Close button (Escape closes it too).
import { Dialog } from '../../ui/Dialog';
import { SHORTCUT_SECTIONS, type Shortcut } from './shortcutList';
import './shortcuts.css';

function Keys({ keys }: Pick<Shortcut, 'keys'>) {
  return (
    <span className="shortcuts__keys">
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && <span className="shortcuts__or"> or </span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        {SHORTCUT_SECTIONS.map((section) => (
          <table key={section.title} className="shortcuts__table">
            <caption>{section.title}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {section.shortcuts.map((shortcut) => (
                <tr key={shortcut.action}>
                  <td>
                    <Keys keys={shortcut.keys} />
                  </td>
                  <td>
                    {shortcut.action}
                    {shortcut.note && <span className="muted"> ({shortcut.note})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
