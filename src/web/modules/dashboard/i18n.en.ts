import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The dashboard module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  title: 'Dashboard',
  coopSection: 'The cooperative',
  mySection: 'My journey',
  cards: {
    members: 'Members',
    membersHint: '{{current}} current · {{left}} left',
    activities: 'Active activities',
    activitiesHint: 'out of {{total}} in all',
    clients: 'Clients',
    clientsHint: 'clients not archived',
    invitations: 'Pending invitations',
    invitationsHint: 'people who have not chosen a password',
  },
  byStatus: 'Members by status',
  byType: 'Members by membership type',
  chartSeries: 'Members',
  noMembers: 'No members yet.',
  seeMembers: 'See the members',
  pendingDocuments: {
    title: 'Pending documents',
    missingCharter: 'Member charters not signed',
    missingFiscalStatement: "Last year's fiscal statements missing (independents)",
    none: 'Every expected document has arrived.',
  },
  latestChanges: {
    title: 'Latest changes',
    empty: 'No change recorded.',
    seeAll: 'Open the audit log',
    system: 'System',
  },
  memberStatus: {
    candidate: 'Candidate',
    in_support: 'In support (CAPE)',
    employee: 'Employee (CESA)',
    associate: 'Associate',
    active: 'Active',
    leaving: 'Leaving',
    left: 'Left',
  },
  me: {
    status: 'My status',
    since: 'since {{date}}',
    activities: 'My activities',
    activitiesHint: '{{active}} active out of {{total}}',
    clients: 'My clients',
    clientsHint: 'clients of my activities',
    documents: 'My documents',
    missingCharter: 'The member charter is waiting for your signature.',
    missingFiscalStatement: "Last year's fiscal statement is due.",
    allGood: 'Your documents are up to date.',
    goToProfile: 'Open my profile',
    noFile: 'Your account is not linked to any member file in this cooperative.',
  },
};
