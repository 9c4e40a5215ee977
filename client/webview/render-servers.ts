import type { ProxyOutline, ServerState } from '../src/panel-messages';
import { el } from './dom';

export interface ServerStateHandlers {
  setState(backend: string, server: string, state: ServerState['state']): void;
}

const STATES: { value: ServerState['state']; label: string }[] = [
  { value: 'up', label: 'up' },
  { value: 'down', label: 'down' },
  { value: 'maint', label: 'maint' },
  { value: 'drain', label: 'drain' },
];

/** Every server of every backend with a state picker; servers not listed in `states` are up. */
export function renderServerStates(proxies: ProxyOutline[], states: ServerState[], handlers: ServerStateHandlers): HTMLElement[] {
  const backends = proxies.filter((p) => p.kind !== 'frontend' && p.servers.length > 0);
  if (backends.length === 0) return [el('p', { class: 'muted' }, 'This configuration has no servers.')];
  return backends.map((backend) =>
    el(
      'fieldset',
      { class: 'backend-states' },
      el('legend', {}, backend.name),
      ...backend.servers.map((server) => {
        const current = states.find((s) => s.backend === backend.name && s.server === server.name)?.state ?? 'up';
        const select = el(
          'select',
          { class: `state-select state-${current}`, 'aria-label': `State of server ${server.name} in ${backend.name}`, 'data-key': `${backend.name}/${server.name}` },
          ...STATES.map((s) => el('option', { value: s.value }, s.label)),
        );
        select.value = current;
        select.addEventListener('change', () => handlers.setState(backend.name, server.name, select.value as ServerState['state']));
        return el('label', { class: 'server-state' }, el('span', { class: 'server-name' }, server.name), select);
      }),
    ),
  );
}
