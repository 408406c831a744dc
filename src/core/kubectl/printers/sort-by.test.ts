import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'

describe('kubectl get --sort-by', () => {
  it('orders by name, by creation time, events by last timestamp, and names a missing field', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.kubectl('create deployment b --image=nginx')
    c.advance('20s')
    c.kubectl('create deployment a --image=nginx')
    c.advance('20s')
    const byName = c.kubectl('get deploy --no-headers --sort-by=.metadata.name').stdout.split('\n').map((l) => l.split(' ')[0])
    expect(byName.slice(0, 2)).toEqual(['a', 'b'])
    const byAge = c.kubectl('get deploy --no-headers --sort-by={.metadata.creationTimestamp}').stdout.split('\n').map((l) => l.split(' ')[0])
    expect(byAge.slice(0, 2)).toEqual(['b', 'a'])
    const events = c.kubectl('get events --sort-by=.lastTimestamp --no-headers').stdout.trim().split('\n')
    // The last second's events (pulled, created, started) come last, in the order Go's
    // unstable sort.Sort leaves equal timestamps, as kubectl 1.31 prints them.
    expect(events.slice(-3).map((l) => l.split(/ +/)[2])).toEqual(['Started', 'Created', 'Pulled'])
    expect(c.kubectl('get pods --sort-by=.spec.nope')).toEqual({ stdout: '', stderr: 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n', exitCode: 1 })
  })
})
