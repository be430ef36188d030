// A counting sink in its own process (so its CPU is not the server's), reporting over IPC.
// SMTP: a minimal responder that speaks just enough SMTP to accept mail, so the benchmark
// measures Candor's sending rather than a full SMTP server's parsing. HTTP: node:http.
// Messages are counted per class: a subscriber's ('sub': RCPT TO …@example.com, POST /hook/…)
// or any other kind's ('other'); `targets` is JSON such as {"sub":100000,"other":5000}.
import { createServer } from 'node:http'
import { createServer as createTcpServer } from 'node:net'

const [mode, targetsArg] = process.argv.slice(2)
const targets = JSON.parse(targetsArg)
const counts = Object.fromEntries(Object.keys(targets).map((k) => [k, 0]))
const doneAt = {}
const firstAt = {}
let remaining = Object.values(targets).filter((n) => n > 0).length
const seen = (cls) => {
  counts[cls] = (counts[cls] ?? 0) + 1
  if (counts[cls] === 1) firstAt[cls] = Date.now()
  if (counts[cls] === targets[cls]) {
    doneAt[cls] = Date.now()
    if (--remaining === 0) process.send({ type: 'done', doneAt, firstAt, counts })
  }
}

const end = Buffer.from('\r\n.\r\n')

function smtpSession(socket) {
  let buffer = Buffer.alloc(0)
  let inData = false
  let cls = 'other'
  socket.setNoDelay(true)
  socket.write('220 sink ESMTP\r\n')
  // Replies to one read go out in one write, as a real MTA answers a PIPELINING group
  // (RFC 2920): one reply per command would cost the client a wake-up per line.
  let replies = ''
  const reply = (line) => (replies += line)
  socket.on('data', (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk
    parse()
    if (replies) socket.write(replies)
    replies = ''
  })
  function parse() {
    for (;;) {
      if (inData) {
        const at = buffer.indexOf(end)
        if (at === -1) {
          // keep only what could still hold the start of the terminator
          if (buffer.length > 8) buffer = buffer.subarray(buffer.length - 4)
          return
        }
        buffer = buffer.subarray(at + end.length)
        inData = false
        seen(cls)
        reply('250 2.0.0 queued\r\n')
        continue
      }
      const eol = buffer.indexOf('\r\n')
      if (eol === -1) return
      const line = buffer.subarray(0, eol).toString('latin1').toUpperCase()
      buffer = buffer.subarray(eol + 2)
      if (line.startsWith('EHLO')) reply('250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n')
      else if (line.startsWith('RCPT')) {
        cls = line.includes('@EXAMPLE.COM>') ? 'sub' : 'other'
        reply('250 OK\r\n')
      } else if (line.startsWith('DATA')) {
        inData = true
        // The terminator may start right after DATA's own line break.
        buffer = Buffer.concat([Buffer.from('\r\n'), buffer])
        reply('354 go ahead\r\n')
      } else if (line.startsWith('QUIT')) {
        socket.end(`${replies}221 bye\r\n`)
        replies = ''
        return
      } else reply('250 OK\r\n')
    }
  }
  socket.on('error', () => {})
}

if (mode === 'smtp') {
  const server = createTcpServer(smtpSession)
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }))
} else {
  const server = createServer((req, res) => {
    const cls = req.url.startsWith('/hook/') ? 'sub' : 'other'
    req.on('data', () => {})
    req.on('end', () => {
      seen(cls)
      res.writeHead(204).end()
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }))
}
// The run that started this sink is gone (it failed or timed out): nothing left to count for.
process.on('disconnect', () => process.exit(0))
process.on('message', (m) => {
  if (m === 'count') process.send({ type: 'count', counts })
  if (m === 'exit') process.exit(0)
})
