/**
 * The words of the generated workspaces: fictional companies, people, risks and
 * decisions that read like a real portfolio. Every company here is invented.
 */
import type { SourcingModel } from '../domain/engagement';

export interface TeamBlueprint {
  name: string;
  scope: string;
  size: number;
  location: string;
  timeZone: string;
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export interface EngagementBlueprint {
  name: string;
  client: string;
  partner: string;
  sourcingModel: SourcingModel;
  clientTimeZone: string;
  clientStart: number;
  clientEnd: number;
  lead: string;
  confidentialityLabel: string;
  description: string;
  teams: TeamBlueprint[];
  /** Names drawn from for each side, in order: the first client name is the engagement lead. */
  clientNames: string[];
  partnerNames: string[];
}

export const demoBlueprints: EngagementBlueprint[] = [
  {
    name: 'Harborline payments platform',
    client: 'Harborline Financial',
    partner: 'Pampa Digital',
    sourcingModel: 'nearshoring',
    clientTimeZone: 'America/New_York',
    clientStart: 9 * 60,
    clientEnd: 17 * 60 + 30,
    lead: 'Rachel Okafor',
    confidentialityLabel: 'Confidential: Harborline and Pampa Digital only',
    description: 'Rebuild of the card payments and customer onboarding platform, delivered with two nearshore squads.',
    teams: [
      {
        name: 'Payments Core',
        scope: 'Authorisation, clearing and settlement services',
        size: 7,
        location: 'Buenos Aires',
        timeZone: 'America/Argentina/Buenos_Aires',
        start: 9 * 60,
        end: 18 * 60,
      },
      {
        name: 'Onboarding and KYC',
        scope: 'Customer onboarding flows and identity checks',
        size: 6,
        location: 'Bogotá',
        timeZone: 'America/Bogota',
        start: 8 * 60,
        end: 17 * 60,
      },
      {
        name: 'Mobile Wallet',
        scope: 'iOS and Android wallet features',
        size: 4,
        location: 'Buenos Aires',
        timeZone: 'America/Argentina/Buenos_Aires',
        start: 10 * 60,
        end: 19 * 60,
      },
    ],
    clientNames: ['Rachel Okafor', 'Tom Brennan', 'Priya Raman', 'Marcus Hale'],
    partnerNames: [
      'Martín Sosa',
      'Valentina Ruiz',
      'Diego Fernández',
      'Camila Restrepo',
      'Andrés Gómez',
      'Lucía Benítez',
      'Santiago Ortiz',
      'Julieta Romero',
    ],
  },
  {
    name: 'Thameside claims replatforming',
    client: 'Thameside Insurance Group',
    partner: 'Kaveri Software Services',
    sourcingModel: 'offshoring',
    clientTimeZone: 'Europe/London',
    clientStart: 9 * 60,
    clientEnd: 17 * 60 + 30,
    lead: 'Eleanor Whitcombe',
    confidentialityLabel: 'Commercial in confidence',
    description: 'Move of motor and home claims handling from the mainframe to a cloud claims engine, with an offshore team in Bangalore.',
    teams: [
      {
        name: 'Claims Engine',
        scope: 'Claims workflow, fraud rules and payments to garages',
        size: 8,
        location: 'Bangalore',
        timeZone: 'Asia/Kolkata',
        start: 10 * 60,
        end: 19 * 60,
      },
      {
        name: 'Data and Reporting',
        scope: 'Claims data migration, regulatory and management reporting',
        size: 5,
        location: 'Bangalore',
        timeZone: 'Asia/Kolkata',
        start: 11 * 60,
        end: 20 * 60,
      },
    ],
    clientNames: ['Eleanor Whitcombe', 'James Pryce', 'Fiona MacLeod', 'Oliver Grant'],
    partnerNames: ['Anand Krishnan', 'Divya Menon', 'Rahul Deshpande', 'Sneha Iyer', 'Karthik Rao', 'Meera Nair', 'Vikram Joshi'],
  },
  {
    name: 'Spreewerk warehouse integrations',
    client: 'Spreewerk Logistik',
    partner: 'Vistula Engineering',
    sourcingModel: 'staff-augmentation',
    clientTimeZone: 'Europe/Berlin',
    clientStart: 8 * 60,
    clientEnd: 16 * 60 + 30,
    lead: 'Katrin Vogel',
    confidentialityLabel: 'Internal: Spreewerk',
    description: "Engineers from Kraków joining Spreewerk's own teams to connect warehouses and carriers.",
    teams: [
      {
        name: 'Route Optimisation',
        scope: 'Delivery route planning service',
        size: 3,
        location: 'Kraków',
        timeZone: 'Europe/Warsaw',
        start: 8 * 60,
        end: 16 * 60,
      },
      {
        name: 'Carrier Integrations',
        scope: 'Carrier APIs and label printing',
        size: 5,
        location: 'Kraków',
        timeZone: 'Europe/Warsaw',
        start: 9 * 60,
        end: 17 * 60,
      },
    ],
    clientNames: ['Katrin Vogel', 'Jonas Albrecht', 'Miriam Scholz'],
    partnerNames: ['Piotr Nowak', 'Agnieszka Wójcik', 'Tomasz Zieliński', 'Magdalena Kaczmarek', 'Paweł Lewandowski'],
  },
];

/** Places a partner team can sit, for the stress workspace. */
export const teamLocations: Array<{ location: string; timeZone: string }> = [
  { location: 'Buenos Aires', timeZone: 'America/Argentina/Buenos_Aires' },
  { location: 'Bogotá', timeZone: 'America/Bogota' },
  { location: 'Mexico City', timeZone: 'America/Mexico_City' },
  { location: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { location: 'Montevideo', timeZone: 'America/Montevideo' },
  { location: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { location: 'Pune', timeZone: 'Asia/Kolkata' },
  { location: 'Manila', timeZone: 'Asia/Manila' },
  { location: 'Ho Chi Minh City', timeZone: 'Asia/Ho_Chi_Minh' },
  { location: 'Kraków', timeZone: 'Europe/Warsaw' },
  { location: 'Bucharest', timeZone: 'Europe/Bucharest' },
  { location: 'Lisbon', timeZone: 'Europe/Lisbon' },
  { location: 'Cairo', timeZone: 'Africa/Cairo' },
];

export const clientLocations: Array<{ city: string; timeZone: string }> = [
  { city: 'New York', timeZone: 'America/New_York' },
  { city: 'Chicago', timeZone: 'America/Chicago' },
  { city: 'San Francisco', timeZone: 'America/Los_Angeles' },
  { city: 'Toronto', timeZone: 'America/Toronto' },
  { city: 'London', timeZone: 'Europe/London' },
  { city: 'Berlin', timeZone: 'Europe/Berlin' },
  { city: 'Amsterdam', timeZone: 'Europe/Amsterdam' },
  { city: 'Sydney', timeZone: 'Australia/Sydney' },
];

export const companyStems = [
  'Alder',
  'Basalt',
  'Cobalt',
  'Dunmore',
  'Elmstead',
  'Fairhaven',
  'Granite',
  'Hollis',
  'Ironbridge',
  'Juniper',
  'Kestrel',
  'Larkspur',
  'Meridian',
  'Norland',
  'Oakridge',
  'Pinecrest',
  'Quarry',
  'Redfern',
  'Stonegate',
  'Tidewater',
];
export const clientSuffixes = ['Bank', 'Insurance', 'Retail', 'Health', 'Energy', 'Logistics', 'Media', 'Telecom'];
export const partnerSuffixes = ['Software', 'Digital', 'Engineering', 'Labs', 'Technologies', 'Systems'];
export const programmeNames = [
  'platform rebuild',
  'cloud migration',
  'mobile banking',
  'data platform',
  'customer portal',
  'billing modernisation',
  'API programme',
  'claims engine',
];
export const squadNames = ['Atlas', 'Beacon', 'Comet', 'Delta', 'Ember', 'Falcon', 'Glacier', 'Harbor', 'Iris', 'Jade', 'Kite', 'Lumen'];
export const squadScopes = [
  'Customer accounts',
  'Payments',
  'Search and catalogue',
  'Notifications',
  'Reporting',
  'Identity and access',
  'Pricing',
  'Integrations',
];

export const firstNames = [
  'Alex',
  'Sam',
  'Jordan',
  'Taylor',
  'Morgan',
  'Chris',
  'Ana',
  'Luis',
  'Sofía',
  'Mateo',
  'Aarav',
  'Ishita',
  'Rohan',
  'Kavya',
  'Emma',
  'Noah',
  'Olivia',
  'Liam',
  'Zofia',
  'Jakub',
  'Ioana',
  'Andrei',
  'Mai',
  'Minh',
  'Grace',
  'Daniel',
  'Nadia',
  'Omar',
];
export const lastNames = [
  'Smith',
  'Garcia',
  'Patel',
  'Nguyen',
  'Kowalski',
  'Popescu',
  'Silva',
  'Khan',
  'Müller',
  'Brown',
  'Rossi',
  'Santos',
  'Sharma',
  'Reyes',
  'Novak',
  'Haddad',
  'Walsh',
  'Costa',
  'Iyer',
  'Morales',
];

export interface RiskTemplate {
  title: string;
  category: string;
  cause: string;
  trigger: string;
  description: string;
}

export const riskTemplates: RiskTemplate[] = [
  {
    title: 'Acceptance criteria unclear when stories enter the sprint',
    category: 'operational',
    cause: 'Refinement happens too late for the partner team to ask questions across time zones.',
    trigger: 'More than two stories per sprint re-opened after review.',
    description: 'Stories are started with open questions, so work is redone once the product owner answers.',
  },
  {
    title: 'Dependency on the client identity team is not sequenced',
    category: 'operational',
    cause: 'The identity team plans its quarter without our roadmap.',
    trigger: 'A story blocked on identity work for more than three days.',
    description: 'Features that need changes to the shared identity service wait on another team without an agreed date.',
  },
  {
    title: 'Team capacity cut by partner holidays',
    category: 'operational',
    cause: 'Public holidays in the partner country do not match the client calendar.',
    trigger: 'Sprint capacity below 80% of the plan.',
    description: 'Several holidays in the coming quarter reduce partner capacity in the middle of a release.',
  },
  {
    title: 'Business priorities shift mid-quarter',
    category: 'organizational',
    cause: 'Executive sponsors change the roadmap after the quarterly review.',
    trigger: 'More than 20% of sprint scope replaced after planning.',
    description: 'Frequent re-prioritisation leaves half-finished features and lowers predictability.',
  },
  {
    title: 'Scope grows without change control',
    category: 'organizational',
    cause: 'Requests arrive directly to engineers rather than through the backlog.',
    trigger: 'Work items without a ticket discovered in review.',
    description: 'Informal requests bypass the product owner and erode the committed scope.',
  },
  {
    title: 'Client sponsor leaves the organisation',
    category: 'organizational',
    cause: 'Announced reorganisation of the digital division.',
    trigger: 'Sponsor misses two steering committees in a row.',
    description: 'Losing the executive sponsor would slow decisions on budget and scope.',
  },
  {
    title: 'Architecture decisions are not written down',
    category: 'communication',
    cause: 'Decisions are taken in calls without ADRs.',
    trigger: 'The same design question raised twice in a month.',
    description: 'Teams rediscover past decisions and revisit them, costing time and creating drift.',
  },
  {
    title: 'Knowledge of the settlement batch held by one engineer',
    category: 'communication',
    cause: 'Only one partner engineer has worked on the batch jobs.',
    trigger: 'That engineer on leave or assigned elsewhere.',
    description: 'If the engineer leaves, nobody can safely change or support the nightly settlement batch.',
  },
  {
    title: 'Status reported differently by each side',
    category: 'communication',
    cause: 'Client and partner use separate trackers and definitions of done.',
    trigger: 'Steering committee sees conflicting progress figures.',
    description: 'Two versions of the truth undermine trust in the delivery reports.',
  },
  {
    title: 'Architectural drift between squads',
    category: 'technical',
    cause: 'Squads choose libraries and patterns independently.',
    trigger: 'Architecture review finds a third way of doing the same thing.',
    description: 'Diverging designs raise maintenance cost and make moving people between squads harder.',
  },
  {
    title: 'Technical debt in the legacy adapter',
    category: 'technical',
    cause: 'Deadline pressure during the first releases.',
    trigger: 'Cycle time for adapter changes doubles.',
    description: 'Shortcuts taken in the adapter slow every feature that touches it.',
  },
  {
    title: 'Quality regression after the framework upgrade',
    category: 'technical',
    cause: 'Test coverage of the checkout flow is thin.',
    trigger: 'QA pass rate below 85% for two sprints.',
    description: 'The upgrade may break flows that automated tests do not cover.',
  },
  {
    title: 'Repositories created under the partner organisation',
    category: 'ip-and-code-ownership',
    cause: 'The partner started work before the client set up its source control.',
    trigger: 'A new repository found outside the client organisation.',
    description: 'Code, pipelines and history sit in accounts the client does not control; hand-over on exit would be contested.',
  },
  {
    title: 'Release signing keys held by the partner',
    category: 'ip-and-code-ownership',
    cause: 'The partner set up the mobile release pipeline.',
    trigger: 'Client cannot sign a release without partner help.',
    description: 'Without the signing keys the client cannot ship the apps if the relationship ends.',
  },
  {
    title: 'Shared accounts on the staging environment',
    category: 'data-security-and-access',
    cause: 'A generic admin login was created for speed.',
    trigger: 'Audit log shows actions by the shared account.',
    description: 'Actions cannot be traced to a person, and leavers keep access.',
  },
  {
    title: 'Production data copied to test environments',
    category: 'data-security-and-access',
    cause: 'Realistic test data was needed for performance testing.',
    trigger: 'Customer records found in a non-production database.',
    description: 'Personal data outside production breaks the data processing agreement.',
  },
  {
    title: 'Partner laptops not enrolled in device management',
    category: 'data-security-and-access',
    cause: 'New joiners start before devices are provisioned.',
    trigger: 'Access from an unmanaged device in the sign-in logs.',
    description: 'Unmanaged devices with repository and cloud access increase the risk of a leak.',
  },
  {
    title: 'Subcontractor engaged without approval',
    category: 'jurisdiction-and-enforceability',
    cause: 'The partner filled a skills gap through a third company.',
    trigger: 'Unknown company domain in commit e-mail addresses.',
    description: 'Work by an unapproved subcontractor is not covered by the confidentiality and IP terms.',
  },
  {
    title: 'Governing law of the contract untested for IP disputes',
    category: 'jurisdiction-and-enforceability',
    cause: 'The master agreement names the partner country as venue.',
    trigger: 'Any dispute over deliverables or ownership.',
    description: 'Enforcing ownership of code in a foreign venue would be slow and costly.',
  },
  {
    title: 'Senior engineer replaced without notice',
    category: 'organizational',
    cause: 'The partner moves experienced engineers to new accounts.',
    trigger: 'Unannounced change in the team roster.',
    description: 'Replacing a senior engineer silently loses context and slows the squad for weeks.',
  },
];

export const decisionTemplates: Array<{ title: string; decision: string; whyNow: string; doneMeans: string }> = [
  {
    title: 'Adopt trunk-based development for all squads',
    decision: 'All squads merge to main at least daily behind feature flags.',
    whyNow: 'Long-lived branches caused three painful merges last quarter.',
    doneMeans: 'No branch older than two days in any repository for a full sprint.',
  },
  {
    title: 'Move repositories into the client organisation',
    decision: 'Every repository and pipeline moves to the client source-control organisation; partner engineers get member access.',
    whyNow: 'Ownership of code must be clear before the contract renewal.',
    doneMeans: 'All repositories transferred, partner organisation archived, signing keys in the client vault.',
  },
  {
    title: 'Introduce a weekly dependency sync',
    decision: 'Delivery managers meet weekly to sequence cross-team work.',
    whyNow: 'Two features slipped on dependencies nobody had sequenced.',
    doneMeans: 'Dependency board reviewed every week for a quarter.',
  },
  {
    title: 'Set a definition of ready for stories',
    decision: 'A story enters a sprint only with acceptance criteria, designs and test data.',
    whyNow: 'Rework frequency rose for three sprints in a row.',
    doneMeans: 'Rework frequency below 10% for three sprints.',
  },
  {
    title: 'Replace shared staging accounts with named access',
    decision: 'Staging access only through single sign-on with named accounts and MFA.',
    whyNow: 'An audit found actions that could not be traced to a person.',
    doneMeans: 'Shared accounts disabled; audit log shows named users only.',
  },
  {
    title: 'Fund a platform team for common services',
    decision: 'A two-squad platform team owns authentication, observability and CI templates.',
    whyNow: 'Each squad was solving the same problems differently.',
    doneMeans: 'Platform team staffed and owning the three services.',
  },
  {
    title: 'Shift the daily sync to the overlap window',
    decision: 'The daily sync moves to the start of the shared working hours.',
    whyNow: 'Offshore engineers were joining the sync after their working day.',
    doneMeans: 'Sync attendance above 90% for a month.',
  },
  {
    title: 'Approve the release train calendar',
    decision: 'Production releases every second Tuesday with a code freeze on Friday.',
    whyNow: 'Ad hoc releases collided with the client change freeze.',
    doneMeans: 'Six consecutive releases shipped on the calendar.',
  },
];

export const actionTitles = [
  'Write the ADR for the event bus choice',
  'Enrol new partner laptops in device management',
  'Agree sprint sequencing with the identity team',
  'Add contract tests for the settlement API',
  'Pair a second engineer on the settlement batch',
  'Publish the dependency board to both trackers',
  'Prepare the capacity plan for the holiday period',
  'Move the mobile signing keys to the client vault',
  'Draft the definition of ready and circulate it',
  'Review access of leavers on staging',
  'Set up the escalation channel and its rota',
  'Schedule the architecture review of the claims engine',
  'Clean up the flaky checkout tests',
  'Confirm the subcontractor list with procurement',
  'Share the quarterly roadmap with the partner leads',
  'Measure handoff delay between the two squads',
];
