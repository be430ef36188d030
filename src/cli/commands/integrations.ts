import { parseArgs } from 'node:util'
import { systemContext } from '../../app/context.js'
import { createIntegration, deleteIntegration, listIntegrations } from '../../app/intake/manage-integrations.js'
import { loadConfig } from '../../config.js'
import { createLogger } from '../../logger.js'
import { buildDeps } from '../../wiring/build-deps.js'
import { openDatabase } from '../../store/database.js'
import { migrate } from '../../store/migrate.js'
import type { Db } from '../../store/schema/index.js'
import { CliError, type Command } from '../command.js'

const usage = [
  'candor integrations create --kind alertmanager|pagerduty|webhook|email --name NAME [--org SLUG] [--json]',
  '       candor integrations list [--org SLUG] [--json]',
  '       candor integrations delete --id ID [--org SLUG]',
].join('\n')

/** Alert intake keys from the command line, for scripts that set up monitoring. */
export const integrationsCommand: Command = {
  name: 'integrations',
  summary: 'Create, list or delete alert intake integrations (prints the new key once)',
  usage,
  async run(argv) {
    const [action, ...rest] = argv
    let values: { kind?: string; name?: string; org?: string; id?: string; json?: boolean }
    try {
      values = parseArgs({
        args: rest,
        options: {
          kind: { type: 'string' },
          name: { type: 'string' },
          org: { type: 'string' },
          id: { type: 'string' },
          json: { type: 'boolean' },
        },
      }).values
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    if (action !== 'create' && action !== 'list' && action !== 'delete')
      throw new CliError(`say create, list or delete\nusage: ${usage}`, 2)
    if (action === 'create' && (!values.kind || !values.name))
      throw new CliError(`--kind and --name are required\nusage: ${usage}`, 2)
    if (action === 'delete' && !values.id) throw new CliError(`--id is required\nusage: ${usage}`, 2)

    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    try {
      await migrate(database)
      const deps = await buildDeps(database, config, createLogger('silent'))
      const org = values.org ? await deps.store.organisations.findBySlug(values.org) : undefined
      if (values.org && !org) throw new CliError(`there is no organisation with the slug "${values.org}"`)
      const orgId = org?.id ?? (await onlyOrganisation(deps.store.db))
      const ctx = systemContext(orgId, new Date(), 'cli')
      if (action === 'create') {
        const created = await createIntegration(deps, ctx, { kind: values.kind, name: values.name })
        if (values.json) console.log(JSON.stringify(created))
        else
          console.log(
            [
              `created ${created.kind} integration "${created.name}" (${created.id})`,
              `key: ${created.key}  (shown once; keep it secret)`,
              ...['url', 'routing_key', 'email']
                .filter((k) => k in created)
                .map((k) => `${k}: ${(created as Record<string, unknown>)[k]}`),
            ].join('\n'),
          )
      } else if (action === 'list') {
        const list = await listIntegrations(deps, ctx)
        if (values.json) console.log(JSON.stringify(list))
        else for (const i of list) console.log(`${i.id}  ${i.kind.padEnd(12)} ${i.key_hint}  ${i.name}`)
      } else {
        await deleteIntegration(deps, ctx, values.id!)
        console.log(`deleted integration ${values.id}`)
      }
    } finally {
      await database.close()
    }
  },
}

export async function onlyOrganisation(db: Db): Promise<string> {
  const orgs = await db.selectFrom('organisations').select(['id', 'slug']).limit(2).execute()
  if (orgs.length === 1) return orgs[0]!.id
  throw new CliError(
    orgs.length === 0
      ? 'there is no organisation yet; start Candor once to create one'
      : 'there are several organisations: say which with --org SLUG',
  )
}
