import pg from 'pg'
import type { DatabaseHandle } from './database.js'

/** The channel migration 0006's triggers notify with a page id. */
export const statusPageChannel = 'candor_status_page'

export interface ChangeListenerOptions {
  onChange(pageId: string): void
  /** After a lost connection was re-established: notifications may have been missed. */
  onReconnect?(): void
  onError?(error: unknown): void
  retryMs?: number
}

/**
 * LISTEN on the status-page channel: PGlite delivers in-process, PostgreSQL on a dedicated
 * connection (not one of the pool's) that reconnects until stopped. Returns the stop function.
 */
export async function listenForStatusPageChanges(
  handle: DatabaseHandle,
  options: ChangeListenerOptions,
): Promise<() => Promise<void>> {
  if (handle.pglite) {
    const unsubscribe = await handle.pglite.listen(statusPageChannel, (payload) => options.onChange(payload))
    return () => unsubscribe()
  }
  if (!handle.pool) throw new Error('this database handle cannot LISTEN')
  const poolOptions = (handle.pool as unknown as { options: pg.ClientConfig }).options
  let stopped = false
  let client: pg.Client | null = null
  let timer: NodeJS.Timeout | null = null

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client(poolOptions)
    next.on('notification', (message) => {
      if (message.channel === statusPageChannel && message.payload) options.onChange(message.payload)
    })
    next.on('error', (error) => {
      options.onError?.(error)
      retry()
    })
    next.on('end', () => retry())
    try {
      await next.connect()
      await next.query(`LISTEN ${statusPageChannel}`)
    } catch (error) {
      options.onError?.(error)
      await next.end().catch(() => undefined)
      return retry()
    }
    if (stopped) return void (await next.end().catch(() => undefined))
    client = next
    if (isReconnect) options.onReconnect?.()
  }
  const retry = () => {
    if (stopped || timer) return
    client = null
    timer = setTimeout(() => {
      timer = null
      void connect(true)
    }, options.retryMs ?? 2_000)
    timer.unref()
  }

  await connect(false)
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await client?.end().catch(() => undefined)
  }
}
