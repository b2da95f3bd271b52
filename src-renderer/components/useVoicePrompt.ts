// Plays the packaged voice prompt of a step (public/audio/<step>.<lang>.ogg) when
// the journey reaches it. No network speech: the files ship with the kiosk.
import { useEffect, useRef } from 'react';
import type { Screen } from '../state/kioskState';

/** A screen: each prompted screen has its files (steps inside a screen's own journey use useStepPrompt). */
export type PromptStep = Screen;

const PROMPTED: Partial<Record<PromptStep, string>> = {
  consent: 'consent',
  summary: 'summary',
  printing: 'printing',
  done: 'done',
  'take-card': 'take-card',
  'verify-report': 'verify-report',
};

function play(audio: { current: HTMLAudioElement | null }, step: string, language: string, volume: number): void {
  audio.current?.pause();
  const player = new Audio(`./audio/${step}.${language === 'en' ? 'en' : 'zh-CN'}.ogg`);
  player.volume = volume;
  audio.current = player;
  void player.play().catch(() => {
    // Autoplay refused or no audio device: the screen still says everything.
  });
}

export function useVoicePrompt(screen: PromptStep, language: string, volume: number): void {
  const audio = useRef<HTMLAudioElement | null>(null);
  const previous = useRef<PromptStep>(screen);
  useEffect(() => {
    const from = previous.current;
    previous.current = screen;
    // The idle prompt plays when a session has just ended, not on a loop at an empty kiosk.
    const step = screen === 'idle' ? (from !== 'idle' ? 'idle' : undefined) : PROMPTED[screen];
    if (!step || volume <= 0 || from === screen) return;
    play(audio, step, language, volume);
  }, [screen, language, volume]);
}

/** The prompt of a step inside one screen's own journey (e.g. objection-reason), each time the step changes. */
export function useStepPrompt(step: string | null, language: string, volume: number): void {
  const audio = useRef<HTMLAudioElement | null>(null);
  useEffect(() => {
    if (!step || volume <= 0) return;
    play(audio, step, language, volume);
  }, [step, language, volume]);
}
