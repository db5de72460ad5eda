/**
 * Well-known common passwords, all lowercase (the policy compares lowercase
 * forms). Drawn from the usual public top lists (leaked-password rankings) plus
 * French favourites, and long variants that satisfy the minimum length yet are
 * among the first guesses of any cracking dictionary. NIST SP 800-63B asks to
 * reject passwords found in such lists.
 *
 * Entries shorter than the minimum length still matter: "password2024!" is
 * rejected because, once trailing digits and symbols are stripped, it is
 * "password".
 */
// prettier-ignore
const COMMON_PASSWORDS_LIST: readonly string[] = [
  // International top lists
  '123456', '123456789', '12345678', '12345', '1234567', '1234567890', '123123', '111111',
  '000000', '654321', '666666', '121212', '123321', '112233', '159753', '987654321',
  '1234', '4321', '1111', '0000', '123', '1q2w3e4r', '1q2w3e', '1q2w3e4r5t', 'q1w2e3r4',
  'qwerty', 'qwertyuiop', 'qwerty123', 'qwertz', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'zxcvbn',
  'asdf', 'qazwsx', '1qaz2wsx', 'qweasd', 'qweasdzxc', 'abc123', 'abcdef', 'abcd1234', 'a1b2c3',
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'pass123',
  'passwort', 'contraseña', 'contrasena', 'senha', 'wachtwoord', 'haslo', 'lozinka', 'salasana',
  'secret', 'letmein', 'welcome', 'welcome1', 'login', 'admin', 'admin123', 'administrator',
  'root', 'toor', 'master', 'changeme', 'default', 'guest', 'test', 'test123', 'testing',
  'user', 'demo', 'temp', 'access', 'trustno1', 'iloveyou', 'iloveu', 'loveyou', 'lovely',
  'love', 'princess', 'sunshine', 'shadow', 'monkey', 'dragon', 'football', 'baseball',
  'soccer', 'hockey', 'basketball', 'superman', 'batman', 'spiderman', 'starwars', 'pokemon',
  'naruto', 'michael', 'jessica', 'jennifer', 'charlie', 'michelle', 'daniel', 'andrew',
  'thomas', 'jordan', 'hunter', 'ranger', 'buster', 'tigger', 'pepper', 'ginger', 'maggie',
  'cookie', 'summer', 'winter', 'freedom', 'whatever', 'nothing', 'computer', 'internet',
  'google', 'facebook', 'samsung', 'apple', 'killer', 'matrix', 'mustang', 'harley', 'ferrari',
  'corvette', 'mercedes', 'porsche', 'yamaha', 'hello', 'hello123', 'helloworld', 'hellokitty',
  'flower', 'butterfly', 'angel', 'baby', 'babygirl', 'liverpool', 'chelsea', 'arsenal',
  'barcelona', 'realmadrid', 'juventus', 'cheese', 'chocolate', 'banana', 'orange', 'purple',
  'blue', 'red', 'green', 'secret123', 'zaq12wsx', 'azerty123', 'qwerty1', 'qwertyuiop123',
  'mypassword', 'yourpassword', 'nopassword', 'mysecret', 'letmein123', 'iloveyou1', 'jesus',
  'god', 'heaven', 'blessed', 'charlie1', 'ashley', 'bailey', 'soleil1', 'master123',
  // Long variants that pass a 12-character minimum but are trivially guessed
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'passwordpass',
  '123456789012', '1234567890123', '12345678901234', '123456123456', '123123123123',
  '111111111111', '000000000000', '121212121212', '123412341234', '987654321098',
  'qwertyuiopas', 'qwertyuiopasdf', 'qwertyuiopasdfgh', 'asdfghjklqwe', 'qwertyqwerty',
  'qwerty123456', 'qwertyuiop12', 'zxcvbnmasdfg', 'azertyazerty', 'azertyuiop123',
  'azertyuiopqs', 'azertyuiopqsdf', 'azerty123456', 'motdepasse123', 'motdepasse1234',
  'motdepassemotdepasse', 'iloveyouiloveyou', 'iloveyou1234', 'welcome12345', 'adminadmin123',
  'administrator1', 'letmeinletmein', 'changemechangeme', 'abcdefghijkl', 'abcdefgh1234',
  'abcd12345678', 'aaaaaaaaaaaa', 'correcthorsebatterystaple', 'thequickbrownfox',
  'trustno1trustno1', 'football1234', 'superman1234', 'baseball1234', 'sunshine1234',
  'bienvenue123', 'bonjour123456', 'marseille13013', 'soleil123456', 'doudou123456',
  // French favourites
  'azerty', 'azertyuiop', 'azertyui', 'azer', 'azerty1', 'qsdfgh', 'qsdfghjklm', 'wxcvbn',
  'aqwzsx', 'azqswx', 'motdepasse', 'mot2passe', 'mdp', 'mdp123', 'motdepass', 'monmotdepasse',
  'secret1', 'bonjour', 'bonjour1', 'bonsoir', 'salut', 'coucou', 'bienvenue', 'merci',
  'soleil', 'doudou', 'chouchou', 'loulou', 'nounours', 'chaton', 'minou', 'titi', 'toto',
  'tata', 'tutu', 'lulu', 'nini', 'coco', 'kiki', 'mimi', 'jetaime', 'jetaime1', 'jetadore',
  'amour', 'monamour', 'moncoeur', 'mamour', 'maman', 'papa', 'famille', 'bebe', 'cheri',
  'cherie', 'princesse', 'marseille', 'paris', 'lyon', 'toulouse', 'bordeaux', 'nantes',
  'lille', 'nice', 'rennes', 'strasbourg', 'montpellier', 'bretagne', 'france', 'francais',
  'psg', 'om', 'allezlesbleus', 'zidane', 'mbappe', 'olympique', 'football1', 'vacances',
  'chocolat', 'fromage', 'baguette', 'croissant', 'camembert', 'dauphin', 'papillon',
  'licorne', 'lapin', 'chien', 'chat', 'cheval', 'tigre', 'lion', 'dragon1', 'poupette',
  'poussin', 'pupuce', 'puce', 'marine', 'camille', 'nicolas', 'julien', 'sebastien', 'thomas1',
  'alexandre', 'antoine', 'maxime', 'kevin', 'manon', 'julie', 'marie', 'pierre', 'sophie',
  'laura', 'emma', 'lea', 'louise', 'jade', 'chloe', 'lucas', 'hugo', 'louis', 'arthur',
  'jeanne', 'isabelle', 'nathalie', 'stephanie', 'christophe', 'philippe', 'frederic', 'michel',
  'catherine', 'celine', 'aurelie', 'caroline', 'charlotte', 'clement', 'vincent', 'olivier',
  'patrick', 'veronique', 'sandrine', 'virginie', 'jeremy', 'romain', 'quentin', 'guillaume',
  'mathieu', 'benjamin', 'jonathan', 'ordinateur', 'internet1', 'utilisateur', 'administrateur',
  'connexion', 'entreprise', 'societe', 'travail', 'bureau', 'test1234', 'essai', 'essai123',
  'demo123', 'invite', 'inconnu', 'personne', 'rien', 'secretdefense', 'liberte', 'egalite',
  'fraternite', 'republique', 'azertyuiopqsdfghjklm', 'azertyuiopmlkjhgfdsq', 'noel', 'printemps',
  'automne', 'hiver', 'ete', 'janvier', 'fevrier', 'mars', 'avril', 'septembre', 'octobre',
  'novembre', 'decembre', 'lundi', 'dimanche',
];

/** Lowercase common passwords, for O(1) membership tests. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON_PASSWORDS_LIST);
