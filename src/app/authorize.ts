import { AppError } from '../domain/app-error.js'
import type { AppContext } from './context.js'

export function requirePermission(ctx: AppContext, action: string) {
  if (!ctx.permissions(ctx.role, action, ctx.scopes)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) may not ${action.replace('.', ': ')}`)
  }
}
