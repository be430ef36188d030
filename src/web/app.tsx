import { ConsoleShell } from './layout/console-shell'
import { matchPath, usePath } from './routing/router'
import { SetPasswordScreen } from './screens/account/set-password-screen'
import { AlertDetailScreen } from './screens/alerts/alert-detail-screen'
import { AlertsScreen } from './screens/alerts/alerts-screen'
import { ComponentsScreen } from './screens/components/components-screen'
import { DeclareIncidentScreen } from './screens/incidents/declare-incident-screen'
import { IncidentRoomScreen } from './screens/incidents/incident-room-screen'
import { IncidentListScreen } from './screens/incidents/incident-list-screen'
import { KeyCustomersScreen } from './screens/key-customers/key-customers-screen'
import { ActionItemsScreen } from './screens/learning/action-items-screen'
import { PostmortemScreen } from './screens/learning/postmortem-screen'
import { ScorecardScreen } from './screens/learning/scorecard-screen'
import { NotFoundScreen } from './screens/not-found-screen'
import { OnCallScreen } from './screens/oncall/oncall-screen'
import { ImportScreen } from './screens/settings/import-screen'
import { TemplatesScreen } from './screens/settings/templates-screen'
import { SignInScreen } from './screens/account/sign-in-screen'
import { useSession } from './session/session-context'

function Screen({ path }: { path: string }) {
  if (path === '/') return <IncidentListScreen />
  if (path === '/incidents/new') return <DeclareIncidentScreen />
  const incident = matchPath('/incidents/:id', path)
  if (incident) return <IncidentRoomScreen key={incident.id} id={incident.id!} />
  const postmortem = matchPath('/incidents/:id/postmortem', path)
  if (postmortem) return <PostmortemScreen key={postmortem.id} id={postmortem.id!} />
  const scorecard = matchPath('/incidents/:id/scorecard', path)
  if (scorecard) return <ScorecardScreen key={scorecard.id} id={scorecard.id!} />
  if (path === '/action-items') return <ActionItemsScreen />
  if (path === '/components') return <ComponentsScreen />
  if (path === '/key-customers') return <KeyCustomersScreen />
  if (path === '/on-call') return <OnCallScreen />
  if (path === '/alerts') return <AlertsScreen />
  const alert = matchPath('/alerts/:id', path)
  if (alert) return <AlertDetailScreen key={alert.id} id={alert.id!} />
  if (path === '/account/password') return <SetPasswordScreen />
  if (path === '/settings/import') return <ImportScreen />
  if (path === '/settings/templates') return <TemplatesScreen />
  return <NotFoundScreen />
}

/** Every console address shows the sign-in screen until there is a session, then the screen it names. */
export function App() {
  const { state } = useSession()
  const path = usePath().replace(/(.)\/$/, '$1')
  if (state.status === 'loading')
    return (
      <p className="muted boot" role="status">
        Loading Candor…
      </p>
    )
  if (state.status === 'signed-out') return <SignInScreen />
  return (
    <ConsoleShell>
      <Screen path={path} />
    </ConsoleShell>
  )
}
