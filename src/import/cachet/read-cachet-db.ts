import { invalid } from '../../domain/app-error.js'
import { parseSource } from '../source-input.js'
import { openSqlite } from '../sqlite-file.js'
import { cachetExport, type CachetExport } from './cachet-export.js'

/**
 * A Cachet 2.x database (its SQLite file: database/database.sqlite): the same tables its
 * migrations create, read into the API's shape. Rows Cachet soft-deleted (deleted_at) stay out.
 */
export async function readCachetDb(bytes: Uint8Array): Promise<CachetExport> {
  const db = await openSqlite(bytes, 'The Cachet database')
  try {
    const missing = ['components', 'incidents'].filter((t) => !db.has(t))
    if (missing.length)
      throw invalid('This is not a Cachet database', [{ message: `missing tables: ${missing.join(', ')}` }])
    const live = (table: string) => (db.columns(table).has('deleted_at') ? ' WHERE deleted_at IS NULL' : '')
    const all = (table: string, query: string) => (db.has(table) ? db.rows(query) : [])
    const setting = (name: string) =>
      db.has('settings')
        ? (db.rows(`SELECT value FROM settings WHERE name = '${name}'`)[0]?.value as string | undefined)
        : undefined
    const updates = all('incident_updates', 'SELECT * FROM incident_updates ORDER BY id')
    const scheduleComponents = all('schedule_components', 'SELECT * FROM schedule_components')
    const subscriptions = all('subscriptions', 'SELECT * FROM subscriptions')
    const raw = {
      page: {
        id: setting('app_domain') || 'cachet',
        name: setting('app_name') || 'Cachet',
        time_zone: setting('app_timezone') ?? null,
      },
      components: db.rows(`SELECT * FROM components${live('components')} ORDER BY "order", id`),
      component_groups: all('component_groups', 'SELECT * FROM component_groups ORDER BY "order", id'),
      incidents: db.rows(`SELECT * FROM incidents${live('incidents')} ORDER BY id`).map((i) => ({
        ...i,
        updates: updates.filter((u) => u.incident_id === i.id),
      })),
      schedules: all('schedules', `SELECT * FROM schedules${db.has('schedules') ? live('schedules') : ''}`).map(
        (s) => ({
          ...s,
          components: scheduleComponents.filter((c) => c.schedule_id === s.id).map((c) => c.component_id),
        }),
      ),
      subscribers: all('subscribers', 'SELECT * FROM subscribers ORDER BY id').map((s) => ({
        ...s,
        subscriptions: subscriptions.filter((c) => c.subscriber_id === s.id).map((c) => c.component_id),
      })),
    }
    return parseSource(cachetExport, raw, 'The Cachet database')
  } finally {
    db.close()
  }
}
