import type { RefIndex } from './labels.ts';

/** "Sources: [1] Kelly and Westerhoff 2010; [4] NICE 2011", each linking to the lesson's list. */
export function Sources({ ids, refs }: { ids: string[]; refs: RefIndex }) {
  return (
    <p class="bs-sources">
      <strong>{ids.length > 1 ? 'Sources' : 'Source'}: </strong>
      {ids.map((id, i) => {
        const ref = refs[id];
        return (
          <span key={id}>
            {i > 0 && '; '}
            <a href={`#ref-${id}`}>
              [{ref?.n ?? '?'}] {ref?.short ?? id}
            </a>
          </span>
        );
      })}
    </p>
  );
}
