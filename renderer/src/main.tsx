import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { StoreContext, createAppStore } from './store';
import { recoverDrafts } from './recover-drafts';
import { detectTransport } from './transport';
import './styles.css';

const transport = detectTransport();
const store = createAppStore(transport);
store.start();
void recoverDrafts(transport, window.localStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
