import { useRef, useState, type FormEvent } from 'react'
import type { Component } from '../../api/types'
import { api } from '../../api/client'
import { channelLabels, contactChannels, type CustomerContact, type KeyCustomer } from '../../api/key-customer-types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextArea, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

const emptyContact: CustomerContact = { name: '', email: null, phone: null }

const fieldNames = {
  name: 'Name',
  notify_within_minutes: 'Notify within (minutes)',
  channel: 'Channel',
  contacts: 'Contacts',
  mrr: 'MRR',
  component_ids: 'Depends on',
  notes: 'Notes',
}

/** Adds a key customer, or changes one: SLA terms, contacts, MRR and what they depend on. */
export function KeyCustomerForm({
  customer,
  components,
  onSaved,
  onCancel,
}: {
  customer?: KeyCustomer
  components: Component[]
  onSaved(): void
  onCancel?(): void
}) {
  const [name, setName] = useState(customer?.name ?? '')
  const [minutes, setMinutes] = useState(String(customer?.notify_within_minutes ?? 30))
  const [channel, setChannel] = useState<string>(customer?.channel ?? 'email')
  const [contacts, setContacts] = useState<CustomerContact[]>(customer?.contacts ?? [])
  const [mrr, setMrr] = useState(customer?.mrr === null || customer?.mrr === undefined ? '' : String(customer.mrr))
  const [componentIds, setComponentIds] = useState<string[]>(customer?.component_ids ?? [])
  const [isEveryIncident, setEveryIncident] = useState(customer?.is_affected_by_every_incident ?? false)
  const [notes, setNotes] = useState(customer?.notes ?? '')
  const form = useRef<HTMLFormElement>(null)
  const body = () => ({
    name,
    notify_within_minutes: Number(minutes),
    channel,
    contacts: contacts.map((c) => ({ name: c.name, email: c.email || null, phone: c.phone || null })),
    mrr: mrr.trim() === '' ? null : Number(mrr),
    component_ids: componentIds,
    is_affected_by_every_incident: isEveryIncident,
    notes: notes.trim() === '' ? null : notes,
  })
  const saving = useSubmit(() =>
    customer ? api.patch(`/api/key-customers/${customer.id}`, body()) : api.post('/api/key-customers', body()),
  )
  useFocusFirstInvalid(form, saving.problem)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!(await saving.submit())) return
    if (!customer) {
      setName('')
      setMinutes('30')
      setChannel('email')
      setContacts([])
      setMrr('')
      setComponentIds([])
      setEveryIncident(false)
      setNotes('')
    }
    onSaved()
  }
  const setContact = (index: number, patch: Partial<CustomerContact>) =>
    setContacts(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)))
  const toggle = (id: string) =>
    setComponentIds(componentIds.includes(id) ? componentIds.filter((c) => c !== id) : [...componentIds, id])
  const label = customer ? `Change ${customer.name}` : 'Add a key customer'

  return (
    <form ref={form} className="card" aria-label={label} onSubmit={(e) => void save(e)}>
      <h2>{label}</h2>
      <div className="field-row">
        <TextField
          label="Name"
          name="name"
          value={name}
          required
          error={errorFor(saving.problem, 'name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Notify within (minutes)"
          name="notify_within_minutes"
          type="number"
          min={1}
          value={minutes}
          required
          hint="Their SLA: how soon after an incident is declared they must hear from us"
          error={errorFor(saving.problem, 'notify_within_minutes')}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <SelectField
          label="Channel"
          name="channel"
          value={channel}
          error={errorFor(saving.problem, 'channel')}
          onChange={(e) => setChannel(e.target.value)}
        >
          {contactChannels.map((c) => (
            <option key={c} value={c}>
              {channelLabels[c]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="MRR"
          name="mrr"
          type="number"
          min={0}
          step="0.01"
          value={mrr}
          error={errorFor(saving.problem, 'mrr')}
          onChange={(e) => setMrr(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>Contacts</legend>
        {contacts.map((contact, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; the position is the row
          <div className="field-row" key={index}>
            <TextField
              label={`Contact ${index + 1} name`}
              value={contact.name}
              required
              error={errorFor(saving.problem, `contacts.${index}.name`)}
              onChange={(e) => setContact(index, { name: e.target.value })}
            />
            <TextField
              label="Email"
              type="email"
              value={contact.email ?? ''}
              error={errorFor(saving.problem, `contacts.${index}.email`)}
              onChange={(e) => setContact(index, { email: e.target.value })}
            />
            <TextField
              label="Phone"
              type="tel"
              value={contact.phone ?? ''}
              error={errorFor(saving.problem, `contacts.${index}.phone`)}
              onChange={(e) => setContact(index, { phone: e.target.value })}
            />
            <button
              type="button"
              className="button-quiet"
              onClick={() => setContacts(contacts.filter((_, i) => i !== index))}
            >
              Remove contact {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button-quiet" onClick={() => setContacts([...contacts, emptyContact])}>
          Add a contact
        </button>
      </fieldset>
      <fieldset>
        <legend>Affected by</legend>
        <label className="toggle">
          <input type="checkbox" checked={isEveryIncident} onChange={(e) => setEveryIncident(e.target.checked)} />
          Every incident, whatever it affects
        </label>
        {components.map((c) => (
          <label className="toggle" key={c.id}>
            <input type="checkbox" checked={componentIds.includes(c.id)} onChange={() => toggle(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <TextArea
        label="Notes"
        name="notes"
        value={notes}
        rows={2}
        error={errorFor(saving.problem, 'notes')}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" disabled={saving.isBusy}>
          {customer ? 'Save' : 'Add'}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <ProblemMessage problem={saving.problem} fields={fieldNames} />
    </form>
  )
}
