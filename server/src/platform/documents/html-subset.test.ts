import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksToHtml, blocksToText, escapeXml, parseHtmlSubset, printable, type TBlock } from './html-subset';

const textOf = (blocks: TBlock[]) =>
  blocks
    .flatMap((b) => (b.kind === 'list' ? b.items.flat() : b.runs))
    .map((r) => r.text)
    .join('');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the rich-text subset', () => {
  it('reads paragraphs, emphasis, links, lists and headings', () => {
    const blocks = parseHtmlSubset(
      '<p>Bonjour <strong>Mme</strong> <em>Wéa</em>,<br>suite</p><h2>Titre</h2><ul><li>un</li><li><u>deux</u></li></ul><ol><li>premier</li></ol><p><a href="https://mont-dore.nc">site</a></p>',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Bonjour ' },
          { text: 'Mme', bold: true },
          { text: ' ' },
          { text: 'Wéa', italic: true },
          { text: ',' },
          { text: '', lineBreak: true },
          { text: 'suite' },
        ],
      },
      { kind: 'heading', level: 2, runs: [{ text: 'Titre' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'un' }], [{ text: 'deux', underline: true }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'premier' }]] },
      { kind: 'paragraph', runs: [{ text: 'site', href: 'https://mont-dore.nc' }] },
    ]);
  });

  it('keeps the text of unknown tags, decodes entities and drops unsafe links', () => {
    const blocks = parseHtmlSubset(
      '<p><span style="x">l&rsquo;éclairage</span> &laquo;&nbsp;Boulari&nbsp;&raquo; &lt;b&gt; &amp; <a href="javascript:alert(1)">ici</a><script>x</script></p>',
    );
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'l’éclairage «\u00a0Boulari\u00a0» <b> & icix' }] }]);
  });

  it('makes paragraphs of bare text and collapses white space', () => {
    expect(blocksToText(parseHtmlSubset('  une   ligne\n\n suite  '))).toBe('une ligne suite');
    expect(parseHtmlSubset('<p> </p><p></p>')).toEqual([]);
  });

  it('writes blocks back as clean HTML that parses to the same blocks', () => {
    const html =
      '<p>a <b>b</b> <a href="https://x.nc">c &amp; d</a><br>e</p><h3>t</h3><ol><li><i>f</i></li></ol><script>g</script>';
    const blocks = parseHtmlSubset(html);
    const clean = blocksToHtml(blocks);
    expect(clean).not.toContain('<script>');
    expect(parseHtmlSubset(clean)).toEqual(blocks);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (html) => {
        parseHtmlSubset(html);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<p>',
            '</p>',
            '<ul>',
            '</ul>',
            '<li>',
            '<b>',
            '</b>',
            '<a href="https://x">',
            '</a>',
            '<br>',
            'é',
            ' ',
            '&amp;',
            '<',
            '>',
            '&',
          ),
          { maxLength: 60 },
        ),
        (parts) => {
          parseHtmlSubset(parts.join(''));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('preserves the text of well-formed markup', () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
    type Node = string | { tag: string; children: Node[] };
    const inline: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc.record({
          tag: fc.constantFrom('strong', 'b', 'em', 'i', 'u', 'span', 'a'),
          children: fc.array(tie('node'), { maxLength: 3 }),
        }),
      ),
    })).node;
    const toHtml = (n: Node): string =>
      typeof n === 'string'
        ? escapeXml(n)
        : `<${n.tag}${n.tag === 'a' ? ' href="https://x.nc"' : ''}>${n.children.map(toHtml).join('')}</${n.tag}>`;
    const toText = (n: Node): string => (typeof n === 'string' ? n : n.children.map(toText).join(''));
    const block = fc.record({
      tag: fc.constantFrom('p', 'h2', 'h3', 'li'),
      children: fc.array(inline, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const html = blocks
          .map((b) => {
            const inner = b.children.map(toHtml).join('');
            return b.tag === 'li' ? `<ul><li>${inner}</li></ul>` : `<${b.tag}>${inner}</${b.tag}>`;
          })
          .join('');
        const expected = blocks.flatMap((b) => b.children.map(toText)).join('');
        // Control characters are dropped (XML cannot carry them), and white space collapses.
        const visible = (s: string) => squash(printable(s));
        expect(visible(textOf(parseHtmlSubset(html)))).toBe(visible(expected));
      }),
      { numRuns: 300 },
    );
  });
});
