/// <reference types="vite-plugin-pwa/vanillajs" />
import 'katex/dist/katex.min.css';
import './styles/global.css';
import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPageAt } from './App';
import { UpdatePrompt } from './components/UpdatePrompt';
import { offerUpdate, takeOverOrReload } from './components/updateOffer';
import { EngineBridge } from './engineBridge';
import { connectToLms } from './scorm/connect';
import { followOtherTabs, useStore } from './store';

useStore.getState().hydrateSettings();
useStore.getState().hydrateProgress();
followOtherTabs();
// Inside an LMS (the SCORM package, `npm run build:scorm`) progress is reported to it; elsewhere a no-op.
void connectToLms(window, useStore);
useStore.getState().connectEngine(new EngineBridge());

// The service worker (built by vite-plugin-pwa) keeps every page, the fonts and the training worker for
// offline use. A new version waits until the reader chooses to reload: nothing changes under a lesson.
let registration: ServiceWorkerRegistration | undefined;
const activateUpdate = registerSW({
  onRegisteredSW: (_url, registered) => {
    registration = registered;
  },
  onNeedRefresh: () =>
    offerUpdate(() => {
      takeOverOrReload(
        () => registration?.waiting,
        () => void activateUpdate(true),
        () => window.location.reload(),
      );
    }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const start = (element: HTMLElement) =>
  createRoot(element).render(
    <StrictMode>
      <App />
      <UpdatePrompt />
    </StrictMode>,
  );
// Three tasks, not one: this module, the requests for the page's chunks, the first render.
setTimeout(() => {
  preloadPageAt(window.location.hash.replace(/^#/, '') || '/');
  setTimeout(() => start(root), 0);
}, 0);
