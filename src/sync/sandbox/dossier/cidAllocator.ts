/** BOB codes for generated third parties, made the way the connector makes them. */
import { cidCandidate, cidStem } from '../../connectors/bob50/cidCodes';
import { DEFAULT_BOB_MAPPING } from '../../connectors/bob50/mapping';

export class CidAllocator {
  private readonly used: Set<string>;
  /** Where to resume per stem: thousands of "Boulangerie …" would otherwise rescan from 0. */
  private readonly nextAttempt = new Map<string, number>();

  constructor(
    existing: Iterable<string> = [],
    private readonly width: number = DEFAULT_BOB_MAPPING.widths.cid,
  ) {
    this.used = new Set(existing);
  }

  allocate(name: string): string {
    const stem = cidStem(name, this.width);
    for (let attempt = this.nextAttempt.get(stem) ?? 0; ; attempt++) {
      const candidate = cidCandidate(stem, attempt, this.width);
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.nextAttempt.set(stem, attempt + 1);
        return candidate;
      }
    }
  }
}
