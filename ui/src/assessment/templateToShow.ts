// The template the Assessment tab opens on when a flag elsewhere (Today, History) names one: set
// just before the tab opens, read once by the tab, so the next visit starts on the default again.
let requested: string | null = null;

export function showTemplateNext(templateId: string): void {
  requested = templateId;
}

export function takeTemplateToShow(): string | null {
  const id = requested;
  requested = null;
  return id;
}
