import { defineConfig } from 'vitest/config';
import { sharedPlugins } from './vite.config.ts';

// Two projects: the engine's tests in Node (any DOM access fails there), components in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        plugins: sharedPlugins(),
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx', 'tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
