import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { APPLICATION_STATUSES, GOAL_STATUSES, GROUP_STATUSES, PROGRESS_STATUSES, SEASON_STATUSES } from './domain/workclub-states.js';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from './domain/group-sizes.js';
import { SEASON_DAYS } from './domain/season-calendar.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { APPLICATION_STATUSES, GOAL_STATUSES, GROUP_STATUSES, MAX_GROUP_SIZE, MIN_GROUP_SIZE, PROGRESS_STATUSES, SEASON_DAYS, SEASON_STATUSES };

// A season is planned within the century: a bound that keeps "start + 45 days" a valid date.
const isoDate = z.iso
  .date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) })
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', { error: bilingual({ fr: 'Date entre 2000 et 2099.', en: 'Date between 2000 and 2099.' }) });
const text = (max: number, required: { fr: string; en: string }) =>
  z
    .string({ error: bilingual(required) })
    .trim()
    .min(1, { error: bilingual(required) })
    .max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });
const email = z.string().trim().toLowerCase().pipe(z.email({ error: bilingual({ fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' }) }).max(254));

export const idParams = z.object({ id: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(1).max(2000) });
export const tokenGoalParams = tokenParams.extend({ goalId: z.uuid() });

export const openSeasonBody = z
  .object({
    name: text(120, { fr: 'Nom de la saison obligatoire.', en: 'Season name required.' }),
    applicationsOpenOn: isoDate,
    applicationsCloseOn: isoDate,
    startsOn: isoDate,
    /** Absent: the start + 45 days. */
    endsOn: isoDate.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.applicationsCloseOn < b.applicationsOpenOn) ctx.addIssue({ code: 'custom', path: ['applicationsCloseOn'], message: bilingual({ fr: 'La clôture des candidatures suit leur ouverture.', en: 'Applications close after they open.' }) });
    if (b.startsOn < b.applicationsOpenOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: bilingual({ fr: 'La saison commence après l’ouverture des candidatures.', en: 'The season starts after applications open.' }) });
    if (b.endsOn !== undefined && b.endsOn <= b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: bilingual({ fr: 'La fin suit le début.', en: 'The end comes after the start.' }) });
  });
export type OpenSeasonBody = z.infer<typeof openSeasonBody>;

export const season = z.object({
  id: z.string(),
  name: z.string(),
  applicationsOpenOn: z.string(),
  applicationsCloseOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(SEASON_STATUSES),
});
export type Season = z.infer<typeof season>;
export const seasonList = z.object({ items: z.array(season) });

export const applyBody = z.object({
  projectTitle: text(160, { fr: 'Titre du projet obligatoire.', en: 'Project title required.' }),
  projectDescription: text(4000, { fr: 'Décrivez votre projet.', en: 'Describe your project.' }),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const application = z.object({
  id: z.string(),
  seasonId: z.string(),
  memberId: z.string().nullable(),
  externalParticipantId: z.string().nullable(),
  name: z.string(),
  trades: z.array(z.string()),
  /** The partner company of an external participant. */
  company: z.string().nullable(),
  projectTitle: z.string(),
  projectDescription: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  groupId: z.string().nullable(),
  /** An external participant's link was cut by staff (null for members). */
  linkRevoked: z.boolean().nullable(),
});
export type Application = z.infer<typeof application>;

export const groupSummary = z.object({ id: z.string(), name: z.string(), status: z.enum(GROUP_STATUSES), applicationIds: z.array(z.string()) });
export const seasonDetail = z.object({ season, applications: z.array(application), groups: z.array(groupSummary) });
export type SeasonDetail = z.infer<typeof seasonDetail>;

/** What a member sees of the season in progress: the season, their application, their group. */
export const currentView = z.object({
  season: season.nullable(),
  application: application.nullable(),
  groupId: z.string().nullable(),
  /** False for staff without a member record: they run seasons, they don't apply. */
  canApply: z.boolean(),
});
export type CurrentView = z.infer<typeof currentView>;

export const proposalQuery = z.object({ seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1) });
export const proposal = z.object({
  seed: z.number().int(),
  rule: z.string(),
  groups: z.array(z.object({ applicationIds: z.array(z.string()), distinctTrades: z.number().int() })),
});
export type Proposal = z.infer<typeof proposal>;

export const confirmGroupsBody = z.object({
  groups: z
    .array(z.object({ applicationIds: z.array(z.uuid()).min(2, { error: bilingual({ fr: 'Un groupe compte au moins 2 personnes.', en: 'A group has 2 people at least.' }) }).max(8, { error: bilingual({ fr: 'Un groupe compte 8 personnes au plus.', en: 'A group has 8 people at most.' }) }) }))
    .min(1, { error: bilingual({ fr: 'Au moins un groupe.', en: 'At least one group.' }) })
    .max(200),
});
export type ConfirmGroupsBody = z.infer<typeof confirmGroupsBody>;

export const moveParticipantBody = z.object({ participantId: z.uuid(), toGroupId: z.uuid() });
export type MoveParticipantBody = z.infer<typeof moveParticipantBody>;

export const inviteExternalBody = z.object({
  name: text(200, { fr: 'Nom obligatoire.', en: 'Name required.' }),
  email,
  company: text(200, { fr: 'Entreprise obligatoire.', en: 'Company required.' }),
  projectTitle: applyBody.shape.projectTitle,
  projectDescription: applyBody.shape.projectDescription,
  /** Set once the groups are formed: the person joins this group straight away. */
  groupId: z.uuid().optional(),
});
export type InviteExternalBody = z.infer<typeof inviteExternalBody>;
export const invitation = z.object({ externalParticipantId: z.string(), applicationId: z.string(), mailId: z.string() });

export const scheduleSessionBody = z.object({
  startsAt: z.iso.datetime({ offset: true, error: bilingual({ fr: 'Date et heure invalides (ISO 8601 avec fuseau).', en: 'Invalid date and time (ISO 8601 with offset).' }) }),
  durationMinutes: z.number().int().min(15, { error: bilingual({ fr: '15 minutes au moins.', en: '15 minutes at least.' }) }).max(480, { error: bilingual({ fr: '8 heures au plus.', en: '8 hours at most.' }) }).default(120),
  place: text(300, { fr: 'Lieu ou lien obligatoire.', en: 'Place or link required.' }),
});
export type ScheduleSessionBody = z.input<typeof scheduleSessionBody>;

/** A moved session: any of its time, length or place. */
export const rescheduleSessionBody = z
  .object({ startsAt: scheduleSessionBody.shape.startsAt.optional(), durationMinutes: z.number().int().min(15, { error: bilingual({ fr: '15 minutes au moins.', en: '15 minutes at least.' }) }).max(480, { error: bilingual({ fr: '8 heures au plus.', en: '8 hours at most.' }) }).optional(), place: scheduleSessionBody.shape.place.optional() })
  .refine((b) => b.startsAt !== undefined || b.durationMinutes !== undefined || b.place !== undefined, { error: bilingual({ fr: 'Rien à modifier.', en: 'Nothing to change.' }) });
export type RescheduleSessionBody = z.infer<typeof rescheduleSessionBody>;

/** A guest's access after staff cut it or invited them again (the mail of the new link). */
export const guestLinkState = z.object({ externalParticipantId: z.string(), linkRevoked: z.boolean(), mailId: z.string().nullable() });
export type GuestLinkState = z.infer<typeof guestLinkState>;

export const session = z.object({ id: z.string(), startsAt: z.date(), durationMinutes: z.number().int(), place: z.string() });
export type Session = z.infer<typeof session>;

export const goalBody = z.object({ text: text(500, { fr: 'Objectif obligatoire.', en: 'Goal required.' }) });
export const updateGoalBody = z
  .object({ text: goalBody.shape.text.optional(), status: z.enum(GOAL_STATUSES).optional() })
  .refine((b) => b.text !== undefined || b.status !== undefined, { error: bilingual({ fr: 'Rien à modifier.', en: 'Nothing to change.' }) });
export type UpdateGoalBody = z.infer<typeof updateGoalBody>;

export const progressBody = z.object({
  sessionId: z.uuid(),
  report: text(4000, { fr: 'Dites où vous en êtes.', en: 'Say where you stand.' }),
  status: z.enum(PROGRESS_STATUSES),
});
export type ProgressBody = z.infer<typeof progressBody>;

export const closeGroupBody = z.object({
  reviews: z
    .array(
      z.object({
        participantId: z.uuid(),
        achieved: text(4000, { fr: 'Dites ce que le projet a accompli.', en: 'Say what the project achieved.' }),
        rating: z.number().int().min(1, { error: bilingual({ fr: 'Note de 1 à 5.', en: 'Rating from 1 to 5.' }) }).max(5, { error: bilingual({ fr: 'Note de 1 à 5.', en: 'Rating from 1 to 5.' }) }),
      }),
    )
    .min(1)
    .max(8),
});
export type CloseGroupBody = z.infer<typeof closeGroupBody>;

export const goal = z.object({ id: z.string(), text: z.string(), status: z.enum(GOAL_STATUSES) });
export const participant = z.object({
  id: z.string(),
  name: z.string(),
  trades: z.array(z.string()),
  company: z.string().nullable(),
  external: z.boolean(),
  projectTitle: z.string(),
  projectDescription: z.string(),
  goals: z.array(goal),
  progress: z.array(z.object({ sessionId: z.string(), report: z.string(), status: z.enum(PROGRESS_STATUSES) })),
  review: z.object({ achieved: z.string(), rating: z.number().int() }).nullable(),
});
export type Participant = z.infer<typeof participant>;

export const groupView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(GROUP_STATUSES),
  season: season.pick({ id: true, name: true, startsOn: true, endsOn: true, status: true }),
  participants: z.array(participant),
  sessions: z.array(session),
  /** The sessions the 45-day rhythm proposes (kickoff, every two weeks, review), for staff scheduling. */
  proposedDates: z.array(z.object({ date: z.string(), kind: z.enum(['kickoff', 'work', 'review']) })),
  /** The reader's own participant id in this group (null for staff). */
  me: z.string().nullable(),
  /** The group's other groups of the season, where staff may move someone. */
  otherGroups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type GroupView = z.infer<typeof groupView>;
