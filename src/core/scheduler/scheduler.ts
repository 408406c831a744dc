/**
 * kube-scheduler: watches pods without a node and the nodes, runs a cycle per pod from the
 * queue, binds through the API (pods/binding) and reports with upstream's events. Each
 * decision is kept, so the UI can answer "why this node?".
 */

import type { KubeObject } from '../api/types'
import { clone, keyOf } from '../api/types'
import type { ComponentContext } from '../client/context'
import type { EventRecorder } from '../client/events'
import { rfc3339 } from '../machinery/time'
import { addPod, newNodeInfo, removePod } from './framework/node-info'
import type { NodeInfo, SchedulerListers } from './framework/types'
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins/registry'
import { podPriority, preempt, type PreemptionOutcome } from './preemption/default-preemption'
import { Nominator } from './queue/nominator'
import { SchedulingQueue, type Entry } from './queue/scheduling-queue'
import { scheduleOne, type Decision } from './schedule-one'
import { VolumeBindWaiter } from './volume-bind-waiter'

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
/** Decisions kept for the UI's "why here?" (most recent per pod, bounded). */
const MAX_DECISIONS = 500

function isAssigned(p: KubeObject): boolean {
  return !!(p.spec as { nodeName?: string }).nodeName
}

function isTerminal(p: KubeObject): boolean {
  const phase = (p.status as { phase?: string } | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

function wantsThisScheduler(p: KubeObject): boolean {
  return ((p.spec as { schedulerName?: string }).schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME
}

export class Scheduler {
  private readonly queue: SchedulingQueue
  private readonly nodeInfos = new Map<string, NodeInfo>()
  private nodeOrder: NodeInfo[] = []
  private nextStartIndex = 0
  private scheduled = false
  private readonly decisions = new Map<string, Decision>()
  private readonly recorder: EventRecorder
  private readonly preemptRecorder: EventRecorder
  private readonly listers: SchedulerListers
  private readonly nominator = new Nominator()
  private readonly volumeBinds: VolumeBindWaiter

  constructor(private readonly ctx: ComponentContext) {
    this.recorder = ctx.recorder({ component: DEFAULT_SCHEDULER_NAME, newStyle: true, action: 'Scheduling' })
    this.preemptRecorder = ctx.recorder({ component: DEFAULT_SCHEDULER_NAME, newStyle: true, action: 'Preempting' })
    this.queue = new SchedulingQueue(ctx.clock, () => this.kick())
    const groups = { services: '', replicationcontrollers: '', replicasets: 'apps', statefulsets: 'apps' } as const
    this.listers = {
      list: (resource, namespace) => ctx.informers.for(groups[resource], resource).list(namespace),
      namespaceLabels: (ns) => ctx.informers.for('', 'namespaces').get(undefined, ns)?.metadata.labels,
      claim: (ns, name) => ctx.informers.for('', 'persistentvolumeclaims').get(ns, name),
      volumes: () => ctx.informers.for('', 'persistentvolumes').list(),
      storageClass: (name) => ctx.informers.for('storage.k8s.io', 'storageclasses').get(undefined, name),
      podDisruptionBudgets: () => ctx.informers.for('policy', 'poddisruptionbudgets').list(),
    }
    this.volumeBinds = new VolumeBindWaiter(ctx, this.listers, (pod, node, e) => this.bindPod(pod, node, e))
    // PVC and PV events may let a pod through VolumeBinding, or finish a waiting PreBind.
    const volumeEvent = () => {
      this.volumeBinds.finish()
      this.queue.moveAllToActiveOrBackoff()
    }
    for (const r of ['persistentvolumeclaims', 'persistentvolumes']) ctx.informers.for('', r).addEventHandler({ add: volumeEvent, update: volumeEvent })
    ctx.informers.nodes().addEventHandler({
      add: (n) => this.upsertNode(n),
      update: (_o, n) => this.upsertNode(n),
      delete: (n) => this.removeNode(n),
    })
    ctx.informers.pods().addEventHandler({
      add: (p) => this.onPod(undefined, p),
      update: (o, n) => this.onPod(o, n),
      delete: (p) => this.onPodDelete(p),
    })
  }

  /** The last decision for a pod ("default/web-..."). */
  decision(podKey: string): Decision | undefined {
    return this.decisions.get(podKey)
  }

  queueCounts(): { active: number; backoff: number; unschedulable: number } {
    return this.queue.pendingCounts()
  }

  private upsertNode(n: KubeObject): void {
    const name = n.metadata.name!
    const existing = this.nodeInfos.get(name)
    const info = newNodeInfo(n)
    if (existing) {
      for (const p of existing.pods) addPod(info, p)
      this.nodeOrder[this.nodeOrder.indexOf(existing)] = info
    } else {
      this.nodeOrder.push(info)
    }
    this.nodeInfos.set(name, info)
    this.queue.moveAllToActiveOrBackoff()
  }

  private removeNode(n: KubeObject): void {
    const info = this.nodeInfos.get(n.metadata.name!)
    if (!info) return
    this.nodeInfos.delete(n.metadata.name!)
    this.nodeOrder = this.nodeOrder.filter((x) => x !== info)
  }

  private onPod(old: KubeObject | undefined, p: KubeObject): void {
    const key = keyOf(p)
    this.nominator.update(p)
    if (isAssigned(p)) {
      this.queue.delete(key)
      const node = this.nodeInfos.get((p.spec as { nodeName: string }).nodeName)
      if (old && isAssigned(old)) {
        const oldNode = this.nodeInfos.get((old.spec as { nodeName: string }).nodeName)
        if (oldNode) removePod(oldNode, old)
      }
      if (node && !isTerminal(p)) addPod(node, p)
      // AssignedPodAdd: a new neighbour may satisfy pod affinity or spread constraints.
      if (node && (!old || !isAssigned(old))) this.queue.moveAllToActiveOrBackoff()
      if (isTerminal(p) && old && !isTerminal(old)) this.queue.moveAllToActiveOrBackoff()
      return
    }
    if (!wantsThisScheduler(p) || p.metadata.deletionTimestamp) return
    if (old) this.queue.update(key, p)
    else this.queue.add(key, p)
  }

  private onPodDelete(p: KubeObject): void {
    this.queue.delete(keyOf(p))
    this.nominator.delete(keyOf(p))
    if (isAssigned(p)) {
      const node = this.nodeInfos.get((p.spec as { nodeName: string }).nodeName)
      if (node) removePod(node, p)
      this.queue.moveAllToActiveOrBackoff()
    }
  }

  private kick(): void {
    if (this.scheduled) return
    this.scheduled = true
    this.ctx.clock.after(0, () => {
      this.scheduled = false
      this.drain()
    })
  }

  private drain(): void {
    for (let e = this.queue.pop(); e; e = this.queue.pop()) {
      const pod = this.ctx.informers.pods().getByKey(e.key)
      if (!pod || isAssigned(pod) || pod.metadata.deletionTimestamp || this.volumeBinds.has(e.key)) {
        this.queue.done(e.key)
        continue
      }
      const result = scheduleOne(pod, this.nodeOrder, this.nextStartIndex, FILTER_PLUGINS, SCORE_PLUGINS, this.ctx.random, this.ctx.clock.now(), this.listers, this.nominator)
      this.nextStartIndex = result.nextStartIndex
      const decision = result.decision
      this.remember(e.key, decision)
      const selected = decision.selected
      if (!selected) {
        let nominated: string | null | undefined
        if (this.nodeOrder.length === 0) decision.message = 'no nodes available to schedule pods'
        else {
          // PostFilter: DefaultPreemption, whose message completes the FitError's.
          const outcome = preempt(pod, this.nodeOrder, decision.nodes, FILTER_PLUGINS, { allNodes: this.nodeOrder, listers: this.listers })
          if (outcome.message) decision.message += ' ' + outcome.message
          if (outcome.node) {
            decision.preemption = { node: outcome.node, victims: outcome.victims.map(keyOf) }
            this.evictVictims(pod, outcome)
            nominated = outcome.node
          } else if (outcome.clearNominated) nominated = null
        }
        this.recorder.event(pod, 'Warning', 'FailedScheduling', decision.message!)
        this.setUnschedulableCondition(pod, decision.message!, nominated)
        this.queue.addUnschedulable(e)
        continue
      }
      // PreBind (VolumeBinding): the pod is bound once its claims are.
      this.queue.done(e.key)
      if (!this.volumeBinds.preBind(pod, this.nodeInfos.get(selected)!.node, e)) this.bindPod(pod, selected, e)
    }
  }

  private bindPod(pod: KubeObject, selected: string, e: Entry): void {
    try {
      this.ctx.api.bind(pod.metadata.namespace!, pod.metadata.name!, selected)
      this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${selected}`)
    } catch (err) {
      this.recorder.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${err instanceof Error ? err.message : String(err)}`)
      this.queue.addBackoff(e)
    }
  }

  /** prepareCandidate: mark each victim DisruptionTarget, delete it (graceful) and say why. */
  private evictVictims(preemptor: KubeObject, outcome: PreemptionOutcome): void {
    const pods = this.ctx.api.registry.forGroupResource('', 'pods')!
    for (const victim of outcome.victims) {
      const next = clone(victim)
      const status = (next.status ?? {}) as { conditions?: { type: string }[] }
      status.conditions = [
        ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
        {
          type: 'DisruptionTarget',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: rfc3339(this.ctx.clock.now()),
          reason: 'PreemptionByScheduler',
          message: `${DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
        } as { type: string },
      ]
      next.status = status
      try {
        this.ctx.api.update(pods, next, { subresource: 'status' })
        this.ctx.api.delete(pods, victim.metadata.namespace, victim.metadata.name!)
      } catch {
        // Already gone or changed: the next cycle looks again.
        continue
      }
      this.preemptRecorder.event(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${outcome.node}`)
    }
    // Lower-priority pods nominated to that node lose their claim (they may fit elsewhere).
    const prio = podPriority(preemptor)
    for (const p of [...(this.nominator.podsOn(outcome.node!) ?? [])]) {
      if (podPriority(p) >= prio || p.metadata.uid === preemptor.metadata.uid) continue
      const next = clone(p)
      delete (next.status as { nominatedNodeName?: string }).nominatedNodeName
      try {
        this.ctx.api.update(pods, next, { subresource: 'status' })
      } catch {
        // Changed meanwhile: its own next cycle sorts it out.
      }
    }
  }

  /** updatePod: the PodScheduled condition, and nominatedNodeName (null clears it). */
  private setUnschedulableCondition(pod: KubeObject, message: string, nominatedNodeName?: string | null): void {
    const next = clone(pod)
    const status = (next.status ?? {}) as {
      conditions?: { type: string; status: string; reason?: string; message?: string; lastProbeTime?: null; lastTransitionTime?: string }[]
      nominatedNodeName?: string
    }
    const existing = status.conditions?.find((c) => c.type === 'PodScheduled')
    const nominatedBefore = status.nominatedNodeName
    if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName
    else if (nominatedNodeName === null) delete status.nominatedNodeName
    if (status.nominatedNodeName === nominatedBefore && existing?.status === 'False' && existing.message === message) return
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
    status.conditions.push({
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : rfc3339(this.ctx.clock.now()),
      reason: 'Unschedulable',
      message,
    })
    next.status = status
    try {
      this.ctx.api.update(this.ctx.api.registry.forGroupResource('', 'pods')!, next, { subresource: 'status' })
    } catch {
      // The pod changed or went away; its next event brings it back.
    }
  }

  private remember(key: string, d: Decision): void {
    this.decisions.delete(key)
    this.decisions.set(key, d)
    if (this.decisions.size > MAX_DECISIONS) this.decisions.delete(this.decisions.keys().next().value!)
  }
}
