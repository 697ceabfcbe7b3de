import { useEffect, useState } from 'preact/hooks';
import { getCourseStore, type CourseStore, type StoreSnapshot } from '../tracking/courseStore.ts';

/** The page's course store and its latest snapshot (undefined until connected). */
export function useCourseStore(): { store?: CourseStore; snapshot?: StoreSnapshot } {
  const [state, setState] = useState<{ store?: CourseStore; snapshot?: StoreSnapshot }>({});
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    getCourseStore().then((store) => {
      if (!live) return;
      setState({ store, snapshot: store.get() });
      unsubscribe = store.subscribe((snapshot) => setState({ store, snapshot }));
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);
  return state;
}
