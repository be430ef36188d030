import { parseArgs } from 'node:util'
import {
  createOrganisation,
  deleteOrganisation,
  instanceContext,
  listOrganisations,
  renameOrganisation,
} from '../../app/instance/manage-organisations.js'
import { loadConfig } from '../../config.js'
import { createLogger } from '../../logger.js'
import { openDatabase } from '../../store/database.js'
import { migrate } from '../../store/migrate.js'
import { buildDeps } from '../../wiring/build-deps.js'
import { CliError, type Command } from '../command.js'

const usage = [
  'candor orgs list [--json]',
  '       candor orgs create --slug SLUG --name NAME --owner EMAIL [--json]',
  '       candor orgs rename --org SLUG [--slug NEW-SLUG] [--name NAME]',
  '       candor orgs delete --org SLUG --confirm SLUG',
].join('\n')

type Values = { slug?: string; name?: string; owner?: string; org?: string; confirm?: string; json?: boolean }

/** Organisations from the machine itself: whoever runs the CLI there acts as the instance. */
export const organisationsCommand: Command = {
  name: 'orgs',
  summary: 'List, create (with an owner invitation), rename or delete organisations',
  usage,
  async run(argv) {
    const [action, ...rest] = argv
    let values: Values
    try {
      values = parseArgs({
        args: rest,
        options: {
          slug: { type: 'string' },
          name: { type: 'string' },
          owner: { type: 'string' },
          org: { type: 'string' },
          confirm: { type: 'string' },
          json: { type: 'boolean' },
        },
      }).values
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2)
    }
    if (!['list', 'create', 'rename', 'delete'].includes(action ?? ''))
      throw new CliError(`say list, create, rename or delete\nusage: ${usage}`, 2)
    if (action === 'create' && (!values.slug || !values.name || !values.owner))
      throw new CliError(`--slug, --name and --owner are required\nusage: ${usage}`, 2)
    if ((action === 'rename' || action === 'delete') && !values.org)
      throw new CliError(`--org SLUG is required\nusage: ${usage}`, 2)

    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    try {
      await migrate(database)
      const deps = await buildDeps(database, config, createLogger('silent'))
      const ctx = instanceContext(new Date())
      const target = values.org ? await deps.store.organisations.findBySlug(values.org) : undefined
      if (values.org && !target) throw new CliError(`there is no organisation with the slug "${values.org}"`)
      if (action === 'list') {
        const list = await listOrganisations(deps, ctx)
        if (values.json) console.log(JSON.stringify(list))
        else
          for (const o of list) console.log(`${o.id}  ${o.slug.padEnd(24)} ${String(o.members).padStart(4)}  ${o.name}`)
      } else if (action === 'create') {
        const created = await createOrganisation(deps, ctx, {
          slug: values.slug,
          name: values.name,
          owner_email: values.owner,
        })
        const invitation = created.owner_invitation
        if (values.json) console.log(JSON.stringify(created))
        else
          console.log(
            [
              `created organisation "${created.name}" (${created.slug}, ${created.id})`,
              invitation.emailed
                ? `the owner invitation is on its way to ${invitation.email}`
                : `send ${invitation.email} this invitation link (no SMTP is set): ${invitation.accept_url}`,
            ].join('\n'),
          )
      } else if (action === 'rename') {
        const renamed = await renameOrganisation(deps, ctx, target!.id, {
          ...(values.slug ? { slug: values.slug } : {}),
          ...(values.name ? { name: values.name } : {}),
        })
        console.log(`renamed: ${renamed.slug}  ${renamed.name}`)
      } else {
        await deleteOrganisation(deps, ctx, target!.id, values.confirm)
        console.log(`deleted organisation ${target!.slug} and everything it held`)
      }
    } finally {
      await database.close()
    }
    return 0
  },
}
