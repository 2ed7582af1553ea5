/**
 * The HTML a web site pastes to send its requests to Dircab: a plain form (labels, the
 * honeypot hidden from people, the consent box) and a few lines that post it as JSON and show
 * the registration number the town hall answers.
 */
export function embedSnippet(endpoint: string): string {
  return `<form id="dircab-demande">
  <p><label for="dircab-name">Nom et prénom</label><br><input id="dircab-name" name="name" required maxlength="200"></p>
  <p><label for="dircab-email">Adresse électronique</label><br><input id="dircab-email" name="email" type="email"></p>
  <p><label for="dircab-phone">Téléphone</label><br><input id="dircab-phone" name="phone"></p>
  <p><label for="dircab-address">Adresse postale</label><br><input id="dircab-address" name="address"></p>
  <p><label for="dircab-subject">Objet</label><br><input id="dircab-subject" name="subject" required maxlength="300"></p>
  <p><label for="dircab-message">Votre demande</label><br><textarea id="dircab-message" name="message" required rows="8"></textarea></p>
  <p style="position:absolute;left:-9999px" aria-hidden="true"><label>Ne pas remplir <input name="website" tabindex="-1" autocomplete="off"></label></p>
  <p><label><input type="checkbox" name="consent" required> J’accepte que la mairie traite ma demande et mes coordonnées pour y répondre.</label></p>
  <p><button type="submit">Envoyer</button></p>
  <p id="dircab-result" role="status"></p>
</form>
<script>
document.getElementById('dircab-demande').addEventListener('submit', async function (event) {
  event.preventDefault();
  var data = Object.fromEntries(new FormData(this));
  data.consent = data.consent === 'on';
  var result = document.getElementById('dircab-result');
  try {
    var response = await fetch('${endpoint}', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    var answer = await response.json();
    result.textContent = response.ok
      ? answer.message + (answer.registrationNumber ? ' (n° ' + answer.registrationNumber + ')' : '')
      : answer.detail || 'La demande n’a pas pu être envoyée.';
    if (response.ok) this.reset();
  } catch (e) {
    result.textContent = 'La demande n’a pas pu être envoyée. Réessayez plus tard.';
  }
});
</script>`;
}
