/** PodTopologySpread: DoNotSchedule constraints filter, ScheduleAnyway ones (and the system defaults) score. */
export { NAME, ERR_REASON_CONSTRAINTS_NOT_MATCH, podTopologySpreadFilter } from './filtering'
export { podTopologySpreadScore } from './scoring'
