import { useEffect, useState } from 'preact/hooks';
import { getCourseStore, type CourseStore, type StoreSnapshot } from '../tracking/courseStore.ts';

/**
 * The page's course store and its latest snapshot (undefined until connected). `failed` is set
 * if it could not connect at all, so an island can still let the learner carry on, and say so.
 */
export function useCourseStore(): { store?: CourseStore; snapshot?: StoreSnapshot; failed?: boolean } {
  const [state, setState] = useState<{ store?: CourseStore; snapshot?: StoreSnapshot; failed?: boolean }>({});
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    getCourseStore().then((store) => {
      if (!live) return;
      setState({ store, snapshot: store.get() });
      unsubscribe = store.subscribe((snapshot) => setState({ store, snapshot }));
    }).catch((error: unknown) => {
      console.error('Beyond Stigma could not open its progress store', error);
      if (live) setState({ failed: true });
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);
  return state;
}
