/**
 * Live figures in two windows, one set of runs. The audience window owns the runs (its workers train);
 * it carries out the commands the speaker view sends and reports its runs back. In the speaker view the
 * store's run actions become those commands and its runs mirror the report, so the same widgets (Train,
 * Pause, Step, Reset, their figures) work unchanged in both windows.
 */
import { useEffect } from 'react';
import { useStore } from '../store';
import type { RunState, RunsSlice } from '../store/runsSlice';
import { startFits } from './messageShape';
import { changedRuns, mergeRuns, type RunCommand } from './sync';
import type { PresenterDeck } from './usePresenterDeck';

/** The store actions a run command maps to. */
export type RunActions = Pick<
  RunsSlice,
  'startRun' | 'pauseRun' | 'resumeRun' | 'stepRun' | 'stopRun' | 'setRunSpeed' | 'clearRun'
>;

/**
 * Carries out a command from the speaker view with the audience window's own store actions. A start
 * that would train more runs at once than a slide uses is ignored (`runs`: the audience window's).
 */
export function applyRunCommand(
  actions: RunActions,
  command: RunCommand,
  runs: Readonly<Record<string, RunState>> = {},
): void {
  switch (command.action) {
    case 'start':
      if (startFits(runs, command.slot)) actions.startRun(command.slot, command.config, command.options);
      break;
    case 'pause':
      actions.pauseRun(command.slot);
      break;
    case 'resume':
      actions.resumeRun(command.slot);
      break;
    case 'step':
      actions.stepRun(command.slot, command.steps);
      break;
    case 'stop':
      actions.stopRun(command.slot);
      break;
    case 'clear':
      actions.clearRun(command.slot);
      break;
    case 'speed':
      actions.setRunSpeed(command.slot, command.speed);
      break;
  }
}

/** Store actions that send each call to the audience window instead of training here. */
export function remoteRunActions(send: (command: RunCommand) => void): RunActions {
  return {
    startRun: (slot, config, options) => send({ action: 'start', slot, config, options }),
    pauseRun: (slot) => send({ action: 'pause', slot }),
    resumeRun: (slot) => send({ action: 'resume', slot }),
    stepRun: (slot, steps = 1) => send({ action: 'step', slot, steps }),
    stopRun: (slot) => send({ action: 'stop', slot }),
    setRunSpeed: (slot, speed) => send({ action: 'speed', slot, speed }),
    clearRun: (slot) => send({ action: 'clear', slot }),
  };
}

/** How often at most the audience window reports its runs: smooth enough for the speaker's figures. */
const REPORT_INTERVAL_MS = 200;

/**
 * Audience window: obey run commands from the speaker view, and while one is listening, report the runs
 * that changed (all of them whenever a speaker view says hello).
 */
export function useAudienceRunRelay({ channel, listen, peers }: PresenterDeck, slug: string): void {
  useEffect(() => {
    if (!channel) return;
    let sent: Record<string, RunState> = {};
    let timer: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      timer = null;
      const runs = useStore.getState().runs;
      const changed = changedRuns(runs, sent);
      if (changed.length === 0 && Object.keys(sent).length === Object.keys(runs).length) return;
      sent = { ...runs };
      channel.post({
        kind: 'runs',
        sender: channel.sender,
        role: 'audience',
        slug,
        runs: changed,
        slots: Object.keys(runs),
      });
    };
    const schedule = () => {
      timer ??= setTimeout(report, REPORT_INTERVAL_MS);
    };
    const unlisten = listen((message) => {
      if (message.role !== 'speaker') return;
      if (message.kind === 'hello') {
        sent = {};
        schedule();
      } else if (message.kind === 'run-command' && message.slug === slug) {
        const state = useStore.getState();
        applyRunCommand(state, message.command, state.runs);
      }
    });
    const unsubscribe = peers > 0 ? useStore.subscribe(schedule) : () => {};
    if (peers > 0) schedule();
    return () => {
      unlisten();
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [channel, listen, peers, slug]);
}

/**
 * Speaker view: while mounted, this window's run actions are commands to the audience window, and its
 * runs are the audience window's, as last reported. Unmounting restores the store.
 */
export function useSpeakerRunRemote({ channel, listen }: PresenterDeck, slug: string): void {
  useEffect(() => {
    if (!channel) return;
    const state = useStore.getState();
    const own: RunActions = {
      startRun: state.startRun,
      pauseRun: state.pauseRun,
      resumeRun: state.resumeRun,
      stepRun: state.stepRun,
      stopRun: state.stopRun,
      setRunSpeed: state.setRunSpeed,
      clearRun: state.clearRun,
    };
    useStore.setState(
      remoteRunActions((command) =>
        channel.post({ kind: 'run-command', sender: channel.sender, role: 'speaker', slug, command }),
      ),
    );
    const unlisten = listen((message) => {
      if (message.kind === 'runs' && message.slug === slug) {
        useStore.setState({ runs: mergeRuns(useStore.getState().runs, message) });
      }
    });
    return () => {
      unlisten();
      useStore.setState({ ...own, runs: {} });
    };
  }, [channel, listen, slug]);
}
