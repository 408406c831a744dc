/**
 * `npm run bench`: prints one JSON line of figures. Each figure is the median of several runs
 * (fewer for the big shapes, which take seconds each), with the runs listed beside it.
 */

import { benchDeployment } from './deployment'
import { benchScheduling } from './scheduling'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const runs = (n: number, f: () => number) => Array.from({ length: n }, f)
const quick = process.argv.includes('--quick')

const small = runs(quick ? 1 : 5, () => benchScheduling(500, 1000).podsPerSecond)
const large = runs(quick ? 1 : 3, () => benchScheduling(5000, 10000).podsPerSecond)
const deploy = runs(quick ? 1 : 3, () => benchDeployment(1000, 20).wallMs)

console.log(
  JSON.stringify({
    scheduling_500n_1000p_pods_per_s: median(small),
    scheduling_500n_1000p_runs: small,
    scheduling_5000n_10000p_pods_per_s: median(large),
    scheduling_5000n_10000p_runs: large,
    deployment_1000_replicas_converge_wall_ms: median(deploy),
    deployment_1000_replicas_runs: deploy,
  }),
)
