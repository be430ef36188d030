import { readFileSync } from 'node:fs'

/** The common XSS payload list (test/fixtures/xss-payloads.txt), for every test that posts hostile text. */
export function loadXssPayloads(): string[] {
  return readFileSync(new URL('../../test/fixtures/xss-payloads.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# '))
}

/** Each payload is also tried in every Markdown position that ends up in an attribute or a block. */
export const markdownContexts: readonly ((p: string) => string)[] = [
  (p) => p,
  (p) => `[x](${p})`,
  (p) => `![x](${p})`,
  (p) => `[${p}](https://example.com)`,
  (p) => `**${p}** _${p}_`,
  (p) => `> ${p}`,
  (p) => `- ${p}\n  1. ${p}`,
  (p) => `| ${p} |\n|---|\n| ${p} |`,
  (p) => `\`\`\`${p}\ncode\n\`\`\``,
  (p) => `[ref]\n\n[ref]: ${p}`,
  (p) => `<${p}>`,
]
