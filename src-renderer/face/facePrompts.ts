// Spoken guidance for the face step: packaged files (public/audio/face-*.ogg, made by
// scripts/make-voice-prompts.sh), never a network speech service. A prompt is not
// repeated while it is the one last played, so a person is not talked over.
import type { FrameProblem } from '../../src-main/common/face/faceDecision';

export type FacePrompt = 'face-start' | 'face-closer' | 'face-light' | 'face-alone' | 'face-glasses' | 'face-counter';

export function promptFor(problem: FrameProblem): FacePrompt {
  switch (problem) {
    case 'too-small':
      return 'face-closer';
    case 'too-dark':
    case 'too-bright':
      return 'face-light';
    case 'two-faces':
      return 'face-alone';
    default:
      return 'face-start';
  }
}

export function facePromptPlayer(language: string, volume: number): (prompt: FacePrompt) => void {
  let last: FacePrompt | null = null;
  let player: HTMLAudioElement | null = null;
  return (prompt) => {
    if (volume <= 0 || prompt === last) return;
    last = prompt;
    player?.pause();
    player = new Audio(`./audio/${prompt}.${language === 'en' ? 'en' : 'zh-CN'}.ogg`);
    player.volume = volume;
    void player.play().catch(() => {
      // No audio device or autoplay refused: the screen says the same.
    });
  };
}
