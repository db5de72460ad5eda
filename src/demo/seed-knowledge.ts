import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { acceptAnswer, answerQuestion, askQuestion, createBook, createChapter, createPage, createSpace, editPage } from '../modules/knowledge/index.js';

/**
 * The demo's knowledge base: the members' guide (members may edit) with its two books, the
 * team's internal procedures (staff only), a public space for people thinking of joining (its
 * book in chapters, readable without an account), and a few questions, one answered and accepted.
 */
export async function seedDemoKnowledge(ctx: { db: Db; advisor: Actor; camille: Actor; nathalie: Actor }): Promise<void> {
  const { db, advisor, camille, nathalie } = ctx;
  const guide = await createSpace(db, advisor, {
    name: "Guide de l'entrepreneur·e",
    description: "Tout ce qu'il faut savoir pour faire vivre son activité dans la coopérative : devis, factures, frais, salaire.",
    visibility: 'members',
    membersCanEdit: true,
    sharedWithNetwork: false,
  });
  const start = (await createBook(db, advisor, guide.id, { name: 'Bien démarrer', description: 'Les premiers pas dans la coopérative.', visibility: null })).books[0]!;
  const tools = (await createBook(db, advisor, guide.id, { name: 'Outils', description: 'Les outils mutualisés et comment les utiliser.', visibility: null })).books.find((b) => b.name === 'Outils')!;

  await createPage(db, advisor, start.id, {
    title: 'Votre premier devis',
    body: [
      '# Votre premier devis',
      '',
      'Le devis est établi **au nom de la coopérative** : c’est elle qui contracte avec votre client.',
      '',
      '1. Créez le client dans *Mes clients* (SIRET pour une entreprise).',
      '2. Ouvrez *Mes devis* puis « Nouveau devis », choisissez votre activité.',
      '3. Détaillez les lignes : quantité, prix unitaire HT, taux de TVA.',
      '4. Relisez la date de validité (30 jours par défaut) puis envoyez.',
      '',
      'Le client accepte en ligne depuis le lien reçu par courriel ; vous pouvez ensuite facturer un acompte.',
    ].join('\n'),
  });
  const contribution = await createPage(db, advisor, start.id, {
    title: 'Comprendre la contribution coopérative',
    body: [
      '# La contribution coopérative',
      '',
      'Chaque facture encaissée finance les services mutualisés : comptabilité, assurance, accompagnement.',
      '',
      '- Le taux est fixé par l’assemblée générale (10 % du chiffre d’affaires HT).',
      '- Elle est prélevée à la validation de la facture.',
      '- Elle apparaît ligne par ligne dans la trésorerie de votre activité.',
    ].join('\n'),
  });
  // A member completes the page: the history shows two authors.
  await editPage(db, camille, contribution.id, {
    title: contribution.title,
    body: `${contribution.body}\n\nAstuce : le tableau de bord montre la contribution du mois en cours.`,
    expectedRevision: contribution.currentRevision,
  });
  await createPage(db, advisor, start.id, {
    title: 'Notes de frais : ce qui est remboursable',
    body: [
      '# Notes de frais',
      '',
      'Sont remboursables, sur justificatif et s’ils servent votre activité :',
      '',
      '- les frais de déplacement (train, kilomètres au barème fiscal, péage, stationnement) ;',
      '- les repas d’affaires avec un client ou un prospect ;',
      '- le petit matériel et les fournitures.',
      '',
      'Ne sont **pas** remboursables : les amendes, les dépenses personnelles, les repas seuls sans rendez-vous.',
      '',
      'Déposez la photo du ticket dans *Mes notes de frais* ; votre conseiller·e valide avant le virement.',
    ].join('\n'),
  });
  await createPage(db, advisor, tools.id, {
    title: 'Réserver une salle de réunion',
    body: 'Les salles du 2e étage se réservent depuis le planning partagé, par créneau d’une heure.\n\nPensez à libérer la salle si votre rendez-vous est annulé.',
  });

  const internal = await createSpace(db, advisor, {
    name: 'Procédures internes',
    description: "Les procédures de l'équipe d'accompagnement.",
    visibility: 'staff',
    membersCanEdit: false,
    sharedWithNetwork: false,
  });
  const followUp = (await createBook(db, advisor, internal.id, { name: 'Suivi des entrepreneur·es', description: '', visibility: null })).books[0]!;
  await createPage(db, advisor, followUp.id, {
    title: 'Entretien de fin de CAPE',
    body: '# Entretien de fin de CAPE\n\nUn mois avant la fin du contrat : bilan du chiffre d’affaires, de la trésorerie et du projet, puis proposition de CESA ou de prolongation.',
  });

  const join = await createSpace(db, advisor, {
    name: 'Rejoindre la coopérative',
    description: 'Pour les porteurs et porteuses de projet qui envisagent d’entreprendre avec nous.',
    visibility: 'public',
    membersCanEdit: false,
    sharedWithNetwork: false,
  });
  const faq = (await createBook(db, advisor, join.id, { name: 'Questions fréquentes', description: '', visibility: null })).books[0]!;
  const before = (await createChapter(db, advisor, faq.id, { name: 'Avant d’entrer' })).books[0]!.chapters[0]!;
  const after = (await createChapter(db, advisor, faq.id, { name: 'Une fois entré·e' })).books[0]!.chapters.find((c) => c.name === 'Une fois entré·e')!;
  await createPage(db, advisor, faq.id, {
    title: 'Qu’est-ce qu’une CAE ?',
    body: '# Qu’est-ce qu’une CAE ?\n\nUne **coopérative d’activité et d’emploi** vous permet de développer votre activité en étant salarié·e de la coopérative : elle facture vos clients, vous verse un salaire et mutualise la comptabilité.',
  });
  await createPage(db, advisor, faq.id, {
    chapterId: before.id,
    title: 'Qui peut rejoindre la coopérative ?',
    body: '# Qui peut rejoindre la coopérative ?\n\nToute personne avec un projet d’activité, quel que soit son métier. Une **réunion d’information** a lieu chaque premier mardi du mois.\n\n- Venez avec votre idée, même en chantier.\n- Un conseiller vous reçoit ensuite pour un premier entretien.',
  });
  await createPage(db, advisor, faq.id, {
    chapterId: after.id,
    title: 'Le contrat CAPE',
    body: '# Le contrat CAPE\n\nPendant le *contrat d’appui au projet d’entreprise*, vous testez votre activité sans perdre vos droits au chômage. Il dure jusqu’à trois ans.',
  });

  const q1 = await askQuestion(db, camille, { spaceId: guide.id, title: 'Un repas avec un prospect est-il remboursable ?', body: 'Je déjeune avec une agence de communication la semaine prochaine.' });
  const answered = await answerQuestion(db, advisor, q1.id, 'Oui, si le rendez-vous est professionnel : gardez la facture du restaurant et notez le nom de l’entreprise rencontrée.');
  await acceptAnswer(db, camille, answered.answers[0]!.id);
  const q2 = await askQuestion(db, nathalie, { spaceId: guide.id, title: 'Peut-on facturer en anglais ?', body: 'Un client britannique me demande une facture en anglais.' });
  await answerQuestion(db, camille, q2.id, 'Je l’ai déjà fait : les mentions obligatoires restent en français, le reste peut être traduit.');
  await askQuestion(db, camille, { spaceId: guide.id, title: 'Comment déclarer un apport d’affaires ?', body: '' });
}
