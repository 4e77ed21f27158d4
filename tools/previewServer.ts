// The production build served by `vite preview` (with the site's Content-Security-Policy header), for the
// scripts that drive Chromium outside Playwright's test runner: screenshots and the UI benchmark.
import { type ChildProcess, spawn } from 'node:child_process';

export interface PreviewServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  stop(): void;
}

/** Serves dist/ on the port and resolves once it answers (or rejects after 30 s). */
export async function startPreview(port: number): Promise<PreviewServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop: () => child.kill() };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`vite preview did not answer on ${origin} (is port ${port} free, and is dist/ built?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
