import 'katex/dist/katex.min.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EngineBridge } from './engineBridge';
import { followOtherTabs, useStore } from './store';

useStore.getState().hydrateSettings();
useStore.getState().hydrateProgress();
followOtherTabs();
useStore.getState().connectEngine(new EngineBridge());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
