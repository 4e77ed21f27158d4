// Runs the end-to-end suite in Debian's Chromium (never a downloaded browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../tools/chromium.ts';

const executable = chromiumPath();
if (!executable) {
  console.error(
    'End-to-end tests need Chromium: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).',
  );
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error(
    'No production build in dist/: run `npm run build` first (npm run test:e2e does it for you).',
  );
  process.exit(1);
}
const result = spawnSync(
  'npx',
  ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: executable } },
);
process.exit(result.status ?? 1);
