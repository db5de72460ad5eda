// The auth module's strings in French, the reference catalogue: i18n.en.ts must have the
// same keys. Assembled under `auth.` by src/web/i18n/fr.ts.
export const fr = {
  fields: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Confirmer le mot de passe',
    displayName: 'Nom affiché',
  },
  validation: {
    required: 'Ce champ est obligatoire.',
    emailInvalid: 'Adresse e-mail invalide.',
    passwordsMismatch: 'Les deux mots de passe ne sont pas identiques.',
  },
  login: {
    title: 'Connexion',
    subtitle: 'Accédez aux services de votre coopérative.',
    submit: 'Se connecter',
    forgotPassword: 'Mot de passe oublié ?',
    invalidCredentials: 'Adresse e-mail ou mot de passe incorrect.',
    tooManyAttempts: 'Trop de tentatives. Réessayez dans quelques minutes.',
  },
  forgotPassword: {
    title: 'Mot de passe oublié',
    intro: 'Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    submit: 'Envoyer le lien',
    sent: 'Si un compte existe pour cette adresse, un lien de réinitialisation vient de lui être envoyé.',
    backToLogin: 'Retour à la connexion',
  },
  resetPassword: {
    title: 'Choisir un nouveau mot de passe',
    submit: 'Enregistrer le mot de passe',
    success: 'Votre mot de passe a été changé. Vous pouvez vous connecter.',
    missingToken: 'Ce lien est incomplet. Ouvrez le lien reçu par e-mail ou demandez-en un nouveau.',
    invalidToken: "Ce lien n'est plus valable. Demandez-en un nouveau.",
    requestNewLink: 'Demander un nouveau lien',
  },
  invitation: {
    title: 'Rejoindre {{coopName}}',
    intro: 'Vous êtes invité·e à rejoindre {{coopName}} sur Mutualise.',
    role: 'Rôle : {{role}}',
    email: 'Votre compte : {{email}}',
    submit: "Accepter l'invitation",
    invalid: 'Cette invitation est introuvable, a expiré ou a déjà été utilisée.',
    missingToken: "Ce lien d'invitation est incomplet.",
    welcome: 'Bienvenue dans {{coopName}} !',
  },
  changePassword: {
    title: 'Changer le mot de passe',
    submit: 'Changer le mot de passe',
    success: 'Votre mot de passe a été changé.',
  },
  userMenu: 'Menu utilisateur',
  signedInAs: 'Connecté·e en tant que {{email}}',
  logout: 'Se déconnecter',
};
