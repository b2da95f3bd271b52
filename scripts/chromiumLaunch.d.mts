export function chromiumLaunch(options: {
  url: string;
  profile: string;
  fullscreen: boolean;
  uid: number | undefined;
  sudoUid?: string;
  sudoGid?: string;
}): { args: string[]; runAs: { uid: number; gid: number } | null };
