// A session's start as the screens write it. The start is the wall-clock of the zone it was
// planned in; when this laptop's clock reads it differently (the core says so), the zone's place
// is named beside it, so "10:00" planned in Tokyo does not pass for ten o'clock at home.
import type { SessionTime } from '../lib/bindings';

export function startText(time: Pick<SessionTime, 'start_time' | 'planned_elsewhere'>): string {
  const zone = time.planned_elsewhere;
  if (!zone) return time.start_time;
  const place = (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
  return `${time.start_time} ${place} time`;
}
