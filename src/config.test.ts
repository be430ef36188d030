import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const noFile = '/nonexistent-dir'

describe('loadConfig', () => {
  it('works with nothing set: port 3000, ./data, embedded database', () => {
    const config = loadConfig({}, noFile)
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      logLevel: 'info',
      baseUrl: 'http://localhost:3000',
      dataDir: '/nonexistent-dir/data',
    })
    expect(config.databaseUrl).toBeUndefined()
  })

  it('reports every bad value at once, naming the variable', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', BASE_URL: 'not a url' }, noFile)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems
      expect(problems).toHaveLength(4)
      expect(problems.join('\n')).toMatch(/PORT: must be a number/)
      expect(problems.join('\n')).toMatch(/LOG_LEVEL: must be one of/)
      expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a postgres/)
      expect(problems.join('\n')).toMatch(/BASE_URL: must be an absolute/)
    }
  })

  it('takes the first owner from CANDOR_ADMIN_EMAIL / CANDOR_ADMIN_PASSWORD, under the password policy', () => {
    const config = loadConfig(
      { CANDOR_ADMIN_EMAIL: 'lead@example.com', CANDOR_ADMIN_PASSWORD: 'a long enough passphrase' },
      noFile,
    )
    expect(config).toMatchObject({ adminEmail: 'lead@example.com', adminPassword: 'a long enough passphrase' })
    expect(() =>
      loadConfig({ CANDOR_ADMIN_EMAIL: 'lead@example.com', CANDOR_ADMIN_PASSWORD: 'short' }, noFile),
    ).toThrow(/CANDOR_ADMIN_PASSWORD: must be at least 12 characters/)
    expect(() =>
      loadConfig({ CANDOR_ADMIN_EMAIL: 'lead@example.com', CANDOR_ADMIN_PASSWORD: 'lead@example.com' }, noFile),
    ).toThrow(/CANDOR_ADMIN_PASSWORD: must not be your email address/)
    expect(() => loadConfig({ CANDOR_ADMIN_PASSWORD: 'a long enough passphrase' }, noFile)).toThrow(
      /CANDOR_ADMIN_PASSWORD: needs CANDOR_ADMIN_EMAIL/,
    )
    expect(() => loadConfig({ CANDOR_ADMIN_EMAIL: 'not-an-address' }, noFile)).toThrow(
      /CANDOR_ADMIN_EMAIL: must be an email address/,
    )
  })

  it('reads TRUST_PROXY as true/false, a hop count or a list of ranges', () => {
    expect(loadConfig({}, noFile).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }, noFile).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '2' }, noFile).trustProxy).toBe(2)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, noFile).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(() => loadConfig({ TRUST_PROXY: 'my proxy' }, noFile)).toThrow(
      /TRUST_PROXY: must be IP addresses or CIDR ranges/,
    )
  })

  it('rejects an out-of-range port', () => {
    expect(() => loadConfig({ PORT: '70000' }, noFile)).toThrow(/PORT: must be between 0 and 65535/)
  })

  it('reads candor.config.json, lets the environment win, and refuses unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-config-'))
    writeFileSync(join(dir, 'candor.config.json'), JSON.stringify({ port: 4000, logLevel: 'debug' }))
    expect(loadConfig({ PORT: '4100' }, dir)).toMatchObject({ port: 4100, logLevel: 'debug' })
    writeFileSync(join(dir, 'candor.config.json'), JSON.stringify({ port: 4000, colour: 'blue' }))
    expect(() => loadConfig({}, dir)).toThrow(/unknown setting\(s\) colour/)
    writeFileSync(join(dir, 'candor.config.json'), '{ not json')
    expect(() => loadConfig({}, dir)).toThrow(/not valid JSON/)
  })

  it('takes delivery tuning from the file and the common cases from the environment, naming a bad nested value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-config-'))
    writeFileSync(
      join(dir, 'candor.config.json'),
      JSON.stringify({ delivery: { rateLimits: { webhook: { ratePerSecond: 50, burst: 10 } } } }),
    )
    expect(loadConfig({ MAIL_FROM: 'status@acme.example', SMTP_RATE_PER_SECOND: '20' }, dir)).toMatchObject({
      mailFrom: 'status@acme.example',
      smtpRatePerSecond: 20,
      delivery: { rateLimits: { webhook: { ratePerSecond: 50, burst: 10 } } },
    })
    writeFileSync(
      join(dir, 'candor.config.json'),
      JSON.stringify({ delivery: { rateLimits: { email: { ratePerSecond: -1, burst: 1 } } } }),
    )
    expect(() => loadConfig({}, dir)).toThrow(/delivery\.rateLimits\.email\.ratePerSecond in .*candor\.config\.json/)
    expect(() => loadConfig({ MAIL_FROM: 'not an address' }, noFile)).toThrow(/MAIL_FROM: must be an email address/)
  })
})
