import type { OrgStore } from '../../store/store.js'

/**
 * The status page of an incident nobody chose one for: the organisation's only page, if it has
 * exactly one, with the sentence its timeline says about it; otherwise none.
 */
export async function onlyPage(tx: OrgStore, why: string): Promise<{ pageId: string | null; notes: string[] }> {
  const pages = await tx.pages.list()
  if (pages.length !== 1) return { pageId: null, notes: [] }
  const page = pages[0]!
  return { pageId: page.id, notes: [`Status page "${page.name}" chosen: ${why} and it is the only one.`] }
}
