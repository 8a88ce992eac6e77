import { useUiStore } from './ui-store';

export function Notices() {
  const notices = useUiStore((state) => state.notices);
  const dismiss = useUiStore((state) => state.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" data-kind={notice.kind} role={notice.kind === 'error' ? 'alert' : undefined}>
          <div style={{ flex: 1 }}>
            <p>{notice.message}</p>
            {notice.details && notice.details.length > 0 && (
              <ul className="problem-list">
                {notice.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="link" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
