/**
 * Server-sent events read from a fetch body. EventSource cannot send an Authorization header,
 * so the stream is read by hand: events are separated by a blank line, `event:` names them,
 * `data:` carries JSON, lines starting with `:` are the service's keep-alives.
 */
export interface ServerEvent {
  event: string;
  data: string;
}

/** Feeds text as it arrives; returns each complete event once. */
export class EventParser {
  private buffer = '';

  push(text: string): ServerEvent[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: ServerEvent[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) events.push({ event, data: data.join('\n') });
      end = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}
