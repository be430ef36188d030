import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { mapImportRows } from './subscriber-import.js'

const locales = ['en', 'de', 'zh-Hans']
const map = (csv: string) => mapImportRows(parseCsv(csv).rows, locales)

describe('subscriber import', () => {
  it('reads an email list exported from another tool', () => {
    const { subscribers, problems } = map(
      'Email,Language,Components,Confirmed\nAlice@Example.COM,de,API;Web,yes\nbob@example.com,,,\n',
    )
    expect(problems).toEqual([])
    expect(subscribers).toEqual([
      {
        line: 2,
        channel: 'email',
        address: 'Alice@example.com',
        locale: 'de',
        components: ['API', 'Web'],
        isConfirmed: true,
        keptState: null,
      },
      {
        line: 3,
        channel: 'email',
        address: 'bob@example.com',
        locale: null,
        components: [],
        isConfirmed: false,
        keptState: null,
      },
    ])
  })

  it('reads webhook and Slack rows by channel and address', () => {
    const { subscribers } = map(
      'channel,address\nwebhook,https://hooks.example/x\nslack,https://hooks.slack.com/services/T/B/C\n',
    )
    expect(subscribers.map((s) => s.channel)).toEqual(['webhook', 'slack'])
  })

  it('reports each bad line with its number and keeps the good ones', () => {
    const { subscribers, problems } = map('email,locale\nnot-an-email,en\nok@example.com,xx\ngood@example.com,en\n')
    expect(subscribers.map((s) => s.address)).toEqual(['good@example.com'])
    expect(problems).toEqual([
      { line: 2, message: '"not-an-email" is not an email address' },
      { line: 3, message: 'unsupported locale "xx"' },
    ])
  })

  it('keeps unsubscribed and disabled rows of an export as they were', () => {
    const { subscribers } = map(
      'channel,address,confirmed,state\nemail,a@example.com,false,unsubscribed\nemail,b@example.com,true,active\n',
    )
    expect(subscribers.map((s) => s.keptState)).toEqual(['unsubscribed', null])
  })

  it('refuses a file without an address column', () => {
    expect(map('name\nAlice\n').problems).toEqual([
      { line: 1, message: 'the header needs an "email" or an "address" column' },
    ])
  })

  it('refuses a webhook row without an http(s) URL and an unknown channel', () => {
    expect(map('channel,address\nwebhook,ftp://x\nsms,+4912345\n').problems.map((p) => p.line)).toEqual([2, 3])
  })
})
