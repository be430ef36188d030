import type { LocaleCatalog } from './catalog.js'
import { defaultCatalogs } from './locales/index.js'

const chineseScripts: Record<string, 'zh-Hans' | 'zh-Hant'> = {
  cn: 'zh-Hans',
  sg: 'zh-Hans',
  my: 'zh-Hans',
  hans: 'zh-Hans',
  tw: 'zh-Hant',
  hk: 'zh-Hant',
  mo: 'zh-Hant',
  hant: 'zh-Hant',
}

/** The closest locale we have templates for: exact tag, Chinese by script or region, language, then English. */
export function resolveLocale(requested: string, available: readonly string[] = Object.keys(defaultCatalogs)): string {
  const exact = available.find((l) => l.toLowerCase() === requested.toLowerCase())
  if (exact) return exact
  const [language, ...rest] = requested.toLowerCase().split(/[-_]/)
  if (language === 'zh') {
    const script = rest.map((part) => chineseScripts[part]).find(Boolean) ?? 'zh-Hans'
    if (available.includes(script)) return script
  }
  return available.find((l) => l.toLowerCase() === language) ?? 'en'
}

export function catalogFor(locale: string): LocaleCatalog {
  return defaultCatalogs[resolveLocale(locale)] ?? (defaultCatalogs.en as LocaleCatalog)
}
