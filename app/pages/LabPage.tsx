import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { labTrainerConfig } from '../engine';
import { cellLabels } from '../figures/frame/palette';
import { defaultPassageLength } from '../lab/inside/passage';
import { LabAutocomplete } from '../lab/LabAutocomplete';
import { LabCurves } from '../lab/LabCurves';
import { LabInside } from '../lab/LabInside';
import { LabKeep } from '../lab/LabKeep';
import { LabModelForm } from '../lab/LabModelForm';
import { canAnswer, LabSamples } from '../lab/LabSamples';
import { LabTextPicker } from '../lab/LabTextPicker';
import { defaultPrime, formatLabQuery, LAB_SLOT, type LabChoice, parseLabQuery } from '../lab/labChoice';
import { LAB_START, useLabKeep } from '../lab/useLabKeep';
import { useSourceText } from '../lab/useSourceText';
import { RunControls } from '../live/RunControls';
import { useRuns } from '../live/useRuns';
import type { FieldProblem } from '../playground/FieldControl';
import { FixFirst } from '../playground/StepsField';
import { pageQuery } from '../routes';
import { useStore } from '../store';
import '../lab/lab.css';
import '../playground/playground.css';
import { LinkNotices } from '../playground/LinkNotices';
import { IntroText, pageIntros } from './pageIntros';

export { LAB_SLOT };

/**
 * The language lab: pick a text and a model, train it live, watch its samples go from babble to words,
 * type and see its next-character guesses, keep it across reloads, and look inside it.
 */
export function LabPage() {
  usePageTitle('Language lab');
  const [location, navigate] = useLocation();
  const search = pageQuery(location, useSearch());
  // The link is read once, on arrival; afterwards the address follows the page.
  const initial = useRef(parseLabQuery(search)).current;
  const [choice, setChoice] = useState<LabChoice>(initial.choice);
  const [notices, setNotices] = useState<readonly string[]>(initial.notices);
  const [fieldProblems, setFieldProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const onProblem = useCallback((key: string, problem: FieldProblem | null) => {
    setFieldProblems((current) => {
      if (problem === null && !(key in current)) return current;
      const { [key]: _old, ...rest } = current;
      return problem === null ? rest : { ...rest, [key]: problem };
    });
  }, []);
  const problems = Object.values(fieldProblems);
  // Null while the toy code is generated off the page's thread: nothing trains on a text not shown.
  const text = useSourceText(choice.text);
  const config = useMemo(() => (text === null ? null : labTrainerConfig(text, choice)), [text, choice]);
  const prime = useMemo(() => (text === null ? '' : defaultPrime(text)), [text]);
  const [run] = useRuns([LAB_SLOT]);
  const keep = useLabKeep(LAB_SLOT, run, choice, setChoice);
  const history = useStore((state) => state.labHistory);
  const ownHistory = run && keep.offset > 0 ? history : null;

  useEffect(() => {
    navigate(`/lab?${formatLabQuery(choice)}`, { replace: true });
  }, [choice, navigate]);

  const used = run?.config;
  const stale =
    used !== undefined &&
    config !== null &&
    (used.task.kind !== 'text' ||
      used.task.text !== text ||
      used.cell !== config.cell ||
      used.layers !== config.layers ||
      used.hiddenSize !== config.hiddenSize ||
      used.seed !== config.seed);

  return (
    <div className={pageIntros.lab.className}>
      <IntroText intro={pageIntros.lab} />
      <LinkNotices notices={notices} onDismiss={() => setNotices([])} />
      <div className="lab-layout">
        <section className="lab-setup" aria-labelledby="lab-setup-heading">
          <h2 id="lab-setup-heading">Text and model</h2>
          <LabTextPicker
            source={choice.text}
            onChange={(source) => setChoice((current) => ({ ...current, text: source }))}
          />
          <LabModelForm choice={choice} onChange={setChoice} onProblem={onProblem} />
        </section>
        <section className="lab-training" aria-labelledby="lab-training-heading">
          <h2 id="lab-training-heading">Training</h2>
          {config === null ? (
            <p className="notice-inline" role="status">
              Generating the toy code…
            </p>
          ) : (
            <RunControls
              runs={[{ slot: LAB_SLOT, config, label: cellLabels[config.cell] }]}
              maxSteps={LAB_START.maxSteps}
              checkpointEvery={LAB_START.checkpointEvery}
              keepOnUnmount
              title="Language lab"
              blocked={problems.length > 0 ? <FixFirst problems={problems} /> : undefined}
            />
          )}
          {stale && (
            <p className="notice-inline" role="status">
              The text or model changed since this model was made. Press Reset, then Train, to use them.
            </p>
          )}
          <LabKeep
            status={keep.status}
            problem={keep.problem}
            record={keep.record}
            restore={keep.restore}
            onProblem={keep.setProblem}
            canExport={canAnswer(run)}
          />
          <LabCurves run={run} history={ownHistory} />
        </section>
      </div>
      {text !== null && (
        <LabSections
          run={run}
          text={text}
          prime={prime}
          offset={keep.offset}
          passageLength={defaultPassageLength(choice.text.kind === 'builtin' ? choice.text.id : 'own')}
        />
      )}
    </div>
  );
}

/** Samples, autocomplete and the look inside, once the text is here (their starts are made of it). */
function LabSections({
  run,
  text,
  prime,
  offset,
  passageLength,
}: {
  run: ReturnType<typeof useRuns>[number];
  text: string;
  prime: string;
  offset: number;
  passageLength: number;
}) {
  return (
    <>
      <section aria-labelledby="lab-samples-heading">
        <h2 id="lab-samples-heading">Samples as it learns</h2>
        <LabSamples slot={LAB_SLOT} run={run} stepOffset={offset} initialPrime={prime} />
      </section>
      <section aria-labelledby="lab-autocomplete-heading">
        <h2 id="lab-autocomplete-heading">Autocomplete</h2>
        <LabAutocomplete slot={LAB_SLOT} run={run} initialText={prime} />
      </section>
      <section aria-labelledby="lab-inside-heading">
        <h2 id="lab-inside-heading">Inside the network</h2>
        <LabInside slot={LAB_SLOT} run={run} text={text} offset={offset} passageLength={passageLength} />
      </section>
    </>
  );
}
