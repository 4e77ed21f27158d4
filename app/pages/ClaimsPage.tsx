import { type ReactNode, useEffect } from 'react';
import { ClaimCard } from '../claims/ClaimCard';
import { ClippingSeeds } from '../claims/ClippingSeeds';
import { claims } from '../claims/claims';
import { ForgetBiasMeasurement } from '../claims/ForgetBiasMeasurement';
import { HorizonSeedsMeasurement } from '../claims/HorizonSeedsMeasurement';
import { ParameterClaim } from '../claims/ParameterClaim';
import { usePageTitle } from '../components/usePageTitle';
import { WhenNear } from '../components/WhenNear';
import { type ClaimId, claimHref, isClaimId } from '../widgets/Claim';
import { ClippingDemo } from '../widgets/ClippingDemo';
import { StepTimer } from '../widgets/StepTimer';
import '../claims/claims.css';
import { IntroText, pageIntros } from './pageIntros';

/** The live measurement of each claim: the course's widgets where they fit, computed counts otherwise. */
const measurements: Readonly<Record<ClaimId, () => ReactNode>> = {
  'memory-horizon': () => <HorizonSeedsMeasurement />,
  'gru-parameters': () => <ParameterClaim />,
  'step-time': () => (
    <StepTimer notice="Compare the GRU's bar with the LSTM's, then measure again: the gap you see is this machine's, and it moves between runs." />
  ),
  clipping: () => (
    <>
      <ClippingDemo notice="Look at the marks in the clipped run's gradient panel: each one is a step where clipping fired. Count how many steps it had to clip." />
      <ClippingSeeds />
    </>
  ),
  'forget-bias': () => <ForgetBiasMeasurement />,
};

/**
 * Held in each measurement's place until the reader nears it: drawing all five at once (live figures,
 * tables, a timer) blocked a phone's main thread for a third of a second as the page opened.
 */
const waiting = <p className="muted figure-slot-waiting">This measurement is drawn as you reach it.</p>;

/**
 * Every number the course states, measured live on this machine: the claim in the course's words, the
 * lessons that state it, and a measurement with its configuration and seed. `claim` (from
 * `#/claims#<id>`) scrolls to that claim and gives it the focus.
 */
export function ClaimsPage({ claim }: { readonly claim?: string }) {
  usePageTitle('Claims, measured');
  const target = claim && isClaimId(claim) ? claim : null;
  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(target);
    if (!element) return;
    element.scrollIntoView?.({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [target]);
  return (
    <div className={pageIntros.claims.className}>
      <IntroText intro={pageIntros.claims} />
      {claim && !target && (
        <p className="notice" role="status">
          There is no claim “{claim.slice(0, 40)}” on this page; every claim is listed below.
        </p>
      )}
      <nav aria-label="Claims on this page" className="claims-index">
        <ul>
          {claims.map((entry) => (
            <li key={entry.id}>
              <a href={claimHref(entry.id)} aria-current={entry.id === target ? 'location' : undefined}>
                {entry.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {claims.map((entry) => (
        <ClaimCard key={entry.id} claim={entry} current={entry.id === target}>
          {/* The claim the address points at is drawn at once, so the reader lands on its measurement. */}
          <WhenNear placeholder={waiting} atOnce={entry.id === target}>
            {measurements[entry.id]()}
          </WhenNear>
        </ClaimCard>
      ))}
    </div>
  );
}
