/**
 * Session time in each version's format. 1.2 wants CMITimespan HHHH:MM:SS.SS with 2 to 4 hour
 * digits (NHS Learning Hub and Moodle reject anything else); 2004 wants an ISO 8601 duration.
 */
import type { ScormVersion } from './cmiPaths.ts';

export function formatSessionTime(ms: number, version: ScormVersion): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === '2004') {
    return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
  }
  if (hours > 9999) return '9999:59:59.99';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}
