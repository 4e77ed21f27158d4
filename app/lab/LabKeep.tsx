import { useId } from 'react';
import { download } from '../shared/download';
import { formatNumber } from '../shared/format';
import { MAX_LAB_FILE_BYTES, readSavedLab, type SavedLab, savedLabFile } from './labSaved';

/**
 * Export and import of the lab's model as one file (PyTorch state_dict, vocabulary, settings, curves),
 * with what the page last saved or restored and why a file was refused.
 */
export function LabKeep({
  status,
  problem,
  record,
  restore,
  onProblem,
  canExport,
}: {
  status: string | null;
  problem: string | null;
  record: () => Promise<SavedLab | null>;
  restore: (saved: SavedLab, origin: string) => Promise<void>;
  onProblem: (message: string | null) => void;
  canExport: boolean;
}) {
  const fileId = useId();
  const exportModel = async () => {
    try {
      const saved = await record();
      if (!saved) {
        onProblem('There is no model to export yet: press Train first.');
        return;
      }
      download('unroll-language-model.json', savedLabFile(saved), 'application/json');
    } catch (error) {
      onProblem(`The model could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const importModel = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_LAB_FILE_BYTES) {
      onProblem(
        `${file.name} is ${formatNumber(file.size / 1e6, 3)} MB, larger than any model the lab makes; nothing was changed.`,
      );
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      onProblem(`${file.name} cannot be used: it is not JSON. Nothing was changed.`);
      return;
    }
    const read = readSavedLab(value, file.name);
    if (!read.ok) onProblem(`${read.message} Nothing was changed.`);
    else await restore(read.saved, file.name);
  };
  return (
    <div className="lab-keep">
      <div className="lab-keep-buttons">
        <button type="button" onClick={() => void exportModel()} disabled={!canExport}>
          Export model
        </button>
        <label className="lab-file" htmlFor={fileId}>
          Import a model…
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(event) => void importModel(event.target.files?.[0])}
          />
        </label>
      </div>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
      {problem && (
        <p className="run-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
