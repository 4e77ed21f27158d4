/**
 * Reads the text a `--task text` run learns from, refusing what is not usable text with one clear sentence
 * (missing, a folder, empty, larger than the task accepts, not UTF-8, or binary).
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_TEXT_CHARACTERS, textProblems } from '../engine/text/corpus.ts';
import { UsageError } from './args.ts';

/** The largest file read, in bytes: the character limit at up to four bytes a character. */
export const MAX_TEXT_FILE_BYTES = MAX_TEXT_CHARACTERS * 4;

/** The text of the UTF-8 file at `path`; throws UsageError (exit code 2) naming the problem. */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`--text-file ${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--text-file ${path} cannot be read: no such file.`);
  }
  if (size > MAX_TEXT_FILE_BYTES) {
    throw new UsageError(
      `--text-file ${path} has ${size.toLocaleString('en-US')} bytes; the limit is ${MAX_TEXT_FILE_BYTES.toLocaleString('en-US')}.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new UsageError(`--text-file ${path} is not UTF-8 text (it looks like a binary file).`);
  }
  const problems = textProblems(text.replace(/^\uFEFF/, ''));
  if (problems.length > 0) throw new UsageError(`--text-file ${path}: ${problems[0]!.message}`);
  return text.replace(/^\uFEFF/, '');
}
