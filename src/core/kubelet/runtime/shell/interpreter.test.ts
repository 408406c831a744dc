import { describe, expect, it } from 'vitest'
import { Clock } from '../../../sim/clock'
import { ContainerFS, newVolume } from '../fs/filesystem'
import { Process } from '../process'
import { Shell } from './interpreter'
import type { ShellFlavour } from './types'

function run(script: string, opts: { flavour?: ShellFlavour; env?: Record<string, string>; ms?: number } = {}) {
  const clock = new Clock(Date.UTC(2025, 0, 1))
  const fs = new ContainerFS(newVolume({ 'etc/hostname': 'box\n' }), [], () => clock.now())
  const sh = new Shell({ fs, now: () => clock.now(), hostname: 'box', flavour: opts.flavour ?? 'busybox', external: () => undefined }, opts.env ?? { HOME: '/root' })
  let out = ''
  let err = ''
  let code: number | undefined
  const p = new Process(sh.runScript(script, { out: (t) => (out += t), err: (t) => (err += t) }), clock, () => () => {}, (c) => (code = c))
  p.start()
  clock.advance(opts.ms ?? 0)
  return { out, err, code, fs, p }
}

describe('simulated shell', () => {
  it('expands variables, arithmetic and command substitution', () => {
    expect(run('i=0; i=$((i+1)); x="a  b"; echo $i ${x} "$x" $(echo sub) `echo bq` ${u:-def}').out).toBe('1 a b a  b sub bq def\n')
  })

  it('runs if, while, until and for with && and ||', () => {
    const r = run('for w in a b c; do if [ "$w" = b ]; then echo is-b; elif test $w = c; then echo is-c; else echo other; fi; done; n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; until false; do break_=1; echo $n; exit 4; done')
    expect(r.out).toBe('other\nis-b\nis-c\n3\n')
    expect(r.code).toBe(4)
    expect(run('false && echo no || echo yes; true || echo no; ! false && echo neg').out).toBe('yes\nneg\n')
  })

  it('sleeps on the simulated clock and prints busybox dates', () => {
    const r = run('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', { ms: 2500 })
    expect(r.out).toBe('0: Wed Jan  1 00:00:00 UTC 2025\n1: Wed Jan  1 00:00:01 UTC 2025\n2: Wed Jan  1 00:00:02 UTC 2025\n')
    expect(r.code).toBeUndefined()
  })

  it('redirects into files and reads them back', () => {
    const r = run('mkdir -p /data; echo one > /data/f; echo two >> /data/f; cat /data/f; ls /data; cat /nope; echo "st=$?"; printf "%s-%03d\\n" x 7 y 8')
    expect(r.out).toBe('one\ntwo\nf\nst=1\nx-007\ny-008\n')
    expect(r.err).toBe("cat: can't open '/nope': No such file or directory\n")
  })

  it('words errors like the image shell', () => {
    expect(run('nosuch').err).toBe('sh: nosuch: not found\n')
    expect(run('nosuch', { flavour: 'dash' }).err).toBe('sh: 1: nosuch: not found\n')
    expect(run('nosuch').code).toBe(127)
    expect(run('if true; then echo').err).toContain('syntax error')
  })

  it('feeds here-documents, expanded unless the delimiter is quoted', () => {
    const r = run("name=web\ncat <<EOF > /a\nhello $name\n  $((1+2))\nEOF\ncat /a\ncat <<'X'\nraw $name\nX\ncat <<-E\n\tstripped\n\tE\necho after")
    expect(r.out).toBe('hello web\n  3\nraw $name\nstripped\nafter\n')
  })

  it('passes sh -c arguments, counts lengths, pipes and tests files', () => {
    const r = run(`sh -c 'echo "$0|$1|$#|$@"' me a b; x=hello; echo \${#x} "\${y:=set}" $y; echo one two | wc -w; printf 'b\\na\\n' | grep a; touch /f; [ -f /f ] && echo file; [ -d / ] && echo dir; test 3 -gt 2 -a 1 -lt 2 && echo math`)
    expect(r.out).toBe('me|a|2|a b\n5 set set\n2\na\nfile\ndir\nmath\n')
  })

  it('keeps a loop without sleep from stalling the clock', () => {
    const r = run('n=0; while true; do n=$((n+1)); done', { ms: 1000 })
    expect(r.code).toBeUndefined()
    expect(r.err).toBe('')
  })

  it('reads input a line at a time', () => {
    const r = run("printf 'a 1\\nb 2 3\\n' > /in; while read k v; do echo \"$k=$v\"; done < /in; echo x y | { read a b; echo $b$a; }")
    expect(r.out).toBe('a=1\nb=2 3\nyx\n')
  })

  it('runs background jobs beside the shell and waits for them', () => {
    const early = run('(sleep 2; echo job) & echo started; wait; echo done', { ms: 1000 })
    expect(early.out).toBe('started\n')
    const late = run('(sleep 2; echo job) & echo started; wait; echo done', { ms: 2000 })
    expect(late.out).toBe('started\njob\ndone\n')
    expect(late.code).toBe(0)
  })

  it('has the text utilities scripts use, and exec ends the script with the command', () => {
    const r = run("for i in $(seq 3); do printf '%s ' $i; done; echo; expr 6 \\* 7; basename /a/b.txt .txt; dirname /a/b.txt; printf 'b\\na\\nb\\n' | sort | uniq -c; echo a:b:c | cut -d: -f2,3; echo hello | tr a-z A-Z; exec sh -c 'exit 5'; echo never")
    expect(r.out).toBe('1 2 3 \n42\nb\n/a\n      1 a\n      2 b\nb:c\nHELLO\n')
    expect(r.code).toBe(5)
  })

  it('runs case statements and shell functions', () => {
    const r = run(`greet() { echo "hi $1"; return 3; }
for f in app.log data.txt x; do
  case "$f" in
    *.log) echo "$f: log" ;;
    data.*|other) echo "$f: data" ;;
    *) echo "$f: other"
  esac
done
greet you; echo "status $?"`)
    expect(r.out).toBe('app.log: log\ndata.txt: data\nx: other\nhi you\nstatus 3\n')
  })

  it('refuses runaway recursion instead of exhausting the engine', () => {
    const r = run('f() { f; }; f; echo after $?')
    expect(r.err).toBe('sh: f: function nesting too deep\n')
    expect(r.out).toBe('after 2\n')
  })
})
