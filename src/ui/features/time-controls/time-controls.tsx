/** Pause / Play, the speed (x1 x5 x20 x100) and the simulated clock. */

import type { Speed } from '../../../protocol/messages'
import { pause, play, setSpeed } from '../../connection/connection'
import { useT } from '../../i18n'
import { useNow, usePaused, useSpeed } from '../../state/clock-store'
import { formatClock } from './format-clock'

const SPEEDS: readonly Speed[] = [1, 5, 20, 100]

export function TimeControls() {
  const t = useT()
  const now = useNow()
  const speed = useSpeed()
  const paused = usePaused()
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      <button type="button" aria-label="Pause" title={t('time.pause')} disabled={paused} onClick={pause}>
        <span aria-hidden="true">❚❚</span> <span className="label">{t('time.pause')}</span>
      </button>
      <button type="button" aria-label="Play" title={t('time.play')} disabled={!paused} onClick={play}>
        <span aria-hidden="true">▶</span> <span className="label">{t('time.play')}</span>
      </button>
      <label className="speed">
        <span>{t('time.speed')}</span>
        <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{`x${s}`}</option>
          ))}
        </select>
      </label>
      <span className="clock" title={t('time.clock')}>
        <time role="timer" aria-label="Simulated clock" dateTime={new Date(now).toISOString()}>
          {formatClock(now)}
        </time>
        {paused && <span className="paused-badge">{t('time.paused')}</span>}
      </span>
    </div>
  )
}
