import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const chromiumPath = '/usr/bin/chromium'

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Counts what a person does (clicks and submits; typing is free), so a test can hold a flow
 * to "the first public word in three actions".
 */
export function actionCounter() {
  let count = 0
  return {
    async click(target: Locator) {
      count += 1
      await target.click()
    },
    async select(target: Locator, value: string) {
      count += 1
      await target.selectOption(value)
    },
    get count() {
      return count
    },
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** Runs axe-core in the page; returns the serious and critical violations as readable lines. */
export async function seriousA11yViolations(tab: Page, include?: string): Promise<string[]> {
  // evaluate, not a script tag: the pages' CSP (script-src 'self') rightly refuses inline scripts.
  if (!(await tab.evaluate('typeof window.axe === "object"'))) await tab.evaluate(axeSource)
  const violations = (await tab.evaluate(
    `axe.run(${include ? JSON.stringify({ include: [include] }) : 'document'}, { resultTypes: ['violations'] })
      .then((r) => r.violations)`,
  )) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`)
}

export async function expectNoSeriousA11yViolations(tab: Page, include?: string) {
  expect(await seriousA11yViolations(tab, include)).toEqual([])
}
