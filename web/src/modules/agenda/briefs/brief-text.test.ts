import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './brief-text';

describe('the brief’s paragraphs', () => {
  it('go to HTML escaped, one paragraph per line, and come back as typed', () => {
    const typed = "Remercier l'école & les parents\n\n<b>pas du HTML</b>\nCiter « 50 ans »";
    const html = textToHtml(typed);
    expect(html).toBe(
      '<p>Remercier l&#39;école &amp; les parents</p><p>&lt;b&gt;pas du HTML&lt;/b&gt;</p><p>Citer « 50 ans »</p>',
    );
    expect(htmlToText(html)).toBe("Remercier l'école & les parents\n<b>pas du HTML</b>\nCiter « 50 ans »");
    expect(textToHtml('  \n ')).toBe('');
  });

  it('read rich text written elsewhere (lists, breaks) as lines', () => {
    expect(htmlToText('<ul><li>Un</li><li>Deux</li></ul><p>Fin<br>ligne</p>')).toBe('• Un\n• Deux\nFin\nligne');
  });
});
