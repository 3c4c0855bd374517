// The "Steps" section of docs/scripts.md, made from the step table so the
// page and the generator cannot disagree (test/scripts/docs.test.ts).
import { driftRules } from './drift-rules';
import { steps } from './steps';

const kindTitle: Record<string, string> = { sharepoint: 'SharePoint Management Shell', exchange: 'Exchange Management Shell', lync: 'Lync Server Management Shell', 'office-web-apps': 'Office Web Apps Server' };

export const stepsSectionStart = '<!-- steps: generated from src/core/scripts/steps.ts -->';
export const stepsSectionEnd = '<!-- end of steps -->';

export function stepsMarkdown(): string {
  const out: string[] = [stepsSectionStart, ''];
  for (const kind of ['sharepoint', 'exchange', 'lync', 'office-web-apps']) {
    out.push(`### ${kindTitle[kind]}`, '');
    for (const s of steps.filter((x) => x.kind === kind)) {
      out.push(`- **${s.title}** (\`${s.id}\`). ${s.idempotence}`);
      for (const src of s.sources) {
        const where = src.url ? `<${src.url}>` : src.readIn ?? '';
        const readIn = src.url && src.readIn ? ` (read in ${src.readIn})` : '';
        out.push(`  - ${where}${readIn}: “${src.quote}”`);
      }
      if (s.sources.length === 0) out.push('  - No Microsoft page was found for this step; it only writes a TODO.');
    }
    out.push('');
  }
  out.push('### Drift codes', '', '| code | severity | what it means |', '|---|---|---|');
  for (const r of driftRules) out.push(`| ${r.code} | ${r.severity} | ${r.title}: ${r.meaning} |`);
  out.push('', stepsSectionEnd);
  return out.join('\n');
}
