import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { languageReady } from './i18n'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { SessionProvider } from './hooks/useSession'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// The saved language's strings first: English is a chunk of its own (i18n/index.ts).
void languageReady.finally(() => createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
))
