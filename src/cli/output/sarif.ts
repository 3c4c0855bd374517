// SARIF 2.1.0, with the whole rule catalogue in tool.driver.rules so that a
// CI system can show each result's rule.
import type { Analysis } from '../../core';
import { rules } from '../../core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(files: Array<{ file: string; analysis: Analysis }>, version: string): unknown {
  const index = new Map(rules.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'office-farm',
            version,
            informationUri: 'https://github.com/office-farm/office-farm',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: r.title },
              fullDescription: { text: r.meaning },
              help: { text: r.fix },
              defaultConfiguration: { level: level[r.severity] },
              properties: { tags: [r.code.slice(0, 5) + 'xx'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap(({ file, analysis }) =>
          analysis.diagnostics.map((d) => {
            const s = analysis.lines.position(d.start);
            const e = analysis.lines.position(d.end);
            return {
              ruleId: d.code,
              ruleIndex: index.get(d.code),
              level: level[d.severity ?? 'error'],
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: pathToFileURL(resolve(file)).href },
                    region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
