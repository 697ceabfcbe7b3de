/**
 * Starts the active-time clock on a lesson page (see src/tracking/activeTracking.ts). An island
 * that draws nothing visible, hydrated by client:visible with a margin so wide that it counts as
 * on screen wherever the page opens (it watches the empty span), so the clock's code is not part
 * of what the page waits for and never delays the first dialogue.
 */
import { useEffect } from 'preact/hooks';
import { trackActiveTime } from '../tracking/activeTracking.ts';
import { useCourseStore } from './useCourseStore.ts';

export default function ActiveTime({ lessonId }: { lessonId: string }) {
  const { store } = useCourseStore();
  useEffect(() => {
    if (store) return trackActiveTime(window, store, lessonId);
    return undefined;
  }, [store]);
  return <span class="bs-clock" />;
}
