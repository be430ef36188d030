import { z } from 'zod'
import { componentStatuses } from '../domain/component/component-status.js'
import { impacts } from '../domain/incident/impact.js'
import { supportedLocales } from '../domain/locales.js'

export const idSchema = z.uuid({ message: 'must be a UUID' })
export const slugSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and dashes')
export const hostnameSchema = z
  .string()
  .max(253)
  .transform((s) => s.toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'must be a domain name such as status.example.com',
      ),
  )
export const localeSchema = z.enum(supportedLocales, { message: `must be one of ${supportedLocales.join(', ')}` })
export const timeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')
export const componentStatusSchema = z.enum(componentStatuses)
export const impactSchema = z.enum(impacts)
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(200)
export const textSchema = z.string().max(20_000)
export const dateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .transform((s) => new Date(s))
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')
export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000)

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}
