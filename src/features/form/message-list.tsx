import type { FieldMessage } from './field-findings';

/** The findings shown at a field, row or group; screen readers hear the severity first. */
export function MessageList({ messages, id }: { messages: readonly FieldMessage[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="wf-messages">
      {messages.map((m, i) => (
        <li key={i} className={`wf-message wf-message-${m.severity}`}>
          <span className="wf-sr-only">{m.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {m.message}
        </li>
      ))}
    </ul>
  );
}
