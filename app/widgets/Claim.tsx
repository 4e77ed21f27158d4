import type { ReactNode } from 'react';
import './widgets.css';

/** The claims the course measures live on its claims page, each an element id there. */
export const CLAIM_IDS = [
  'memory-horizon',
  'gru-parameters',
  'step-time',
  'clipping',
  'forget-bias',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

const claimNames: Readonly<Record<ClaimId, string>> = {
  'memory-horizon': 'how far back each cell remembers',
  'gru-parameters': 'parameter counts of GRU and LSTM',
  'step-time': 'time per training step',
  clipping: 'gradient clipping on an exploding run',
  'forget-bias': 'forget-gate bias 1 against 0',
};

export function isClaimId(id: string): id is ClaimId {
  return (CLAIM_IDS as readonly string[]).includes(id);
}

/** Where a claim is measured: the claims page, scrolled to the claim's element. */
export function claimHref(id: ClaimId): string {
  return `#/claims#${id}`;
}

/**
 * A sentence that states a measurable number, with a small link to the page where the number is
 * measured live. An unknown id leaves the sentence as it is (and warns during development).
 */
export function Claim({ id, children }: { readonly id: string; readonly children?: ReactNode }) {
  if (!isClaimId(id)) {
    if (import.meta.env.DEV) {
      console.warn(`<Claim id="${id}">: unknown claim id; known ids are ${CLAIM_IDS.join(', ')}.`);
    }
    return <>{children}</>;
  }
  return (
    <span className="claim">
      {children}{' '}
      <a
        className="claim-link"
        href={claimHref(id)}
        title={`Measured live on the claims page: ${claimNames[id]}`}
        aria-label={`measure it: ${claimNames[id]}`}
      >
        measure it
      </a>
    </span>
  );
}
