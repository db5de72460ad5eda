import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { createActivity } from '../activities/index.js';
import { bookingUid } from './domain/booking-calendar.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let mia: TestClient;
let vanId: string;

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'ics');
  const db = t.database.db;
  const m = await addMember(db, coop, { firstName: 'Mia', lastName: 'Martin', email: coop.member.email, userId: coop.member.id });
  await db.transaction((tx) => createActivity(tx, { coopId: coop.id, userId: coop.admin.id }, { name: 'Studio Mia', holders: [{ memberId: m.id, shareBp: 10_000 }] }));
  const staff = t.client();
  await staff.login(coop.staff.email, DEMO_PASSWORD);
  mia = t.client();
  await mia.login(coop.member.email, DEMO_PASSWORD);
  // Open every day: the van is also taken out on Sundays.
  const site = await staff.post('/api/resources/sites', { name: 'Garage — Lyon', openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '20:00' })) });
  vanId = (await staff.post('/api/resources', { siteId: site.body.id, kind: 'van', name: 'Camionnette', prices: [{ unit: 'hour', memberPriceCents: 1000, nonMemberPriceCents: 2000, vatRateBp: 2000 }] })).body.id;
});
afterAll(() => t.close());

async function mailsOf(template: string) {
  return t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, coop.id), eq(mailOutbox.template, template))).orderBy(asc(mailOutbox.createdAt));
}

/** The .ics a queued mail carries, parsed as a calendar client would (RFC 5545, with its VTIMEZONE). */
async function icsOf(mail: { attachments: { storageKey: string; sha256: string; contentType: string }[] }) {
  expect(mail.attachments).toHaveLength(1);
  const read = await t.app.deps.storage.read(mail.attachments[0]!.storageKey, { sha256: mail.attachments[0]!.sha256 });
  if (!read.ok) throw new Error(`attachment ${read.problem}`);
  const cal = new ICAL.Component(ICAL.parse(read.bytes.toString('utf8')));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, contentType: mail.attachments[0]!.contentType, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('booking mails with their .ics', () => {
  it('a booking on the spring daylight-saving Sunday is confirmed with a REQUEST at 09:00 Paris, its cancellation is a CANCEL of the same UID', async () => {
    // 28 March 2027: Paris moves to UTC+2 at 02:00, so 09:00 is 07:00 UTC.
    const booked = await mia.post('/api/resources/bookings', { resourceId: vanId, startsAt: '2027-03-28T07:00:00Z', endsAt: '2027-03-28T09:00:00Z' });
    expect(booked.status).toBe(201);
    const [mail] = await mailsOf('resource_booking.confirmed');
    expect(mail).toMatchObject({ toAddress: coop.member.email });
    expect(mail!.subject).toContain('Camionnette');
    expect(mail!.textBody).toContain('09:00');
    expect(mail!.textBody).toContain('11:00');
    const req = await icsOf(mail!);
    expect(req.contentType).toContain('method=REQUEST');
    expect(req.cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const [e] = req.events;
    expect(e!.uid).toBe(bookingUid(booked.body.id));
    expect(e!.startDate.zone.tzid).toBe('Europe/Paris');
    expect([e!.startDate.hour, e!.endDate.hour]).toEqual([9, 11]);
    expect(e!.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');

    expect((await mia.post(`/api/resources/bookings/${booked.body.id}/cancel`, {})).status).toBe(200);
    const [cancelMail] = await mailsOf('resource_booking.cancelled');
    const cancel = await icsOf(cancelMail!);
    expect(cancel.cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.events[0]!.uid).toBe(e!.uid);
    expect(cancel.events[0]!.sequence).toBe(e!.sequence + 1);
    expect(cancel.events[0]!.startDate.hour).toBe(9);
  });

  it('a weekly series across the change of time is one mail listing its dates, each date an event at the same local time', async () => {
    const res = await mia.post('/api/resources/bookings/weekly', { resourceId: vanId, firstDate: '2027-03-21', startTime: '09:00', endTime: '10:00', weeks: 3 });
    expect(res.status).toBe(201);
    expect(res.body.booked).toHaveLength(3);
    const mails = await mailsOf('resource_booking.series_confirmed');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody.match(/^- /gm)).toHaveLength(3);
    const { events } = await icsOf(mails[0]!);
    expect(events.map((e) => e.startDate.hour)).toEqual([9, 9, 9]);
    // 21 March is still winter time (UTC+1), 28 March and 4 April summer time (UTC+2).
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-21T08:00:00.000Z', '2027-03-28T07:00:00.000Z', '2027-04-04T07:00:00.000Z']);
    expect(new Set(events.map((e) => e.uid))).toEqual(new Set(res.body.booked.map((b: { id: string }) => bookingUid(b.id))));
  });
});
