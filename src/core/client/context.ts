/** What every control-plane component is given: the API, shared informers, time and chance. */

import type { APIServer } from '../apiserver/server'
import type { Clock } from '../sim/clock'
import type { Random } from '../sim/random'
import { EventRecorder, type EventSource } from './events'
import type { InformerFactory } from './informer'

export interface ComponentContext {
  api: APIServer
  informers: InformerFactory
  clock: Clock
  random: Random
  recorder(source: EventSource): EventRecorder
}

export function makeRecorderFactory(api: APIServer): (source: EventSource) => EventRecorder {
  return (source) => new EventRecorder(api, source)
}
