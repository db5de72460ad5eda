import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { billMonthlyFees } from './bill-monthly-fees.js';
import { buildCollection, listCollectable, listCollections, openCollectionFile } from './collections.js';
import {
  amendMandateBody,
  billMonthBody,
  billMonthResult,
  buildCollectionBody,
  collectable,
  collection,
  collectionList,
  createMandateBody,
  feeSettingsView,
  idParams,
  mandate,
  mandateList,
  markFeePaidBody,
  memberFee,
  memberFeeListQuery,
  memberFeeOverrideBody,
  memberFeePage,
  memberParams,
  revokeMandateBody,
  settleDebitBody,
  updateFeeSettingsBody,
} from './contract.js';
import { setMemberFee } from './fee-overrides.js';
import { getFeeSettings, updateFeeSettings } from './fee-settings.js';
import { getFee, listFees, openFeeInvoice } from './list-fees.js';
import { amendMandate, createMandate, listMandates, revokeMandateByStaff } from './mandates.js';
import { markFeePaid, recordDebitOutcomeByStaff } from './settle-debit.js';

const tags = ['fees'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** The coop's team and its accountant bill, collect and record payments. */
const money = ['admin', 'staff', 'accountant'] as const;
/** Mandates are signed with the team (advisors keep the paper). */
const team = ['admin', 'staff'] as const;

const sendFile = (reply: import('fastify').FastifyReply, type: string, file: { fileName: string; content: Buffer }) =>
  reply.header('content-type', type).header('content-disposition', contentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(file.content);

export async function feeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage } = app.deps;
  const db = database.db;

  app.get('/settings', { config: { access: money }, schema: { tags, summary: 'Member fee and direct debit settings', response: { 200: feeSettingsView, ...errorResponses } } }, async (req) => getFeeSettings(db, actorOf(req).coopId));

  app.patch(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change who is billed, the fee VAT, the creditor identifier (ICS), the notice and the pain.008 version', body: updateFeeSettingsBody, response: { 200: feeSettingsView, ...errorResponses } } },
    async (req) => updateFeeSettings(db, actorOf(req), req.body),
  );

  app.put(
    '/members/:memberId/amount',
    { config: { access: team }, schema: { tags, summary: "A member's own monthly fee (0 exempts; null: the coop's)", params: memberParams, body: memberFeeOverrideBody, response: { 200: z.object({ memberId: z.string(), amountCents: z.number().int().nullable() }), ...errorResponses } } },
    async (req) => setMemberFee(db, actorOf(req), req.params.memberId, req.body.amountCents),
  );

  app.post(
    '/bill',
    { config: { access: money }, schema: { tags, summary: "Bill a month's fees now (what the monthly run does; a member's month is billed once)", body: billMonthBody, response: { 200: billMonthResult, ...errorResponses } } },
    async (req) => billMonthlyFees(db, storage, actorOf(req), req.body.month, todayFromClock()),
  );

  app.get('/', { config: { access: readers }, schema: { tags, summary: 'Member fees (a member sees their own)', querystring: memberFeeListQuery, response: { 200: memberFeePage, ...errorResponses } } }, async (req) => listFees(db, actorOf(req), req.query));

  app.get('/mandates', { config: { access: readers }, schema: { tags, summary: 'SEPA mandates (a member sees their own)', response: { 200: mandateList, ...errorResponses } } }, async (req) => ({ items: await listMandates(db, actorOf(req), todayFromClock()) }));

  app.post(
    '/mandates',
    { config: { access: team }, schema: { tags, summary: 'Record a signed SEPA mandate', body: createMandateBody, response: { 201: mandate, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createMandate(db, actorOf(req), req.body, todayFromClock())),
  );

  app.post(
    '/mandates/:id/amend',
    { config: { access: team }, schema: { tags, summary: "Amend a mandate's IBAN (same reference, the amendment told to the bank)", params: idParams, body: amendMandateBody, response: { 200: mandate, ...errorResponses } } },
    async (req) => amendMandate(db, actorOf(req), req.params.id, req.body, todayFromClock()),
  );

  app.post(
    '/mandates/:id/revoke',
    { config: { access: team }, schema: { tags, summary: 'Revoke a mandate', params: idParams, body: revokeMandateBody, response: { 200: mandate, ...errorResponses } } },
    async (req) => revokeMandateByStaff(db, actorOf(req), req.params.id, req.body.reason, todayFromClock()),
  );

  app.get('/collectable', { config: { access: money }, schema: { tags, summary: 'Unpaid fees with an active mandate, and the earliest collection date', response: { 200: collectable, ...errorResponses } } }, async (req) => listCollectable(db, actorOf(req), todayFromClock()));

  app.get('/collections', { config: { access: money }, schema: { tags, summary: 'Direct debit collections', response: { 200: collectionList, ...errorResponses } } }, async (req) => ({ items: await listCollections(db, actorOf(req)) }));

  app.post(
    '/collections',
    { config: { access: money }, schema: { tags, summary: 'Build a pain.008 collection of fees (pre-notifications queued)', body: buildCollectionBody, response: { 201: collection, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await buildCollection(db, storage, actorOf(req), req.body, new Date(), todayFromClock())),
  );

  app.get(
    '/collections/:id/file',
    { config: { access: money }, schema: { tags, summary: 'The pain.008 file of a collection', params: idParams, response: { 200: z.unknown().describe('The XML file'), ...errorResponses } } },
    async (req, reply) => sendFile(reply, 'application/xml', await openCollectionFile(db, storage, actorOf(req), req.params.id)),
  );

  app.post(
    '/collections/outcomes',
    { config: { access: money }, schema: { tags, summary: 'Record what the bank did with one debit (credited, or returned with its reason code)', body: settleDebitBody, response: { 200: memberFee, ...errorResponses } } },
    async (req) => recordDebitOutcomeByStaff(db, actorOf(req), req.body, todayFromClock()),
  );

  app.get('/:id', { config: { access: readers }, schema: { tags, summary: 'A member fee', params: idParams, response: { 200: memberFee, ...errorResponses } } }, async (req) => getFee(db, actorOf(req), req.params.id));

  app.get(
    '/:id/file',
    { config: { access: readers }, schema: { tags, summary: "The PDF of a fee's invoice", params: idParams, response: { 200: z.unknown().describe('The PDF'), ...errorResponses } } },
    async (req, reply) => sendFile(reply, 'application/pdf', await openFeeInvoice(db, storage, actorOf(req), req.params.id)),
  );

  app.post(
    '/:id/pay',
    { config: { access: money }, schema: { tags, summary: 'Record a fee paid outside a direct debit: D 512 / C 411', params: idParams, body: markFeePaidBody, response: { 200: memberFee, ...errorResponses } } },
    async (req) => markFeePaid(db, actorOf(req), req.params.id, req.body.paidOn, todayFromClock()),
  );
}
