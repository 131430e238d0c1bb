import { useState } from "react";

/** Puts focus back on the button that opened the popover holding the focused element. */
function focusTriggerOfActivePopover(): void {
  const popover = document.activeElement?.closest?.("[popover]");
  if (!popover?.id) return;
  const trigger = document.querySelector<HTMLElement>(
    `[popovertarget="${CSS.escape(popover.id)}"]`,
  );
  trigger?.focus();
}

/**
 * Controlled open state for a Designsystemet Dropdown, so choosing an item can close it
 * (the Dropdown itself closes only on outside clicks, the trigger and Escape). Closing after a
 * choice returns focus to the trigger, so keyboard users do not end up on <body>.
 */
export function useDropdown() {
  const [open, setOpen] = useState(false);
  return {
    close: () => {
      focusTriggerOfActivePopover();
      setOpen(false);
    },
    props: { open, onOpen: () => setOpen(true), onClose: () => setOpen(false) },
  };
}
