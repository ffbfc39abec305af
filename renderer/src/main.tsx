import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { StoreContext, createAppStore } from './store';
import { recoverDrafts } from './recover-drafts';
import { OPEN_PASTE_EVENT } from './shortcuts';
import { detectTransport } from './transport';
import './styles.css';

const transport = detectTransport();
const store = createAppStore(transport, window.localStorage);
store.start();
void recoverDrafts(transport, window.localStorage);

// The desktop app's menu: a file its dialog read is previewed like a dropped one.
window.paperqueue?.onMenu((command) => {
  const state = store.getState();
  if (command.kind === 'import-file') {
    const bytes = Uint8Array.from(atob(command.base64), (c) => c.charCodeAt(0));
    void state.previewFile({ name: command.name, arrayBuffer: () => Promise.resolve(bytes.buffer) });
  } else if (command.kind === 'paste') window.dispatchEvent(new Event(OPEN_PASTE_EVENT));
  else state.setOverlay(command.kind);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
