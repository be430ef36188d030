import { describe, expect, it } from 'vitest'
import { stageForUpdate } from './update-stage.js'

describe('stage for an update', () => {
  it('acknowledges with the first public update, whether straight away or after triage', () => {
    expect(stageForUpdate('investigating', null)).toBe('acknowledge')
    expect(stageForUpdate('identified', 'declared')).toBe('acknowledge')
    expect(stageForUpdate('investigating', 'triage')).toBe('acknowledge')
  })

  it('sends an update while the incident stays public, also after a re-opening', () => {
    expect(stageForUpdate('identified', 'investigating')).toBe('update')
    expect(stageForUpdate('monitoring', 'monitoring')).toBe('update')
    expect(stageForUpdate('investigating', 'resolved')).toBe('update')
  })

  it('sends the all-clear on resolving and announces the postmortem', () => {
    expect(stageForUpdate('resolved', 'monitoring')).toBe('all_clear')
    expect(stageForUpdate('postmortem_published', 'resolved')).toBe('postmortem')
  })

  it('sends nothing to customers while private or once closed', () => {
    for (const status of ['triage', 'declared', 'stood_down', 'closed', 'nonsense'])
      expect(stageForUpdate(status, null)).toBeNull()
  })
})
