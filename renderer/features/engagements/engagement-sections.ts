/**
 * The engagement page is split into sections, each at its own address
 * (`#/engagements/<id>/<section>`) so a link, the back button and a reload keep the place.
 */
export const engagementSections = [
  { key: 'overview', label: 'Overview' },
  { key: 'risks', label: 'Risks' },
  { key: 'kpis', label: 'KPIs' },
  { key: 'checkpoints', label: 'Checkpoints' },
  { key: 'decisions', label: 'Decisions' },
  { key: 'actions', label: 'Actions' },
  { key: 'levels', label: 'Governance levels' },
  { key: 'teams', label: 'Teams and roles' },
  { key: 'rituals', label: 'Rituals' },
  { key: 'standards', label: 'Standards' },
  { key: 'communication', label: 'Communication' },
  { key: 'escalations', label: 'Escalations' },
] as const;
export type EngagementSectionKey = (typeof engagementSections)[number]['key'];

export const isSectionKey = (value: string | undefined): value is EngagementSectionKey =>
  engagementSections.some((section) => section.key === value);

export const engagementSectionHref = (engagementId: string, section: EngagementSectionKey) =>
  section === 'overview' ? `/engagements/${engagementId}` : `/engagements/${engagementId}/${section}`;
