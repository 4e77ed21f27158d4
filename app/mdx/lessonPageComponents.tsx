import type { MDXComponents } from 'mdx/types';
import { type ComponentType, type ReactNode, Suspense, useEffect, useState } from 'react';
import { lazyPage } from '../components/lazyPage';
import { WhenNear } from '../components/WhenNear';
import { afterNextPaint } from '../shared/afterNextPaint';
import { Claim } from '../widgets/Claim';
import { TryThis } from '../widgets/TryThis';
import { LabAutocompleter, LabInsideView, LabReach, LabSampler, LabTrainer } from './labEmbeds';

/**
 * The lesson page's components: the same names as {@link lessonComponents}, but a figure's code is
 * downloaded (one chunk for all of them) and the figure drawn only once it comes within a screen of
 * view (or the page prints). Opening a lesson then downloads, runs and lays out only its text, which is
 * what a phone on a slow link shows first. Text-like pieces and the lab embeds (which defer themselves)
 * stay as they are. Slides use {@link slideComponents}, below.
 */

/** Every figure the lessons may place, by its name in `figureComponents.tsx` (a test keeps them equal). */
export const deferredFigureNames = [
  'OneUnitRnn',
  'UnrolledDemo',
  'ParameterCalculator',
  'PaddingBuckets',
  'VanishingExplorer',
  'MemoryHorizon',
  'StepTimer',
  'ClippingDemo',
  'GateExplorer',
  'LiveTraining',
  'TemperatureSampler',
  'BaselinePerplexity',
] as const;

/** The registry, once downloaded: then a figure draws in the same render, as printing needs. */
let loaded: MDXComponents | null = null;
let loading: Promise<MDXComponents> | null = null;

/**
 * Downloads the figures' code (once). The lesson page asks for it when the reader first nears a figure,
 * and in idle time after its text has drawn, so that printing finds every figure ready to draw.
 */
export function preloadFigures(): Promise<MDXComponents> {
  loading ??= import('./figureComponents').then(
    (module) => {
      loaded = module.figureComponents;
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const waiting = <p className="muted figure-slot-waiting">This figure is drawn as you reach it.</p>;

function DownloadedFigure({
  name,
  props,
  placeholder = waiting,
}: {
  name: (typeof deferredFigureNames)[number];
  props: object;
  placeholder?: ReactNode;
}) {
  const [components, setComponents] = useState(loaded);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (components) return;
    let live = true;
    // Asked for once the text around the slot has been painted: a phone shows the words first, and
    // the request (two dozen files) does not run in front of that paint.
    const cancel = afterNextPaint(() =>
      preloadFigures().then(
        (ready) => live && setComponents(ready),
        (error: unknown) => live && setFailure({ error }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [components]);
  // A download that failed (offline before the lesson was saved) goes to the page's error boundary,
  // which says so in plain words, as for a page that could not be downloaded.
  if (failure) throw failure.error;
  if (!components) return placeholder;
  const Figure = components[name] as ComponentType<object>;
  return <Figure {...props} />;
}

function drawnNear(name: (typeof deferredFigureNames)[number]): ComponentType<object> {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per figure at module level, so its identity is stable.
  function NearFigure(props: object) {
    return (
      <WhenNear className="figure-slot" placeholder={waiting}>
        <DownloadedFigure name={name} props={props} />
      </WhenNear>
    );
  }
  NearFigure.displayName = `Near(${name})`;
  return NearFigure;
}

/** On a slide the figure is drawn as soon as its code is there: the slide is what is in view. */
const drawingOnSlide = <p className="muted">Drawing the figure…</p>;

function drawnOnArrival(name: (typeof deferredFigureNames)[number]): ComponentType<object> {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per figure at module level, so its identity is stable.
  function SlideFigure(props: object) {
    return <DownloadedFigure name={name} props={props} placeholder={drawingOnSlide} />;
  }
  SlideFigure.displayName = `OnArrival(${name})`;
  return SlideFigure;
}

/**
 * A formula built at run time, with KaTeX downloaded on first use (no lesson text uses one today; the
 * figures' chunk leaves KaTeX out). Until it arrives the TeX source shows.
 */
const LazyTex = lazyPage(() => import('../components/Tex').then((module) => module.Tex));
function Tex(props: { children: string; display?: boolean }) {
  return (
    <Suspense fallback={<code>{props.children}</code>}>
      <LazyTex {...props} />
    </Suspense>
  );
}

export const lessonPageComponents: MDXComponents = {
  Tex,
  TryThis,
  Claim,
  LabTrainer,
  LabSampler,
  LabAutocompleter,
  LabInsideView,
  LabReach,
  ...Object.fromEntries(deferredFigureNames.map((name) => [name, drawnNear(name)])),
};

/**
 * The slides' components: the lesson page's, but a figure is drawn as soon as its code has downloaded,
 * not when it nears view. A slide's words then show without waiting for every figure's code and KaTeX.
 */
export const slideComponents: MDXComponents = {
  ...lessonPageComponents,
  ...Object.fromEntries(deferredFigureNames.map((name) => [name, drawnOnArrival(name)])),
};
