import type { RouteModule } from '../route-module.js'

/** Load balancers and `npm start` checks read this; it answers 503 when the database is gone. */
export const healthRoutes: RouteModule = (app, deps) => {
  app.get(
    '/healthz',
    { schema: { tags: ['Operations'], summary: 'Liveness and database reachability' } },
    async (_req, reply) => {
      const databaseOk = await deps.database.ping()
      return reply.code(databaseOk ? 200 : 503).send({
        status: databaseOk ? 'ok' : 'degraded',
        database: { engine: deps.database.engine, reachable: databaseOk },
        time: deps.clock().toISOString(),
      })
    },
  )
}
