import type { Component, ComponentGroup, StatusPage } from '../../api/types'
import { useCan } from '../../session/session-context'
import { componentStatusLooks } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { StatusBadge } from '../../ui/status-badge'
import { useApi } from '../../ui/use-api'
import { ComponentStatusForm } from './component-status-form'

interface Section {
  key: string
  title: string
  components: Component[]
}

/**
 * Groups in their page order, then the components in no group; each page gets its own heading when
 * there are several.
 */
function sectionsOf(page: StatusPage, groups: ComponentGroup[], components: Component[]): Section[] {
  const byPosition = <T extends { position: number; name: string }>(a: T, b: T) =>
    a.position - b.position || a.name.localeCompare(b.name)
  const mine = components.filter((c) => c.page_id === page.id).sort(byPosition)
  const sections = groups
    .filter((g) => g.page_id === page.id)
    .sort(byPosition)
    .map((g) => ({ key: g.id, title: g.name, components: mine.filter((c) => c.group_id === g.id) }))
  const loose = mine.filter((c) => !c.group_id || !sections.some((s) => s.key === c.group_id))
  return loose.length
    ? [...sections, { key: `${page.id}-loose`, title: 'Other components', components: loose }]
    : sections
}

function ComponentTable({ section, onChanged }: { section: Section; onChanged(): void }) {
  const titleId = `group-${section.key}`
  const canChange = useCan()('component.write')
  return (
    <section aria-labelledby={titleId} className="card">
      <h3 id={titleId}>{section.title}</h3>
      <table className="components-table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Status</th>
            {canChange && <th scope="col">Change status</th>}
          </tr>
        </thead>
        <tbody>
          {section.components.map((c) => (
            <tr key={c.id} id={`component-${c.id}`} data-component={c.name}>
              <th scope="row">
                {c.name}
                {c.description && <span className="muted block">{c.description}</span>}
              </th>
              <td>
                <StatusBadge look={componentStatusLooks[c.status]} />
              </td>
              {canChange && (
                <td>
                  <ComponentStatusForm key={c.status} component={c} onChanged={onChanged} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function ComponentsScreen() {
  const pages = useApi<StatusPage[]>('/api/pages')
  const groups = useApi<ComponentGroup[]>('/api/component-groups')
  const components = useApi<Component[]>('/api/components')
  const all =
    pages.data && groups.data && components.data
      ? { pages: pages.data, groups: groups.data, components: components.data }
      : undefined

  return (
    <section aria-labelledby="components-title">
      <h1 id="components-title" tabIndex={-1}>
        Components
      </h1>
      <Loading data={all} problem={pages.problem ?? groups.problem ?? components.problem}>
        {(loaded) =>
          loaded.pages.length === 0 ? (
            <p className="muted">No status page yet: create one through the API (POST /api/pages).</p>
          ) : (
            loaded.pages.map((page) => (
              <section key={page.id} aria-labelledby={`page-${page.id}`}>
                <h2 id={`page-${page.id}`}>
                  {page.name}{' '}
                  <a className="quiet-link" href={`/p/${page.slug}/`}>
                    View status page
                  </a>
                </h2>
                {sectionsOf(page, loaded.groups, loaded.components).map((section) => (
                  <ComponentTable key={section.key} section={section} onChanged={components.reload} />
                ))}
              </section>
            ))
          )
        }
      </Loading>
    </section>
  )
}
