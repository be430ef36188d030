import { describe, expect, it } from 'vitest'
import { definedColumns } from './defined-columns.js'

describe('definedColumns', () => {
  it('keeps the named fields that are given, under snake_case columns, and null as a value', () => {
    const input = { name: 'API', onlyShowIfDegraded: false, startDate: null, groupId: undefined, notAColumn: 'x' }
    expect(definedColumns(input, ['name', 'onlyShowIfDegraded', 'startDate', 'groupId'])).toEqual({
      name: 'API',
      only_show_if_degraded: false,
      start_date: null,
    })
  })
})
