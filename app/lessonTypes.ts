/**
 * A lesson's data as types: quiz questions and glossary terms, separate from how they are drawn
 * (app/quiz/) and scored (app/quiz/scoring.ts). They sit low in the app's layers because the lessons,
 * the course index, the quiz and the saved progress all read them. Each lesson folder has a `quiz.ts` exporting `questions: readonly Question[]`;
 * the final quiz lives in the last lesson's folder. Text fields may contain inline TeX between `$…$`.
 */
import type { TrainerConfig } from '../engine/trainerConfig';
import type { CellKind } from '../engine/types';

interface QuestionBase {
  /** Unique within the lesson, stable forever: saved progress refers to it (e.g. 'l1-weight-sharing'). */
  readonly id: string;
  readonly prompt: string;
  /** A nudge shown on request, without giving the answer away. */
  readonly hint: string;
  /** Why the right answer is right, shown after any attempt. */
  readonly explanation: string;
}

export interface Choice {
  readonly id: string;
  readonly text: string;
  /** Why this choice is right or wrong, shown once the learner has answered. */
  readonly feedback: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: 'single';
  readonly choices: readonly Choice[];
  /** The id of the one correct choice. */
  readonly answer: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly kind: 'multiple';
  readonly choices: readonly Choice[];
  /** The ids of every correct choice (at least one). */
  readonly answers: readonly string[];
}

export interface NumericQuestion extends QuestionBase {
  readonly kind: 'numeric';
  readonly answer: number;
  /** Accepted when |given − answer| ≤ tolerance. */
  readonly tolerance: number;
  /** Shown after the input, e.g. 'parameters'. */
  readonly unit?: string;
}

export interface OrderingQuestion extends QuestionBase {
  readonly kind: 'ordering';
  /** The items in their CORRECT order; the quiz shuffles them (deterministically) for the learner. */
  readonly items: readonly { readonly id: string; readonly text: string }[];
}

/**
 * Predict, then run: the learner commits to a prediction, then the experiment runs in the engine and
 * the outcome decides which prediction was right. Nothing is hard-coded: the answer is measured.
 */
export interface PredictQuestion extends QuestionBase {
  readonly kind: 'predict';
  readonly experiment: Experiment | SamplingExperiment;
  /** One choice per run (id = the run's id), plus optionally 'tie' for "about the same". */
  readonly choices: readonly Choice[];
  /** Predict, observe, explain: once the outcome is measured, the learner picks the reason for it. */
  readonly explain: ExplainStep;
}

/**
 * The "explain" of predict, observe, explain (Crouch et al., 2004): a few candidate reasons for the
 * outcome, one of them right. Every experiment runs on a fixed seed, so its outcome is known in advance
 * (the seed tests check it); if a run ever measures another outcome, the step is not asked.
 */
export interface ExplainStep {
  /** The outcome the reasons explain: the id of the winning run, or 'tie'. */
  readonly outcome: string;
  /** The question, e.g. 'Why did full BPTT win?' */
  readonly prompt: string;
  readonly choices: readonly Choice[];
  /** The id of the right reason. */
  readonly answer: string;
}

export interface Experiment {
  /** Training runs in the worker (the default when omitted). */
  readonly kind?: 'training';
  /** What is compared, e.g. 'held-out accuracy after 400 steps'. */
  readonly description: string;
  /** Each run's configuration: overrides of the playground's default, as in the playground. */
  readonly runs: readonly {
    readonly id: string;
    readonly label: string;
    readonly config: ExperimentConfig;
  }[];
  readonly steps: number;
  /** What is measured at the end of each run. */
  readonly measure:
    | 'heldOutMetric'
    | 'finalLoss'
    | 'msPerStep'
    | 'clippedShare'
    | 'earlyGradientShare'
    /** The model's trainable parameters, counted by the engine: the same on every machine and seed. */
    | 'parameterCount';
  /** Which run "wins" the comparison: the highest or lowest measure. */
  readonly winner: 'highest' | 'lowest';
  /** If 'tie' is a choice: runs within this relative difference count as about the same. */
  readonly tieWithin?: number;
}

/**
 * Sampling instead of training: text drawn from the bigram model of a built-in text (its pair counts,
 * engine/text/bigramModel.ts) at one temperature per run, from the same seed, on the page's own thread
 * in a few milliseconds. What sampling and temperature do can then be predicted and seen at once.
 */
export interface SamplingExperiment {
  readonly kind: 'sampling';
  /** What is compared, e.g. 'how repetitive 300 sampled characters are'. */
  readonly description: string;
  /** The built-in text whose pair counts are the model. */
  readonly text: 'course-prose' | 'toy-code' | 'rivers';
  /** The character every sample starts after (it is not part of the sample). */
  readonly primer: string;
  /** Characters per sample. */
  readonly length: number;
  readonly seed: number;
  readonly runs: readonly { readonly id: string; readonly label: string; readonly temperature: number }[];
  /** The share of distinct 4-character stretches in a sample: near 0 when it loops, 1 when none repeats. */
  readonly measure: 'distinctFourGrams';
  readonly winner: 'highest' | 'lowest';
  readonly tieWithin?: number;
}

/** A partial training configuration; missing fields come from the playground default. */
export type ExperimentConfig = Partial<Omit<TrainerConfig, 'task'>> & {
  readonly task?: TrainerConfig['task'];
};

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | NumericQuestion
  | OrderingQuestion
  | PredictQuestion;

/** A glossary entry a lesson defines; the glossary page gathers them from every lesson. */
export interface GlossaryTerm {
  readonly term: string;
  readonly definition: string;
}

/** The figures a live run can show. */
export type FigureId = 'loss' | 'metric' | 'gradients' | 'gates' | 'clipping' | 'vanishing';

/**
 * A live training demo: what `<LiveTraining {...demo} />` trains. Lessons define their demos in their
 * folder's `demos.ts`, so tests/unit/demoSeeds.*.test.ts run exactly the configuration the page shows.
 */
export interface LiveDemo {
  /** Unique across the course: names the worker slots of the widget. */
  readonly id: string;
  readonly title: string;
  /** Overrides of the playground's default configuration. */
  readonly config?: ExperimentConfig;
  /** Train one model per cell, side by side on the same seed and data. */
  readonly compare?: readonly CellKind[];
  readonly steps?: number;
  readonly figures?: readonly FigureId[];
}
