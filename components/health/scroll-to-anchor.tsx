'use client';

import { useEffect } from 'react';

/** Scrolls the element with this id into view once the page has drawn (the target of an `alert=` link). */
export function ScrollToAnchor({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.scrollIntoView({ block: 'center' });
  }, [id]);
  return null;
}
