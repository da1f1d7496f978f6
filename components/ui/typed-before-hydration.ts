'use client';

// Text typed into a server-drawn textarea before React hydrates it would be lost: React 19 sets a
// textarea's value back to the server's text when it hydrates it (inputs keep what was typed; textareas
// do not). On a slow phone an editor can open a story and start typing in the body well before that.
// During the hydrating render, before React touches the element, this reads what the element holds.
import { useState } from 'react';

/** What the server-drawn textarea `id` holds now, if the reader typed into it before hydration; else `server`. */
export function typedBeforeHydration(id: string, server: string): string {
  if (typeof document === 'undefined') return server;
  const element = document.getElementById(id);
  if (!(element instanceof HTMLTextAreaElement)) return server;
  // An element React already owns (a page being replaced by a client navigation) is not the one
  // being hydrated; nor is one drawn with other text. The HTML parser turned the server's line breaks
  // into \n, and a body saved from a browser's form has \r\n.
  if (Object.keys(element).some((key) => key.startsWith('__react'))) return server;
  if (element.defaultValue !== server.replace(/\r\n?/g, '\n')) return server;
  return element.value;
}

/** The text a textarea starts with: `server`, or what was typed into it before hydration (read once, at mount). */
export function useTypedBeforeHydration(id: string, server: string): string {
  const [text] = useState(() => typedBeforeHydration(id, server));
  return text;
}
