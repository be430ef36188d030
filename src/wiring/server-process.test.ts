import { describe, expect, it } from 'vitest'
import { serverCommandLine, serverProcessSettings, shouldLaunchServerProcess } from './server-process.js'

describe('shouldLaunchServerProcess', () => {
  const launches = (argv: string[], env: NodeJS.ProcessEnv = {}, execArgv: string[] = [], platform = 'linux') =>
    shouldLaunchServerProcess(argv, env, execArgv, platform as NodeJS.Platform)

  it('launches for `serve` (the default command) on Linux', () => {
    expect(launches(['serve'])).toBe(true)
    expect(launches([])).toBe(true)
  })

  it('runs every other command, and help, in the process started', () => {
    expect(launches(['migrate'])).toBe(false)
    expect(launches(['deliver'])).toBe(false)
    expect(launches(['serve', '--help'])).toBe(false)
    expect(launches(['help'])).toBe(false)
  })

  it('never launches from the server process itself, nor when asked not to', () => {
    expect(launches(['serve'], { CANDOR_SERVER_PROCESS: 'launched' })).toBe(false)
    expect(launches(['serve'], { CANDOR_SERVER_PROCESS: '1' })).toBe(false)
  })

  it('leaves a debugged process alone (two processes would claim the inspector port)', () => {
    expect(launches(['serve'], {}, ['--inspect'])).toBe(false)
    expect(launches(['serve'], {}, ['--inspect-brk=9230'])).toBe(false)
  })

  it('only on Linux, where the allocator setting applies and was measured', () => {
    expect(launches(['serve'], {}, [], 'darwin')).toBe(false)
    expect(launches(['serve'], {}, [], 'win32')).toBe(false)
  })
})

describe('serverCommandLine', () => {
  it('starts the same script and command with the settings, marked as the server', () => {
    const { args, env } = serverCommandLine('/app/dist/cli/main.js', ['serve'], { PATH: '/bin' }, [])
    expect(args).toEqual([...serverProcessSettings.nodeOptions, '/app/dist/cli/main.js', 'serve'])
    expect(env).toEqual({ PATH: '/bin', ...serverProcessSettings.env, CANDOR_SERVER_PROCESS: 'launched' })
  })

  it("keeps the caller's own Node options, after the settings so theirs win", () => {
    const { args } = serverCommandLine('/m.js', ['serve'], {}, ['--enable-source-maps'])
    expect(args).toEqual([...serverProcessSettings.nodeOptions, '--enable-source-maps', '/m.js', 'serve'])
  })

  it('leaves out a setting the caller chose, on the command line, in NODE_OPTIONS or in the environment', () => {
    const others = serverProcessSettings.nodeOptions.filter((option) => !option.startsWith('--v8-pool-size='))
    const fromArgv = serverCommandLine('/m.js', ['serve'], {}, ['--v8-pool-size=4'])
    expect(fromArgv.args).toEqual([...others, '--v8-pool-size=4', '/m.js', 'serve'])
    const fromNodeOptions = serverCommandLine('/m.js', ['serve'], { NODE_OPTIONS: '--v8-pool-size=2' }, [])
    expect(fromNodeOptions.args).toEqual([...others, '/m.js', 'serve'])
    const fromEnv = serverCommandLine('/m.js', ['serve'], { MALLOC_ARENA_MAX: '4' }, [])
    expect(fromEnv.env.MALLOC_ARENA_MAX).toBe('4')
  })
})
