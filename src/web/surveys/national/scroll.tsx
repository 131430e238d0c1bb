// A table wrapper that scrolls sideways on narrow screens; focusable, so keyboard users can
// scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
