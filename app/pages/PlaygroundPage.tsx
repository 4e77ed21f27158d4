import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { usePageTitle } from '../components/usePageTitle';
import { cellLabels } from '../figures/frame/palette';
import { RunControls, type RunSpec } from '../live/RunControls';
import { FIGURE_IDS, RunFigures } from '../live/RunFigures';
import { useRuns } from '../live/useRuns';
import { ConfigForm } from '../playground/ConfigForm';
import type { FieldProblem } from '../playground/FieldControl';
import { historyCsv } from '../playground/files';
import { FixFirst, StepsField } from '../playground/StepsField';
import { formatPlaygroundState, MAX_STEPS_LIMIT, parsePlaygroundState } from '../playground/urlState';
import { WeightsPanel } from '../playground/WeightsPanel';
import { pageQuery } from '../routes';
import { download } from '../shared/download';
import { useStore } from '../store';
import '../playground/playground.css';
import { LinkNotices } from '../playground/LinkNotices';
import { IntroText, pageIntros } from './pageIntros';

const SLOTS = ['playground-a', 'playground-b', 'playground-c'] as const;
const NAMES = ['A', 'B', 'C'] as const;

function labelFor(configs: readonly TrainerConfig[], index: number): string {
  const cell = cellLabels[configs[index]!.cell];
  return configs.length === 1 ? cell : `${NAMES[index]} · ${cell}`;
}

/** Every knob of the engine, live figures, compare mode, and the whole setup in a shareable link. */
export function PlaygroundPage() {
  usePageTitle('Playground');
  const [location, navigate] = useLocation();
  const search = pageQuery(location, useSearch());
  // Read once per address: the notices describe what the link asked for.
  const initial = useMemo(() => parsePlaygroundState(search), [search]);
  const [configs, setConfigs] = useState<readonly TrainerConfig[]>(initial.configs);
  // Each configuration keeps the slot its run trains in, so removing B leaves C's run with C.
  const [slots, setSlots] = useState<readonly string[]>(() => SLOTS.slice(0, initial.configs.length));
  const [maxSteps, setMaxSteps] = useState(initial.maxSteps);
  const [selected, setSelected] = useState(0);
  const [notices, setNotices] = useState<readonly string[]>(initial.notices);
  const [copied, setCopied] = useState<string | null>(null);
  const lastWritten = useRef<string>(search);
  // Settings typed but not in use hold Train, so a run never uses values other than those shown.
  const [formProblems, setFormProblems] = useState<readonly FieldProblem[]>([]);
  const [stepsProblem, setStepsProblem] = useState<FieldProblem | null>(null);
  const onStepsProblem = useCallback(
    (_key: string, problem: FieldProblem | null) => setStepsProblem(problem),
    [],
  );
  const problems = stepsProblem ? [...formProblems, stepsProblem] : formProblems;

  // A new address from outside (back button, a pasted link) replaces the state.
  useEffect(() => {
    if (search === lastWritten.current) return;
    setConfigs(initial.configs);
    setSlots(SLOTS.slice(0, initial.configs.length));
    setMaxSteps(initial.maxSteps);
    setNotices(initial.notices);
    setSelected(0);
  }, [search, initial]);

  // The address follows the configuration, so a copied link reproduces it.
  useEffect(() => {
    const query = formatPlaygroundState({ configs, maxSteps });
    if (query === lastWritten.current) return;
    lastWritten.current = query;
    navigate(`/playground?${query}`, { replace: true });
  }, [configs, maxSteps, navigate]);

  const specs: RunSpec[] = configs.map((config, index) => ({
    slot: slots[index]!,
    config,
    label: labelFor(configs, index),
  }));
  const runs = useRuns(specs.map((spec) => spec.slot));
  const clearRun = useStore((state) => state.clearRun);
  const stale = runs.some((run) => {
    const spec = specs.find((entry) => entry.slot === run.slot);
    return spec !== undefined && JSON.stringify(spec.config) !== JSON.stringify(run.config);
  });

  const updateSelected = (next: TrainerConfig) =>
    setConfigs((current) => current.map((config, index) => (index === selected ? next : config)));
  const addConfiguration = () => {
    const free = SLOTS.find((slot) => !slots.includes(slot));
    if (configs.length >= 3 || free === undefined) return;
    setConfigs((current) => [...current, current[selected]!]);
    setSlots([...slots, free]);
    setSelected(configs.length);
  };
  const removeConfiguration = (index: number) => {
    clearRun(slots[index]!);
    setConfigs((current) => current.filter((_, position) => position !== index));
    setSlots(slots.filter((_, position) => position !== index));
    setSelected(0);
  };
  const copyLink = () => {
    const href = window.location.href;
    const done = () => setCopied('Link copied. Anyone who opens it gets these settings and seeds.');
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(href).then(done, () => setCopied(`Copy this link: ${href}`));
    } else {
      setCopied(`Copy this link: ${href}`);
    }
  };
  const labelled = runs.map((run) => ({
    run,
    label: specs.find((spec) => spec.slot === run.slot)?.label ?? run.slot,
  }));
  const exportCsv = () => download('unroll-run-history.csv', historyCsv(labelled), 'text/csv');

  return (
    <div className={pageIntros.playground.className}>
      <IntroText intro={pageIntros.playground} />
      <LinkNotices notices={notices} onDismiss={() => setNotices([])} />
      <div className="playground-layout">
        <section className="playground-settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          {configs.length > 1 && (
            <div className="config-tabs" role="tablist" aria-label="Configuration to edit">
              {configs.map((_, index) => (
                <button
                  key={slots[index]}
                  type="button"
                  role="tab"
                  aria-selected={index === selected}
                  onClick={() => setSelected(index)}
                >
                  {labelFor(configs, index)}
                </button>
              ))}
            </div>
          )}
          <ConfigForm
            key={selected}
            config={configs[selected]!}
            onChange={updateSelected}
            onProblemsChange={setFormProblems}
          />
          <StepsField
            value={maxSteps}
            limit={MAX_STEPS_LIMIT}
            onChange={setMaxSteps}
            onProblem={onStepsProblem}
          />
          <div className="compare-buttons">
            {configs.length < 3 && (
              <button type="button" onClick={addConfiguration}>
                Add a configuration to compare
              </button>
            )}
            {configs.length > 1 && (
              <button type="button" onClick={() => removeConfiguration(selected)}>
                Remove {NAMES[selected]}
              </button>
            )}
          </div>
        </section>
        <section className="playground-results" aria-labelledby="results-heading">
          <h2 id="results-heading">Training</h2>
          <RunControls
            runs={specs}
            maxSteps={maxSteps}
            title="Playground"
            blocked={problems.length > 0 ? <FixFirst problems={problems} /> : undefined}
          />
          {stale && (
            <p className="notice-inline" role="status">
              The settings changed since this run started. Press Reset, then Train, to use them.
            </p>
          )}
          <div className="playground-actions">
            <button type="button" onClick={copyLink}>
              Copy link
            </button>
            <button type="button" onClick={exportCsv} disabled={runs.every((run) => run.stepCount === 0)}>
              Export history (CSV)
            </button>
          </div>
          {copied && (
            <p className="weights-message" role="status">
              {copied}
            </p>
          )}
          {specs.map((spec) => (
            <WeightsPanel
              key={spec.slot}
              slot={spec.slot}
              label={spec.label}
              config={spec.config}
              maxSteps={maxSteps}
            />
          ))}
          <RunFigures runs={labelled} figures={FIGURE_IDS} />
        </section>
      </div>
    </div>
  );
}
