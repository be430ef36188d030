import { configureAccounts } from '../../app/accounts/accounts-options.js'
import { bootstrapOwner } from '../../app/accounts/bootstrap-owner.js'
import { installPermissionCheck } from '../../app/authorize.js'
import type { Config } from '../../config.js'
import { canWithScopes } from '../../domain/access/token-scopes.js'
import type { BackgroundService, Feature } from '../../features.js'
import type { HttpDeps } from '../http-deps.js'
import { accountMailService } from './account-mail-service.js'
import { sessionAuthenticator } from './session-authenticator.js'

/**
 * Accounts and access: the documented permission matrix behind every `requirePermission`,
 * console sessions in front of bearer tokens, the first owner on first start, and mail
 * about accounts when SMTP is configured.
 */
export const accountsFeature: Feature = {
  name: 'accounts',
  setup(deps, config) {
    installPermissionCheck((role, action, scopes) => canWithScopes(role, action, scopes))
    if (!deps.authenticators.includes(sessionAuthenticator)) deps.authenticators.unshift(sessionAuthenticator)
    configureAccounts(deps, { canSendEmail: Boolean(config.smtpUrl) })
  },
  services(deps, config): BackgroundService[] {
    const services = [ownerBootstrapService(deps, config)]
    if (config.smtpUrl) services.push(accountMailService(deps, config.smtpUrl, config.mailFrom))
    return services
  },
}

function ownerBootstrapService(deps: HttpDeps, config: Config): BackgroundService {
  return {
    name: 'first owner',
    async start() {
      let made
      try {
        made = await bootstrapOwner(deps, {
          email: config.adminEmail,
          password: config.adminPassword,
          now: deps.clock(),
        })
      } catch (error) {
        // Another node made the owner at the same moment (unique email): nothing to do.
        if ((error as { code?: string }).code === '23505') return
        throw error
      }
      if (!made) return
      if (!made.signInUrl) {
        process.stdout.write(`Owner account ${made.email} created with the configured password.\n`)
        return
      }
      process.stdout.write(
        `\nOwner account created: ${made.email}\nSign in once with this link (valid until ${made.expiresAt?.toISOString()}), then set a password:\n  ${made.signInUrl}\n\n`,
      )
    },
    async stop() {},
  }
}
