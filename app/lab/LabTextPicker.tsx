import { useId, useMemo, useState } from 'react';
import { buildVocabulary, DEFAULT_VOCABULARY, OTHER_SYMBOL } from '../engine';
import { BUILTIN_TEXTS } from '../engineTexts';
import { formatNumber } from '../shared/format';
import { type BuiltinId, LAB_TEXT_LIMIT, ownTextProblem, type TextSource } from './labChoice';
import { useSourceText } from './useSourceText';

/** Files larger than this are refused before they are read (4 bytes per character at most). */
const MAX_FILE_BYTES = 4 * LAB_TEXT_LIMIT;

/** What the vocabulary's cap did to a text, in one or two sentences. */
export function vocabularySentence(text: string): string {
  const { report, vocabulary } = buildVocabulary(text, DEFAULT_VOCABULARY);
  const size = `${report.length.toLocaleString('en-US')} characters, ${report.distinct} different ones`;
  if (report.replaced === 0)
    return `${size}: every one is a symbol of the model (${vocabulary.symbols.length} symbols).`;
  const share = (100 * report.replaced) / report.length;
  const examples = report.replacedSymbols.slice(0, 8).join(' ');
  return (
    `${size}: the model keeps the ${DEFAULT_VOCABULARY - 1} most common and reads the other ` +
    `${report.distinct - (DEFAULT_VOCABULARY - 1)} as one symbol ${OTHER_SYMBOL} (${report.replaced.toLocaleString('en-US')} characters, ` +
    `${formatNumber(share, 2)}% of the text; for example ${examples}).`
  );
}

/**
 * The text the lab learns: a built-in one, or the student's own, pasted or opened from a file (any
 * Unicode, at most {@link LAB_TEXT_LIMIT} characters). A text that cannot be used is named with the
 * reason and the text in use stays as it was.
 */
export function LabTextPicker({
  source,
  onChange,
}: {
  source: TextSource;
  onChange: (source: TextSource) => void;
}) {
  const pickId = useId();
  const pasteId = useId();
  const [own, setOwn] = useState(source.kind === 'own');
  const [draft, setDraft] = useState(source.kind === 'own' ? source.text : '');
  const [problem, setProblem] = useState<string | null>(null);
  const text = useSourceText(source);
  const report = useMemo(
    () => (text === null ? 'Generating the toy code…' : vocabularySentence(text)),
    [text],
  );
  const builtin =
    source.kind === 'builtin' ? BUILTIN_TEXTS.find((entry) => entry.id === source.id) : undefined;

  const applyOwn = (value: string, name: string) => {
    const reason = ownTextProblem(value);
    setProblem(reason);
    if (reason === null) onChange({ kind: 'own', text: value, name });
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(
        `${file.name} is ${formatNumber(file.size / 1e6, 2)} MB; the lab takes texts of at most ${LAB_TEXT_LIMIT.toLocaleString('en-US')} characters. Open a shorter part of it.`,
      );
      return;
    }
    const value = await file.text();
    setDraft(value);
    applyOwn(value, file.name);
  };

  return (
    <div className="lab-text">
      <label htmlFor={pickId}>Text to learn</label>
      <select
        id={pickId}
        value={own ? 'own' : source.kind === 'builtin' ? source.id : 'own'}
        onChange={(event) => {
          const value = event.target.value;
          setProblem(null);
          if (value === 'own') setOwn(true);
          else {
            setOwn(false);
            onChange({ kind: 'builtin', id: value as BuiltinId });
          }
        }}
      >
        {BUILTIN_TEXTS.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.title}
          </option>
        ))}
        <option value="own">Your own text…</option>
      </select>
      {builtin && !own && <p className="muted">{builtin.description}</p>}
      {own && (
        <div className="lab-own">
          <label htmlFor={pasteId}>
            Paste a text (at least 200 characters, at most {LAB_TEXT_LIMIT.toLocaleString('en-US')})
          </label>
          <textarea
            id={pasteId}
            rows={5}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-invalid={problem !== null}
          />
          <div className="lab-own-buttons">
            <button type="button" onClick={() => applyOwn(draft, 'pasted text')}>
              Use this text
            </button>
            <label className="lab-file">
              Open a file…
              <input
                type="file"
                accept=".txt,.md,.csv,.json,.js,.ts,.py,.html,text/*"
                onChange={(event) => void openFile(event.target.files?.[0])}
              />
            </label>
          </div>
        </div>
      )}
      {problem && (
        <p className="run-problem" role="alert">
          {problem}
        </p>
      )}
      <p className="lab-vocabulary">
        {source.kind === 'own' ? `In use: ${source.name}. ` : ''}
        {report}
      </p>
    </div>
  );
}
