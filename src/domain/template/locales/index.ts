import type { LocaleCatalog } from '../catalog.js'
import { de } from './de.js'
import { en } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { ja } from './ja.js'
import { zhHans } from './zh-hans.js'
import { zhHant } from './zh-hant.js'

export const defaultCatalogs: Readonly<Record<string, LocaleCatalog>> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  de,
  fr,
  es,
  ja,
}
