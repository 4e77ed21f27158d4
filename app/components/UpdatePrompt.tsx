import { declineUpdate, useUpdateOffer } from './updateOffer';
import './updatePrompt.css';

/**
 * "Update available: reload", shown when a new version of the site has been installed in the background.
 * It never reloads by itself, so a lesson or a training run is not swapped out from under the reader.
 */
export function UpdatePrompt() {
  const apply = useUpdateOffer();
  if (!apply) return null;
  return (
    <section className="notice update-prompt" role="status" aria-label="Update">
      <p>Update available: reload to use the new version.</p>
      <div className="update-prompt-actions">
        <button type="button" onClick={apply}>
          Reload
        </button>
        <button type="button" onClick={declineUpdate}>
          Later
        </button>
      </div>
    </section>
  );
}
