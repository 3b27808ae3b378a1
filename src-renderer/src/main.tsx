import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient } from './api';

function App() {
  void apiClient.listConnections({});
  return <h1>MuQu Desktop</h1>;
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
