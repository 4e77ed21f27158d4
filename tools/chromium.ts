import { existsSync } from 'node:fs';

/** Debian's Chromium, or the binary named by CHROMIUM_PATH; null when neither exists. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((path): path is string =>
    Boolean(path),
  );
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Flags this machine's Chromium needs: no sandbox as root, and no background calls to outside hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
