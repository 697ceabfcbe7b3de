import { useEffect, useState } from 'preact/hooks';
import type { CourseStore } from '../tracking/courseStore.ts';
import { sharingFor, type Sharing, type SharingState } from '../tracking/sharing.ts';

/** The page's reflection-sharing controller and its latest state, once the store is open. */
export function useSharing(store: CourseStore | undefined): { sharing?: Sharing; state?: SharingState } {
  const [state, setState] = useState<SharingState>();
  useEffect(() => {
    if (!store) return undefined;
    const sharing = sharingFor(store);
    setState(sharing.get());
    return sharing.subscribe(setState);
  }, [store]);
  return { sharing: store ? sharingFor(store) : undefined, state };
}
