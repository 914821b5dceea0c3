// Reading the branding form: contact lines are typed one per line, the colour as #RRGGBB.
import type { BrandingInput, CoachProfile } from '../lib/bindings';

/** The form's values: every field present (the core fills a missing one with its default). */
export type BrandingForm = Required<BrandingInput>;

export function inputFromProfile(profile: CoachProfile): BrandingForm {
  return {
    coach_name: profile.coach_name,
    practice_name: profile.practice_name,
    contact_lines: profile.contact_lines,
    accent_colour: profile.accent_colour,
    sign_off: profile.sign_off,
  };
}

/** The lines of the contact box; blank lines are dropped (the core does the same). */
export function contactLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** True for a colour the colour picker can show (`#RRGGBB`). */
export function isHexColour(text: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(text.trim());
}

/** The field names the core uses, mapped to the ids of their controls. */
export const BRANDING_FIELD_IDS: Record<keyof BrandingInput, string> = {
  coach_name: 'branding-coach-name',
  practice_name: 'branding-practice-name',
  contact_lines: 'branding-contact-lines',
  accent_colour: 'branding-accent',
  sign_off: 'branding-sign-off',
};
