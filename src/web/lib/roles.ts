import { useTranslation } from 'react-i18next';

/** Translates a role name ("admin" → "Administrateur·rice"); unknown roles show as sent. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (role === 'admin' || role === 'staff' || role === 'accountant' || role === 'member' ? t(`common.roles.${role}`) : role);
}
