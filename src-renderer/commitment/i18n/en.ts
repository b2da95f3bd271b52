// Credit-commitment and signature-pad texts in English. Merge: resources.en.translation.commitment = commitmentEn.
import type { CommitmentTexts } from './zh-CN';

export const commitmentEn: CommitmentTexts = {
  open: 'Sign a credit commitment',
  choose: {
    title: 'Choose a credit commitment',
    lead: 'Choose the letter to sign, read it through, then sign on the screen. A sealed copy of the signed letter prints for you.',
    forEnterprise: 'Signing for {{name}} as its legal representative',
    forSelf: 'Signing for yourself ({{name}})',
    validMonths: 'Stands for {{count}} months',
  },
  read: {
    title: 'Read the letter',
    fields: 'Choose the following',
    items: 'What is promised',
    toSign: 'I have read it: sign',
    chooseAll: 'Choose every item first',
  },
  sign: {
    title: 'Sign inside the frame',
    lead: 'Write your name with your finger in the frame below. Undo a stroke or clear it all to start again.',
    confirm: 'Sign and print',
    signing: 'Making the letter…',
    needInk: 'Write your whole signature in the frame',
  },
  done: {
    title: 'Commitment signed',
    number: 'Commitment number: {{number}}',
    validUntil: 'Stands until {{date}}',
    printing: 'Your copy of the letter is printing; please take it. The commitment goes to the credit platform and, once synced, appears under “Credit commitments” in your credit report.',
    printFailed: 'The commitment is recorded, but the copy did not print: {{message}}. Ask at the counter for a copy.',
    another: 'Sign another commitment',
  },
  back: 'Back',
  backToSummary: 'Back to the credit summary',
  errors: {
    ALREADY_COMMITTED: 'You have already signed this same commitment and it still stands: no need to sign it again.',
    INVALID_INPUT: 'The signature or a choice is not valid; please sign again.',
    other: 'The commitment cannot be signed just now; please ask staff.',
  },
  counter: {
    title: 'Sign a credit commitment (in place of papers / accepted with papers missing)',
    lead: 'This item allows a commitment: the applicant chooses a letter, reads it and signs on the pad.',
    kind: 'Letter',
    chooseKind: 'Choose a letter',
    cannotSign: 'The applicant cannot sign: I checked their identity and read the letter to them, and confirm it (recorded in the audit log)',
    sign: 'Sign and make the letter',
    signed: 'Commitment {{number}} signed; stands until {{date}}',
    download: 'Download the letter (PDF) to print',
    NOT_OFFERED: 'This item allows no commitment in place of papers',
  },
  pad: {
    label: 'Signature area: write here with a finger or the mouse',
    strokes: '{{count}} strokes written',
    empty: 'Not signed yet',
    undo: 'Undo a stroke',
    redo: 'Redo a stroke',
    clear: 'Clear all',
    line: 'Signature line',
  },
};
