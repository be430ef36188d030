import { useState } from 'react'
import { api } from '../../api/client'
import { channelLabels, type KeyCustomer } from '../../api/key-customer-types'
import type { Component } from '../../api/types'
import { useCan } from '../../session/session-context'
import { Loading } from '../../ui/loading'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'
import { KeyCustomerForm } from './key-customer-form'
import { KeyCustomersImport } from './key-customers-import'

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

function CustomerRow(props: {
  customer: KeyCustomer
  components: Component[]
  canManage: boolean
  onEdit(): void
  onChanged(): void
}) {
  const { customer: c, components } = props
  const removing = useSubmit(() => api.delete(`/api/key-customers/${c.id}`).then(props.onChanged))
  const dependsOn = c.is_affected_by_every_incident
    ? 'Every incident'
    : c.component_ids.map((id) => components.find((x) => x.id === id)?.name ?? 'a removed component').join(', ') ||
      'Nothing yet'
  return (
    <tr data-customer={c.name}>
      <th scope="row">
        {c.name}
        {c.notes && <span className="muted block">{c.notes}</span>}
      </th>
      <td>{c.notify_within_minutes} min</td>
      <td>{channelLabels[c.channel] ?? c.channel}</td>
      <td>
        {c.contacts.map((contact) => (
          <span className="block" key={`${contact.name}-${contact.email}-${contact.phone}`}>
            {contact.name}
            {contact.email && <> · {contact.email}</>}
            {contact.phone && <> · {contact.phone}</>}
          </span>
        ))}
      </td>
      <td>{c.mrr === null ? '—' : money.format(c.mrr)}</td>
      <td>{dependsOn}</td>
      {props.canManage && (
        <td>
          <button type="button" className="button-quiet" onClick={props.onEdit}>
            Change <span className="visually-hidden">{c.name}</span>
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={removing.isBusy}
            onClick={() => window.confirm(`Remove ${c.name} from the key customers?`) && void removing.submit()}
          >
            Remove <span className="visually-hidden">{c.name}</span>
          </button>
          <ProblemMessage problem={removing.problem} />
        </td>
      )}
    </tr>
  )
}

/** The key customers with their SLA terms: who is owed a call, how soon, how, and what they depend on. */
export function KeyCustomersScreen() {
  const customers = useApi<{ key_customers: KeyCustomer[] }>('/api/key-customers')
  const components = useApi<Component[]>('/api/components')
  const canManage = useCan()('customer.manage')
  const [editing, setEditing] = useState<string | null>(null)
  const saved = () => {
    setEditing(null)
    customers.reload()
  }
  return (
    <section aria-labelledby="key-customers-title">
      <h1 id="key-customers-title" tabIndex={-1}>
        Key customers
      </h1>
      <p className="muted">
        When an incident is declared, each key customer it affects gets a contact task, due within their SLA.
      </p>
      <Loading data={customers.data} problem={customers.problem}>
        {(loaded) =>
          loaded.key_customers.length === 0 ? (
            <p className="muted">No key customer yet.</p>
          ) : (
            <div className="table-scroll card">
              <table className="key-customers-table">
                <thead>
                  <tr>
                    <th scope="col">Customer</th>
                    <th scope="col">Notify within</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Contacts</th>
                    <th scope="col">MRR</th>
                    <th scope="col">Depends on</th>
                    {canManage && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {loaded.key_customers.map((c) => (
                    <CustomerRow
                      key={c.id}
                      customer={c}
                      components={components.data ?? []}
                      canManage={canManage}
                      onEdit={() => setEditing(c.id)}
                      onChanged={customers.reload}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
      {canManage && editing && customers.data && (
        <KeyCustomerForm
          key={editing}
          customer={customers.data.key_customers.find((c) => c.id === editing)}
          components={components.data ?? []}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {canManage && !editing && <KeyCustomerForm components={components.data ?? []} onSaved={saved} />}
      {canManage && <KeyCustomersImport onImported={customers.reload} />}
    </section>
  )
}
