import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { defineConfig, type Plugin, type PluginOption } from 'vite';

/**
 * The Content-Security-Policy of the built site: no inline script and no eval anywhere. 'wasm-unsafe-eval'
 * lets the engine compile its own WebAssembly kernel (engine/wasm/, bundled in the script) and nothing else:
 * JavaScript eval, new Function and string timers stay refused.
 * Inline style attributes stay allowed because KaTeX positions glyphs with them.
 * The meta tag cannot carry frame-ancestors (browsers ignore it there and say so), so only the header does.
 */
const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
export const contentSecurityPolicyMeta = policy.join('; ');
export const contentSecurityPolicyHeader = [...policy, "frame-ancestors 'self'"].join('; ');

/** Puts the policy into index.html of the production build (the dev server needs inline scripts for hot reload). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'unroll-content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta}" />`,
      ),
  };
}

/** Plugins the app build and the component tests share: MDX lessons with KaTeX formulas, and React. */
export function sharedPlugins(): PluginOption[] {
  return [
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [remarkMath],
        // 'htmlAndMathml': KaTeX's HTML for the eye, MathML for screen readers.
        rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml' }]],
        providerImportSource: undefined,
      }),
    },
    react({ include: /\.(mdx|ts|tsx)$/ }),
  ];
}

export default defineConfig({
  plugins: [...sharedPlugins(), contentSecurityPolicy()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': contentSecurityPolicyHeader,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
