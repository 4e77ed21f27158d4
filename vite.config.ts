import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import remarkMath from 'remark-math';
import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import rehypeKatexHtml from './tools/rehypeKatexHtml';

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
        // 'htmlAndMathml': KaTeX's HTML for the eye, MathML for screen readers; each formula reaches React
        // as one HTML string (tools/rehypeKatexHtml.ts), not thousands of elements.
        rehypePlugins: [[rehypeKatexHtml, { output: 'htmlAndMathml' }]],
        providerImportSource: undefined,
      }),
    },
    react({ include: /\.(mdx|ts|tsx)$/ }),
  ];
}

/**
 * The service worker and the web app manifest. After one visit every chunk (each lesson, the playground,
 * the training worker with its WebAssembly kernel, which the worker carries as base64), the fonts and
 * KaTeX's CSS are in the precache, so every route works offline, training included.
 * registerType 'prompt' with no skipWaiting or clientsClaim: a new version waits until the reader accepts
 * it (app/components/UpdatePrompt.tsx) or closes every tab, so code never changes under a running lesson.
 * injectRegister false: app/main.tsx registers through `virtual:pwa-register`, so no inline script breaks
 * the Content-Security-Policy.
 */
function offline(disable: boolean): PluginOption {
  return VitePWA({
    disable,
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['icon.svg', 'apple-touch-icon.png', 'robots.txt'],
    manifest: {
      name: 'Unroll: recurrent neural networks, live',
      short_name: 'Unroll',
      description:
        'An interactive course on recurrent neural networks that trains real RNNs, LSTMs and GRUs in the browser.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b5fa5',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Everything the build emits: scripts (the worker's too), styles, fonts (woff2 only: every browser
      // that runs a service worker takes KaTeX's woff2 before its woff and ttf), icons.
      globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest,txt}'],
      // The lesson and playground chunks carry d3 and KaTeX; none may be left out of the precache.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Routes live in the hash, so every navigation is a request for index.html.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      skipWaiting: false,
      clientsClaim: false,
    },
  });
}

/**
 * `--mode scorm` (npm run build:scorm) builds the site for an LMS: no service worker, since an LMS serves
 * the package under a path of its own and often in a frame, where a worker's scope and cache only get in
 * the way; the package is installed on the LMS instead. The script passes `--base ./` too.
 */
export default defineConfig(({ mode }) => ({
  plugins: [...sharedPlugins(), contentSecurityPolicy(), offline(mode === 'scorm')],
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
}));
