import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { SessionProvider } from './session/session-context'
import './styles/base.css'
import './styles/layout.css'
import './styles/incident-room.css'
import './styles/learning.css'
import './styles/templates.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
)
