/** Locales the status page ships UI strings for; a page's locale must be one of them. */
export const supportedLocales = ['en', 'zh-Hans', 'zh-Hant', 'de', 'fr', 'es', 'ja'] as const
export type SupportedLocale = (typeof supportedLocales)[number]

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value)
}
