import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { claims } from '../../../app/claims/claims';
import { ForgetBiasMeasurement } from '../../../app/claims/ForgetBiasMeasurement';
import { FORGET_BIAS_SETUP, forgetBiasSlot, meanAccuracyCurve } from '../../../app/claims/forgetBias';
import { gruToLstmRatio } from '../../../app/claims/ParameterClaim';
import { ClaimsPage } from '../../../app/pages/ClaimsPage';
import type { RunState } from '../../../app/store/runsSlice';
import { CLAIM_IDS } from '../../../app/widgets/Claim';
import { connectFakeBridge, type FakeBridge } from '../widgets/fakeBridge';

// The MDX plugin compiles every .mdx import (even ?raw), so the lesson text is read from disk, as in
// tests/component/quiz/lessons.test.ts (component tests have DOM types only, hence the small type).
const fs = (await import('node:fs' as string)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};
const lessonSources: Record<string, string> = Object.fromEntries(
  Object.keys(import.meta.glob('../../../lessons/*/lesson.mdx')).map((path) => [
    path,
    fs.readFileSync(new URL(path, import.meta.url), 'utf8'),
  ]),
);

function claimIdsIn(slug: string): string[] {
  const source =
    Object.entries(lessonSources).find(([path]) => path.includes(`/lessons/${slug}/`))?.[1] ?? '';
  return [...source.matchAll(/<Claim id="([^"]+)"/g)].map((match) => match[1]!);
}

function renderPage(claim?: string) {
  const memory = memoryLocation({ path: claim ? `/claims#${claim}` : '/claims' });
  return render(
    <Router hook={memory.hook} searchHook={memory.searchHook}>
      <ClaimsPage claim={claim} />
    </Router>,
  );
}

let bridge: FakeBridge;
beforeEach(() => {
  bridge = connectFakeBridge();
});

describe('the list of claims', () => {
  it('covers every claim id the lessons link to, and each lesson named really links to its claim', () => {
    expect(claims.map((claim) => claim.id).sort()).toEqual([...CLAIM_IDS].sort());
    expect(Object.keys(lessonSources).length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.lessons.length).toBeGreaterThan(0);
      for (const slug of claim.lessons)
        expect(claimIdsIn(slug), `${slug} links to ${claim.id}`).toContain(claim.id);
    }
    for (const path of Object.keys(lessonSources)) {
      const slug = path.split('/').at(-2)!;
      for (const id of claimIdsIn(slug)) {
        expect(claims.find((claim) => claim.id === id)?.lessons, `${slug} is listed under ${id}`).toContain(
          slug,
        );
      }
    }
  });
});

describe('ClaimsPage', () => {
  it('gives each claim a section with its id, its words, its lessons and a measurement', () => {
    renderPage();
    for (const claim of claims) {
      const section = document.getElementById(claim.id)!;
      expect(section).toHaveAccessibleName(claim.title);
      expect(within(section).getByText(claim.statement)).toBeVisible();
      expect(within(section).getAllByRole('link', { name: /^lesson \d/ })).toHaveLength(claim.lessons.length);
    }
    const forget = document.getElementById('forget-bias')!;
    expect(within(forget).getByRole('link', { name: /lesson 3, Long short-term memory/ })).toHaveAttribute(
      'href',
      '/lessons/03-lstm',
    );
    expect(
      within(document.getElementById('clipping')!).getByRole('region', {
        name: 'Gradient clipping experiment',
      }),
    ).toBeVisible();
    expect(
      within(document.getElementById('step-time')!).getByRole('region', { name: 'Step timer' }),
    ).toBeVisible();
  });

  it('counts parameters with the engine: the GRU has three quarters of the LSTM’s at every size', () => {
    renderPage();
    const table = within(document.getElementById('gru-parameters')!).getByRole('table');
    const row = within(table)
      .getAllByRole('row')
      .find((candidate) => /^8\s*32/.test(candidate.textContent ?? ''))!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['8', '32', '1,344', '5,376', '4,032', '0.75']);
    expect(
      within(document.getElementById('gru-parameters')!).getByText(/GRU ÷ LSTM = 0.75: 25% fewer parameters/),
    ).toBeVisible();
    expect(gruToLstmRatio(300, 1024)).toBe(0.75);
  });

  it('scrolls to and focuses the claim the address names', () => {
    renderPage('step-time');
    const section = document.getElementById('step-time')!;
    expect(section).toHaveFocus();
    expect(section).toHaveAttribute('data-current');
    expect(screen.getByRole('link', { name: 'Time per training step' })).toHaveAttribute(
      'aria-current',
      'location',
    );
    expect(screen.queryByText(/There is no claim/)).toBeNull();
  });

  it('draws each measurement as the reader nears it, and the one the address names at once', () => {
    const observed: Element[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe(element: Element) {
          observed.push(element);
        }
        disconnect() {}
      },
    );
    try {
      renderPage('gru-parameters');
      const target = document.getElementById('gru-parameters')!;
      expect(within(target).getAllByRole('row').length).toBeGreaterThan(1);
      expect(within(target).queryByText('This measurement is drawn as you reach it.')).toBeNull();
      for (const other of claims.filter((entry) => entry.id !== 'gru-parameters')) {
        expect(
          within(document.getElementById(other.id)!).getByText('This measurement is drawn as you reach it.'),
        ).toBeInTheDocument();
      }
      expect(observed).toHaveLength(claims.length - 1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says so when the address names a claim the page does not have', () => {
    renderPage('no-such-claim');
    expect(
      screen.getByText('There is no claim “no-such-claim” on this page; every claim is listed below.'),
    ).toHaveAttribute('role', 'status');
  });
});

describe('ForgetBiasMeasurement', () => {
  it('trains nothing until Measure it, then one LSTM per bias and seed, and reports what they reached', async () => {
    const user = userEvent.setup();
    render(<ForgetBiasMeasurement />);
    expect(screen.getByText('Not measured yet.')).toBeVisible();
    expect(bridge.starts).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Measure it' }));
    expect(bridge.starts).toHaveLength(6);
    for (const start of bridge.starts) {
      expect(start.options).toMatchObject({ maxSteps: FORGET_BIAS_SETUP.steps, speed: { kind: 'max' } });
      expect(start.config).toMatchObject({
        cell: 'lstm',
        task: { kind: 'recall', lag: 15, symbols: 8, distractors: 2 },
        hiddenSize: 32,
      });
    }
    expect(bridge.starts.map((start) => [start.config.init.forgetBias, start.config.seed])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(screen.getByRole('button', { name: 'Measuring…' })).toBeDisabled();

    const accuracy: Record<string, number> = {
      [forgetBiasSlot(1, 1)]: 0.75,
      [forgetBiasSlot(1, 2)]: 1,
      [forgetBiasSlot(1, 3)]: 1,
      [forgetBiasSlot(0, 1)]: 0.125,
      [forgetBiasSlot(0, 2)]: 0.5,
      [forgetBiasSlot(0, 3)]: 1,
    };
    act(() => {
      for (const [slot, metric] of Object.entries(accuracy)) {
        bridge.started(slot);
        bridge.snapshot(slot, { steps: 250, evaluation: { metric: metric / 2 } });
        bridge.snapshot(slot, { steps: 250, status: 'finished', evaluation: { metric } });
      }
    });
    const verdict =
      'Forget bias 1 ended with the higher held-out accuracy on 2 of 3 seeds. Mean held-out accuracy: 91.7% with bias 1 against 54.2% with bias 0 (chance is 12.5%).';
    expect(await screen.findByText(verdict, { selector: '.widget-result' }, { timeout: 5000 })).toBeVisible();
    // Each seed is a dot, and the dot plot's caption says the result in words.
    const dots = screen.getByRole('figure', { name: 'Held-out accuracy after 500 steps, one dot per seed' });
    expect(dots).toHaveAccessibleDescription(verdict);
    const titles = [...dots.querySelectorAll('circle[data-seed] title')].map((title) => title.textContent);
    expect(titles).toHaveLength(6);
    expect(titles).toContain('bias 1, forget bias 1, seed 1: 75.0%');
    expect(titles).toContain('bias 0, forget bias 0, seed 1: 12.5%');
    const table = screen.getByRole('table', { name: 'Held-out accuracy after 500 training steps, per seed' });
    const seed1 = within(table).getByRole('row', { name: /^1 / });
    expect(seed1).toHaveTextContent('75.0% (never reached 90%)');
    expect(seed1).toHaveTextContent('12.5% (never reached 90%)');
    expect(within(table).getByRole('row', { name: /^2 / })).toHaveTextContent('100.0% (90% by step 500)');
    expect(screen.getByText('6 of 6 runs done.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Measure again' })).toBeEnabled();
  });
});

describe('meanAccuracyCurve', () => {
  const run = (points: [number, number][]) =>
    ({ evaluations: points.map(([step, metric]) => ({ step, metric })) }) as unknown as RunState;

  it('averages the seeds between their own evaluation steps, up to the last step all have reached', () => {
    const curve = meanAccuracyCurve(
      [
        run([
          [0, 0],
          [100, 1],
        ]),
        run([
          [0, 0.2],
          [40, 0.2],
          [80, 0.6],
        ]),
      ],
      20,
    );
    expect(curve.map((point) => point.step)).toEqual([0, 20, 40, 60, 80]);
    // At step 60: the first run reads 0.6 (between 0 and 1), the second 0.4 (between 0.2 and 0.6).
    expect(curve[3]!.value).toBeCloseTo(0.5);
    expect(curve[4]!.value).toBeCloseTo((0.8 + 0.6) / 2);
  });

  it('draws nothing until every seed has been evaluated', () => {
    expect(meanAccuracyCurve([run([[0, 0.1]]), undefined])).toEqual([]);
    expect(meanAccuracyCurve([run([[0, 0.1]]), run([])])).toEqual([]);
  });
});
