import { describe, expect, it } from 'vitest'
import { defaultCrisisTypeKeys } from './crisis-types.js'
import { defaultPlaybooks } from './default-playbooks.js'
import { checklistFor, playbookFor, validatePlaybook, walkPlaybook, type Playbook } from './playbook.js'
import { processStages } from './process-stages.js'

const outage = playbookFor(defaultPlaybooks, 'service_outage')!

describe('playbooks', () => {
  it('ships a valid default playbook for every default crisis type, covering all eight steps', () => {
    for (const key of defaultCrisisTypeKeys) {
      const playbook = playbookFor(defaultPlaybooks, key)
      expect(playbook, key).toBeDefined()
      expect(validatePlaybook(playbook!)).toEqual([])
      expect(new Set(playbook!.steps.map((s) => s.stage))).toEqual(new Set(processStages))
    }
  })

  it('stops at the first unanswered question', () => {
    const walk = walkPlaybook(outage, {})
    expect(walk.path.map((s) => s.id)).toEqual(['alert', 'check_in', 'validate'])
    expect(walk.pendingQuestion?.id).toBe('criteria_met')
  })

  it('ends at the stand-down when the criteria are not met', () => {
    const walk = walkPlaybook(outage, { criteria_met: false })
    expect(walk.path.at(-1)?.id).toBe('stand_down')
    expect(walk.pendingQuestion).toBeNull()
  })

  it('takes the security path when customer data is exposed', () => {
    const yes = walkPlaybook(outage, { criteria_met: true, customer_data_exposed: true }).path.map((s) => s.id)
    const no = walkPlaybook(outage, { criteria_met: true, customer_data_exposed: false }).path.map((s) => s.id)
    expect(yes).toContain('security_path')
    expect(no).not.toContain('security_path')
    expect(yes.at(-1)).toBe('wrap_up')
    expect(no.at(-1)).toBe('wrap_up')
  })

  it('turns the path into a checklist of tasks per role', () => {
    const tasks = checklistFor(outage, { criteria_met: true, customer_data_exposed: true })
    expect(tasks.find((t) => t.id === 'security_path.legal')).toMatchObject({
      role: 'incident_lead',
      stepId: 'security_path',
      stage: 'scope',
    })
    expect(tasks.some((t) => t.role === 'communications_lead' && t.stage === 'acknowledge')).toBe(true)
    expect(checklistFor(outage, {}).map((t) => t.stepId)).not.toContain('scope')
  })

  it('finds loops, missing steps and unreachable steps', () => {
    const looping: Playbook = {
      key: 'x',
      crisisType: 'x',
      name: 'x',
      firstStepId: 'a',
      steps: [
        { id: 'a', stage: 'alert', title: 'a', tasks: [], next: { kind: 'go', to: 'b' } },
        { id: 'b', stage: 'alert', title: 'b', tasks: [], next: { kind: 'go', to: 'a' } },
      ],
    }
    expect(validatePlaybook(looping)).toContain('the steps form a loop')
    expect(walkPlaybook(looping, {}).path).toHaveLength(2)
    const broken: Playbook = {
      ...looping,
      steps: [
        { id: 'a', stage: 'alert', title: 'a', tasks: [], next: { kind: 'go', to: 'zz' } },
        { id: 'c', stage: 'alert', title: 'c', tasks: [], next: { kind: 'end' } },
      ],
    }
    expect(validatePlaybook(broken)).toEqual(['step a leads to a missing step zz'])
    const orphan: Playbook = {
      ...looping,
      steps: [
        { id: 'a', stage: 'alert', title: 'a', tasks: [], next: { kind: 'end' } },
        { id: 'c', stage: 'alert', title: 'c', tasks: [], next: { kind: 'end' } },
      ],
    }
    expect(validatePlaybook(orphan)).toEqual(['step c cannot be reached'])
  })
})
