import { z } from 'zod'
import { invalid } from '../../domain/app-error.js'
import { parseSource } from '../source-input.js'
import { openSqlite } from '../sqlite-file.js'

/** Uptime Kuma's kuma.db tables as its knex schema defines them (db/knex_init_db.js and migrations). */
const id = z.number().int()
const text = z.string().nullish()
const flag = z.union([z.number(), z.boolean()]).transform((v) => Boolean(v))

const kumaTables = {
  statusPages: z.array(z.looseObject({ id, slug: z.string(), title: z.string(), description: text, published: flag })),
  groups: z.array(
    z.looseObject({ id, name: z.string(), weight: z.number().nullish(), public: flag, status_page_id: id.nullish() }),
  ),
  monitors: z.array(z.looseObject({ id, name: z.string().nullish(), description: text, active: flag, type: text })),
  monitorGroups: z.array(z.looseObject({ id, monitor_id: id, group_id: id, weight: z.number().nullish() })),
  lastBeats: z.array(z.looseObject({ monitor_id: id, status: z.number() })),
  incidents: z.array(
    z.looseObject({
      id,
      title: z.string(),
      content: z.string().nullish(),
      style: z.string().nullish(),
      created_date: z.string(),
      last_updated_date: text,
      pin: flag,
      status_page_id: id.nullish(),
    }),
  ),
  maintenances: z.array(
    z.looseObject({
      id,
      title: z.string(),
      description: z.string().nullish(),
      strategy: z.string(),
      active: flag,
      start_date: text,
      end_date: text,
      timezone: text,
    }),
  ),
  maintenancePages: z.array(z.looseObject({ maintenance_id: id, status_page_id: id })),
  maintenanceMonitors: z.array(z.looseObject({ maintenance_id: id, monitor_id: id })),
}
export type KumaData = { [K in keyof typeof kumaTables]: z.infer<(typeof kumaTables)[K]> }

const required = ['status_page', 'group', 'monitor', 'monitor_group']

/** Reads what a status page needs from kuma.db; history of heartbeats is reduced to each monitor's last one. */
export async function readKumaDb(bytes: Uint8Array): Promise<KumaData> {
  const db = await openSqlite(bytes, 'The Uptime Kuma database')
  try {
    const missing = required.filter((t) => !db.has(t))
    if (missing.length)
      throw invalid('This is not an Uptime Kuma database (kuma.db)', [
        { message: `missing tables: ${missing.join(', ')}` },
      ])
    const all = (table: string, query: string) => (db.has(table) ? db.rows(query) : [])
    const zone = db.has('maintenance') && db.columns('maintenance').has('timezone') ? '' : ', NULL AS timezone'
    const raw = {
      statusPages: db.rows('SELECT * FROM status_page ORDER BY id'),
      groups: db.rows('SELECT * FROM "group" ORDER BY status_page_id, weight, id'),
      monitors: db.rows('SELECT * FROM monitor ORDER BY id'),
      monitorGroups: db.rows('SELECT * FROM monitor_group ORDER BY group_id, weight, id'),
      lastBeats: all(
        'heartbeat',
        'SELECT h.monitor_id, h.status FROM heartbeat h JOIN ' +
          '(SELECT monitor_id, max(id) AS id FROM heartbeat GROUP BY monitor_id) last ON last.id = h.id',
      ),
      incidents: all('incident', 'SELECT * FROM incident ORDER BY id'),
      maintenances: all('maintenance', `SELECT *${zone} FROM maintenance ORDER BY id`),
      maintenancePages: all('maintenance_status_page', 'SELECT * FROM maintenance_status_page'),
      maintenanceMonitors: all('monitor_maintenance', 'SELECT * FROM monitor_maintenance'),
    }
    return parseSource(z.object(kumaTables), raw, 'The Uptime Kuma database')
  } finally {
    db.close()
  }
}
