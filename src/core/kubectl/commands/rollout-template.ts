/**
 * The pod template block that `rollout history --revision=N` and `rollout undo --dry-run`
 * print (history.go printTemplate): describe's DescribePodTemplate written through a bare
 * PrefixWriter with no tabwriter behind it, so the tabs reach the terminal as they are.
 */

import { describePodTemplate as describeTemplate } from '../describe/containers'

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
  spec?: Record<string, unknown>
}

export function describePodTemplate(t: PodTemplate): string {
  let out = ''
  describeTemplate(t, {
    write: (level, text) => (out += '  '.repeat(level) + text),
    writeLine: (text) => (out += `${text}\n`),
  })
  return out
}
