/** What a shared link asked for that the page could not use, one line each, until the reader dismisses it. */
export function LinkNotices({ notices, onDismiss }: { notices: readonly string[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice playground-notice" role="status">
      <div>
        <p>Some settings in this link could not be used:</p>
        <ul>
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
