import { installPermissionCheck } from '../../src/app/authorize.js'
import { canWithScopes } from '../../src/domain/access/token-scopes.js'

/**
 * The documented permission matrix (domain/access) with token scopes, installed exactly as the
 * accounts feature installs it at wiring time, for tests that build the app without that feature.
 */
export function useDocumentedPermissions() {
  installPermissionCheck((role, action, scopes) => canWithScopes(role, action, scopes))
}
