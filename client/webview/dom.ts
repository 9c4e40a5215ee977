/** Attribute names the helper refuses: event handlers and anything that can carry a URL or markup. */
const UNSAFE_ATTRIBUTE = /^(on|href$|src$|srcdoc$|style$|action$|formaction$|xlink:)/i;

export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Strings always become text nodes, so data from the config
 * or the user can never turn into markup; event and URL attributes are refused outright.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (UNSAFE_ATTRIBUTE.test(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A button with a click handler; `label` is its accessible name when its visible text is not enough. */
export function button(text: Child | Child[], onClick: (event: MouseEvent) => void, attributes: Record<string, string | undefined> = {}): HTMLButtonElement {
  const element = el('button', { type: 'button', ...attributes }, ...(Array.isArray(text) ? text : [text]));
  element.addEventListener('click', onClick);
  return element;
}

/** Replaces the children of `parent` in one operation, so the page never shows a half-built state. */
export function replaceChildren(parent: Element, children: Child[]): void {
  const fragment = document.createDocumentFragment();
  append(fragment, children);
  parent.replaceChildren(fragment);
}
