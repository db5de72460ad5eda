import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { getCoop } from '../coops/index.js';
import { applyToSeason, withdrawApplication } from './apply-to-season.js';
import { closeGroup } from './close-group.js';
import { confirmGroups } from './confirm-groups.js';
import {
  application,
  applyBody,
  closeGroupBody,
  confirmGroupsBody,
  currentView,
  goalBody,
  groupView,
  idParams,
  invitation,
  inviteExternalBody,
  moveParticipantBody,
  openSeasonBody,
  progressBody,
  proposal,
  proposalQuery,
  guestLinkState,
  rescheduleSessionBody,
  scheduleSessionBody,
  season,
  seasonDetail,
  seasonList,
  session,
  tokenGoalParams,
  tokenParams,
  updateGoalBody,
} from './contract.js';
import { getGroup } from './get-group.js';
import { groupCalendar } from './group-calendar.js';
import { guestOfToken } from './guest-access.js';
import { inviteExternal } from './invite-external.js';
import { currentSeason, getSeasonDetail, listSeasons } from './list-seasons.js';
import { moveParticipant } from './move-participant.js';
import { openSeason } from './open-season.js';
import { proposeSeasonGroups } from './propose-season-groups.js';
import { reinviteGuest } from './reinvite-guest.js';
import { rescheduleSession } from './reschedule-session.js';
import { revokeGuestLink } from './revoke-guest-link.js';
import { scheduleSession } from './schedule-session.js';
import { workclubErrors } from './errors.js';
import { readerOf } from './workclub-access.js';
import { reportProgress, setGoal, updateGoal } from './work-in-group.js';

const tags = ['workclubs'];
/** The coop's team runs seasons and forms groups. */
const team = ['admin', 'staff'] as const;
/** Members take part; the team reads every group. */
const people = ['admin', 'staff', 'member'] as const;
const goalParams = z.object({ id: z.uuid() });
/** What the guest page shows: their group, or nothing yet while groups are being formed. */
const guestView = z.object({ group: groupView.nullable() });

export async function workclubRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const publicUrl = () => app.deps.config.publicUrl;
  const mailDeps = () => ({ storage: app.deps.storage, publicUrl: publicUrl() });
  const sendCalendar = (reply: FastifyReply, file: { fileName: string; content: string }) =>
    reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.content);

  app.get('/seasons', { config: { access: people }, schema: { tags, summary: 'Workclub seasons, the latest first', response: { 200: seasonList, ...errorResponses } } }, async (req) => ({ items: await listSeasons(db, actorOf(req).coopId) }));

  app.post(
    '/seasons',
    { config: { access: team }, schema: { tags, summary: 'Open a season to applications (it runs 45 days from its start unless the end is given)', body: openSeasonBody, response: { 201: season, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await openSeason(db, actorOf(req), req.body)),
  );

  app.get('/current', { config: { access: people }, schema: { tags, summary: 'The season in progress, my application and my group', response: { 200: currentView, ...errorResponses } } }, async (req) => currentSeason(db, actorOf(req)));

  app.get('/seasons/:id', { config: { access: team }, schema: { tags, summary: "A season's applications and groups", params: idParams, response: { 200: seasonDetail, ...errorResponses } } }, async (req) => getSeasonDetail(db, actorOf(req).coopId, req.params.id));

  app.post(
    '/seasons/:id/applications',
    { config: { access: ['member'] }, schema: { tags, summary: 'Apply with my project (again: rewrite it, or come back after withdrawing)', params: idParams, body: applyBody, response: { 201: application, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await applyToSeason(db, actorOf(req), req.params.id, req.body, todayFromClock())),
  );

  app.post(
    '/seasons/:id/applications/withdraw',
    { config: { access: ['member'] }, schema: { tags, summary: 'Withdraw my application while applications are open', params: idParams, response: { 200: application, ...errorResponses } } },
    async (req) => withdrawApplication(db, actorOf(req), req.params.id, todayFromClock()),
  );

  app.get(
    '/seasons/:id/proposal',
    { config: { access: team }, schema: { tags, summary: 'The groups the platform proposes (mixing trades); another seed, another proposal', params: idParams, querystring: proposalQuery, response: { 200: proposal, ...errorResponses } } },
    async (req) => proposeSeasonGroups(db, actorOf(req).coopId, req.params.id, req.query.seed, actorOf(req).locale),
  );

  app.post(
    '/seasons/:id/groups',
    { config: { access: team }, schema: { tags, summary: 'Confirm the groups (everyone standing placed once); the season starts running', params: idParams, body: confirmGroupsBody, response: { 200: seasonDetail, ...errorResponses } } },
    async (req) => confirmGroups(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/seasons/:id/guests',
    { config: { access: team }, schema: { tags, summary: 'Invite a person of a partner company by mail (no account: a signed link to their group)', params: idParams, body: inviteExternalBody, response: { 201: invitation, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await inviteExternal(db, actorOf(req), req.params.id, req.body, publicUrl())),
  );

  app.get('/groups/:id', { config: { access: people }, schema: { tags, summary: 'A group: its people, sessions, goals and reports (a member reads only their own group)', params: idParams, response: { 200: groupView, ...errorResponses } } }, async (req) => getGroup(db, await readerOf(db, actorOf(req)), req.params.id));

  app.get(
    '/groups/:id/calendar.ics',
    { config: { access: people }, schema: { tags, summary: "The group's sessions as an iCalendar file", params: idParams, response: { 200: z.unknown().describe('text/calendar'), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const coop = await getCoop(db, actor.coopId);
      return sendCalendar(reply, await groupCalendar(db, await readerOf(db, actor), req.params.id, coop.name));
    },
  );

  app.post(
    '/groups/:id/move',
    { config: { access: team }, schema: { tags, summary: 'Move one person to another group of the season', params: idParams, body: moveParticipantBody, response: { 200: groupView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await moveParticipant(db, actor, req.params.id, req.body);
      return getGroup(db, { coopId: actor.coopId, team: true }, req.params.id);
    },
  );

  app.post(
    '/groups/:id/sessions',
    { config: { access: team }, schema: { tags, summary: 'Schedule a session of the group', params: idParams, body: scheduleSessionBody, response: { 201: session, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await scheduleSession(db, mailDeps(), actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/sessions/:id',
    { config: { access: team }, schema: { tags, summary: 'Move a session (time, length or place); the participants are mailed the updated calendar', params: idParams, body: rescheduleSessionBody, response: { 200: session, ...errorResponses } } },
    async (req) => rescheduleSession(db, mailDeps(), actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/guests/:id/revoke',
    { config: { access: team }, schema: { tags, summary: "Cut a guest's access: their link stops opening their group", params: idParams, response: { 200: guestLinkState, ...errorResponses } } },
    async (req) => revokeGuestLink(db, actorOf(req), req.params.id),
  );

  app.post(
    '/guests/:id/reinvite',
    { config: { access: team }, schema: { tags, summary: 'Invite a guest again: a new link by mail, every older link stops working', params: idParams, response: { 200: guestLinkState, ...errorResponses } } },
    async (req) => reinviteGuest(db, actorOf(req), req.params.id, publicUrl()),
  );

  app.post(
    '/groups/:id/goals',
    { config: { access: ['member'] }, schema: { tags, summary: 'Set one of my goals', params: idParams, body: goalBody, response: { 201: groupView, ...errorResponses } } },
    async (req, reply) => {
      const reader = await readerOf(db, { ...actorOf(req), roles: ['member'] });
      await setGoal(db, reader, req.params.id, req.body.text);
      return reply.status(201).send(await getGroup(db, reader, req.params.id));
    },
  );

  app.patch(
    '/goals/:id',
    { config: { access: ['member'] }, schema: { tags, summary: 'Rewrite my goal, or mark it achieved, dropped or open again', params: goalParams, body: updateGoalBody, response: { 200: groupView, ...errorResponses } } },
    async (req) => {
      const reader = await readerOf(db, { ...actorOf(req), roles: ['member'] });
      const { groupId } = await updateGoal(db, reader, req.params.id, req.body);
      return getGroup(db, reader, groupId);
    },
  );

  app.put(
    '/groups/:id/progress',
    { config: { access: ['member'] }, schema: { tags, summary: 'Report my progress at a session (again: rewrite it)', params: idParams, body: progressBody, response: { 200: groupView, ...errorResponses } } },
    async (req) => {
      const reader = await readerOf(db, { ...actorOf(req), roles: ['member'] });
      await reportProgress(db, reader, req.params.id, req.body);
      return getGroup(db, reader, req.params.id);
    },
  );

  app.post(
    '/groups/:id/close',
    { config: { access: team }, schema: { tags, summary: 'Close the group with the review of each project', params: idParams, body: closeGroupBody, response: { 200: groupView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await closeGroup(db, actor, req.params.id, req.body);
      return getGroup(db, { coopId: actor.coopId, team: true }, req.params.id);
    },
  );
}

/** The guest's page, reached by their signed link: no session, the link is the credential. */
export async function workclubGuestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const guestTags = ['workclubs', 'portal'];
  const inGroup = async (token: string) => {
    const guest = await guestOfToken(db, token, new Date());
    if (!guest.groupId) throw workclubErrors.GROUP_NOT_FOUND();
    return { reader: guest.reader, groupId: guest.groupId };
  };

  app.get('/:token', { config: { access: 'public' }, schema: { tags: guestTags, summary: "A guest's group page", params: tokenParams, response: { 200: guestView, ...errorResponses } } }, async (req) => {
    const guest = await guestOfToken(db, req.params.token, new Date());
    return { group: guest.groupId ? await getGroup(db, guest.reader, guest.groupId) : null };
  });

  app.post('/:token/goals', { config: { access: 'public' }, schema: { tags: guestTags, summary: 'The guest sets a goal', params: tokenParams, body: goalBody, response: { 201: guestView, ...errorResponses } } }, async (req, reply) => {
    const { reader, groupId } = await inGroup(req.params.token);
    await setGoal(db, reader, groupId, req.body.text);
    return reply.status(201).send({ group: await getGroup(db, reader, groupId) });
  });

  app.patch('/:token/goals/:goalId', { config: { access: 'public' }, schema: { tags: guestTags, summary: 'The guest changes a goal', params: tokenGoalParams, body: updateGoalBody, response: { 200: guestView, ...errorResponses } } }, async (req) => {
    const { reader, groupId } = await inGroup(req.params.token);
    await updateGoal(db, reader, req.params.goalId, req.body);
    return { group: await getGroup(db, reader, groupId) };
  });

  app.put('/:token/progress', { config: { access: 'public' }, schema: { tags: guestTags, summary: 'The guest reports progress at a session', params: tokenParams, body: progressBody, response: { 200: guestView, ...errorResponses } } }, async (req) => {
    const { reader, groupId } = await inGroup(req.params.token);
    await reportProgress(db, reader, groupId, req.body);
    return { group: await getGroup(db, reader, groupId) };
  });
}
