import { strToU8, zipSync } from 'fflate';
import { type TRun, escapeXml as x } from './html-subset';
import {
  BOLD_STYLES,
  CONTENT_WIDTH_MM,
  columnFractions,
  FONT_SIZES,
  PAGE,
  SPACE_AFTER_MM,
  type TFlow,
  type TFlowParagraph,
  type TParagraphStyle,
} from './layout';

const MIME = 'application/vnd.oasis.opendocument.text';
const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'office:version="1.3"',
].join(' ');

const FONT_DECLS =
  '<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>';

const STYLE_NAMES: Record<TParagraphStyle, string> = {
  body: 'Dircab_Body',
  small: 'Dircab_Small',
  organisation: 'Dircab_Organisation',
  title: 'Dircab_Title',
  heading2: 'Dircab_Heading_2',
  heading3: 'Dircab_Heading_3',
};

/** Named paragraph styles in styles.xml: a user restyles a letter in LibreOffice by name. */
function namedStyles(): string {
  return (Object.keys(STYLE_NAMES) as TParagraphStyle[])
    .map((s) => {
      const bold = BOLD_STYLES.has(s) ? ' fo:font-weight="bold"' : '';
      return `<style:style style:name="${STYLE_NAMES[s]}" style:family="paragraph"><style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="${SPACE_AFTER_MM}mm"${s.startsWith('heading') ? ' fo:keep-with-next="always"' : ''}/><style:text-properties style:font-name="Arial" fo:font-size="${FONT_SIZES[s]}pt"${bold}/></style:style>`;
    })
    .join('');
}

function stylesXml(pageNumbers: boolean): string {
  const footer = pageNumbers
    ? `<style:footer><text:p text:style-name="Dircab_Footer">Page <text:page-number text:select-page="current">1</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}>${FONT_DECLS}<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Arial" fo:font-size="${FONT_SIZES.body}pt" fo:language="fr" fo:country="FR"/></style:default-style>${namedStyles()}<style:style style:name="Dircab_Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Arial" fo:font-size="${FONT_SIZES.small}pt"/></style:style></office:styles><office:automatic-styles><style:page-layout style:name="Dircab_A4"><style:page-layout-properties fo:page-width="${PAGE.widthMm}mm" fo:page-height="${PAGE.heightMm}mm" style:print-orientation="portrait" fo:margin-top="${PAGE.marginTopMm}mm" fo:margin-bottom="${PAGE.marginBottomMm}mm" fo:margin-left="${PAGE.marginSideMm}mm" fo:margin-right="${PAGE.marginSideMm}mm"/><style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="4mm"/></style:footer-style></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Dircab_A4">${footer}</style:master-page></office:master-styles></office:document-styles>`;
}

/** Collects the automatic styles content.xml needs: one per distinct paragraph or text look. */
class AutomaticStyles {
  private readonly xml: string[] = [];
  private readonly byKey = new Map<string, string>();

  private named(prefix: string, key: string, make: (name: string) => string): string {
    const found = this.byKey.get(key);
    if (found) return found;
    const name = `${prefix}${this.byKey.size + 1}`;
    this.byKey.set(key, name);
    this.xml.push(make(name));
    return name;
  }

  paragraph(block: TFlowParagraph): string {
    const props = [
      block.align
        ? `fo:text-align="${block.align === 'left' ? 'start' : block.align === 'right' ? 'end' : block.align}"`
        : '',
      block.indentMm ? `fo:margin-left="${block.indentMm}mm"` : '',
      // LibreOffice reads the two margins as one setting: both are written, or the other becomes 0.
      block.spaceBeforeMm ? `fo:margin-top="${block.spaceBeforeMm}mm" fo:margin-bottom="${SPACE_AFTER_MM}mm"` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const parent = STYLE_NAMES[block.style];
    if (!props) return parent;
    return this.named(
      'P',
      `p|${parent}|${props}`,
      (name) =>
        `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${parent}"><style:paragraph-properties ${props}/></style:style>`,
    );
  }

  text(run: TRun): string | null {
    const props = [
      run.bold ? 'fo:font-weight="bold"' : '',
      run.italic ? 'fo:font-style="italic"' : '',
      run.underline || run.href
        ? 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (!props) return null;
    return this.named(
      'T',
      `t|${props}`,
      (name) => `<style:style style:name="${name}" style:family="text"><style:text-properties ${props}/></style:style>`,
    );
  }

  column(widthMm: number): string {
    const width = `${widthMm.toFixed(1)}mm`;
    return this.named(
      'C',
      `c|${width}`,
      (name) =>
        `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${width}"/></style:style>`,
    );
  }

  toXml(): string {
    const lists =
      '<text:list-style style:name="L_bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="10mm" fo:text-indent="-5mm" fo:margin-left="10mm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>' +
      '<text:list-style style:name="L_number"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="10mm" fo:text-indent="-5mm" fo:margin-left="10mm"/></style:list-level-properties></text:list-level-style-number></text:list-style>' +
      `<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="${CONTENT_WIDTH_MM}mm" table:align="margins"/></style:style>` +
      '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="1mm" fo:border="0.5pt solid #808080"/></style:style>';
    return `<office:automatic-styles>${lists}${this.xml.join('')}</office:automatic-styles>`;
  }
}

function spansOf(runs: TRun[], styles: AutomaticStyles): string {
  return runs
    .map((run) => {
      if (run.lineBreak) return '<text:line-break/>';
      const style = styles.text(run);
      const span = style ? `<text:span text:style-name="${style}">${x(run.text)}</text:span>` : x(run.text);
      return run.href ? `<text:a xlink:type="simple" xlink:href="${x(run.href)}">${span}</text:a>` : span;
    })
    .join('');
}

function contentXml(flow: TFlow): string {
  const styles = new AutomaticStyles();
  const body = flow.blocks
    .map((block) => {
      if (block.kind === 'paragraph') {
        return `<text:p text:style-name="${styles.paragraph(block)}">${spansOf(block.runs, styles)}</text:p>`;
      }
      if (block.kind === 'list') {
        const items = block.items
          .map(
            (item) =>
              `<text:list-item><text:p text:style-name="${STYLE_NAMES.body}">${spansOf(item, styles)}</text:p></text:list-item>`,
          )
          .join('');
        return `<text:list text:style-name="${block.ordered ? 'L_number' : 'L_bullet'}">${items}</text:list>`;
      }
      const bold = styles.text({ text: '', bold: true });
      const cell = (text: string, header: boolean) =>
        `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${STYLE_NAMES.small}">${header ? `<text:span text:style-name="${bold}">${x(text)}</text:span>` : x(text)}</text:p></table:table-cell>`;
      const head = `<table:table-header-rows><table:table-row>${block.columns.map((c) => cell(c, true)).join('')}</table:table-row></table:table-header-rows>`;
      const rows = block.rows
        .map(
          (row) =>
            `<table:table-row>${block.columns.map((_, i) => cell(row[i] ?? '', false)).join('')}</table:table-row>`,
        )
        .join('');
      const cols = columnFractions(block.columns.length, block.widths)
        .map((f) => `<table:table-column table:style-name="${styles.column(f * CONTENT_WIDTH_MM)}"/>`)
        .join('');
      return `<table:table table:style-name="Tbl">${cols}${head}${rows}</table:table>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>${FONT_DECLS}${styles.toXml()}<office:body><office:text>${body}</office:text></office:body></office:document-content>`;
}

function metaXml(flow: TFlow, now: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS}><office:meta><meta:generator>Dircab</meta:generator><dc:title>${x(flow.title)}</dc:title><dc:language>fr-FR</dc:language><meta:creation-date>${now.toISOString().slice(0, 19)}</meta:creation-date></office:meta></office:document-meta>`;
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIME}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/**
 * Writes the flow as an OpenDocument text (ODF 1.3, the format the RGI recommends). The
 * `mimetype` entry comes first and uncompressed, as ODF requires for readers that sniff it.
 */
export async function writeOdt(flow: TFlow, now: Date = new Date()): Promise<Buffer> {
  const zipped = zipSync({
    mimetype: [strToU8(MIME), { level: 0 }],
    'META-INF/manifest.xml': strToU8(MANIFEST),
    'content.xml': strToU8(contentXml(flow)),
    'styles.xml': strToU8(stylesXml(flow.pageNumbers === true)),
    'meta.xml': strToU8(metaXml(flow, now)),
  });
  return Buffer.from(zipped);
}
