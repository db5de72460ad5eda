/**
 * The spending categories a coop starts with: what entrepreneurs of a CAE spend on most
 * often, each on its account of the plan comptable général (ANC regulation 2014-03). The
 * three "in the contribution base" are what an activity buys to resell or to have done for a
 * client (goods, subcontracting, services bought for a job): the contribution is then taken
 * on the margin the activity makes, not on revenue it passes through. Migration
 * 0041_spending_categories writes the same list for the coops that existed before it.
 */
export interface DefaultSpendingCategory {
  code: string;
  labelFr: string;
  labelEn: string;
  account: string;
  inContributionBase: boolean;
}

export function defaultSpendingCategories(): DefaultSpendingCategory[] {
  const c = (code: string, labelFr: string, labelEn: string, account: string, inContributionBase = false): DefaultSpendingCategory => ({ code, labelFr, labelEn, account, inContributionBase });
  return [
    c('office_supplies', 'Fournitures administratives', 'Office supplies', '6064'),
    c('small_equipment', 'Petit équipement', 'Small equipment', '6063'),
    c('other_supplies', 'Autres fournitures', 'Other supplies', '6068'),
    c('energy', 'Eau, énergie', 'Water, energy', '6061'),
    c('goods_for_resale', 'Marchandises revendues', 'Goods for resale', '607', true),
    c('subcontracting', 'Sous-traitance', 'Subcontracting', '611', true),
    c('services_bought', 'Prestations achetées pour un client', 'Services bought for a client', '604', true),
    c('premises_rental', 'Location de locaux', 'Premises rental', '6132'),
    c('equipment_rental', 'Location de matériel', 'Equipment rental', '6135'),
    c('repairs', 'Entretien et réparations', 'Maintenance and repairs', '6155'),
    c('documentation', 'Documentation', 'Documentation', '6181'),
    c('fees', 'Honoraires', 'Professional fees', '6226'),
    c('advertising', 'Annonces et publicité', 'Advertising', '6231'),
    c('travel', 'Voyages et déplacements', 'Travel', '6251'),
    c('missions', 'Missions (repas, hébergement)', 'Missions (meals, lodging)', '6256'),
    c('receptions', 'Réceptions', 'Receptions', '6257'),
    c('telecom', 'Télécommunications', 'Telecommunications', '626'),
    c('bank_fees', 'Services bancaires', 'Bank fees', '627'),
  ];
}
