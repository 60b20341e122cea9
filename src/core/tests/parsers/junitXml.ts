import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReportError } from '../frameworks/adapter';
import type { TestStatus } from '../model';

/**
 * JUnit XML, the lingua franca of test reports (pytest --junitxml, Maven Surefire, Gradle, node's
 * junit reporter), read into plain cases. Framework adapters turn these into TestCases: only they
 * know how `classname` maps to files and suites.
 */
export interface JUnitCase {
  /** Names of the enclosing <testsuite> elements, outermost first. */
  readonly suites: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly timeSeconds?: number;
  readonly status: TestStatus;
  /** The failure/error/skipped element's message attribute. */
  readonly message?: string;
  /** The failure/error element's text (usually the stack or traceback). */
  readonly details?: string;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_', // attributes never collide with child elements (node's <testcase failure=…><failure>)
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true, // numeric character references too: pytest writes a multi-line message as `a&#10;b`
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'system-out', 'system-err'].includes(name),
});

export function parseJUnitXml(xml: string, source = 'JUnit report'): JUnitCase[] {
  if (xml.trim() === '') throw new ReportError(`${source} is empty`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ReportError(`${source} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const document = parser.parse(xml) as XmlNode;
  const roots = document.testsuites ?? document;
  if (typeof roots !== 'object' || roots === null) throw new ReportError(`${source} has no <testsuites> or <testsuite>`);
  const cases: JUnitCase[] = [];
  collect(roots as XmlNode, [], cases);
  if (!('testsuite' in (roots as XmlNode)) && !('testcase' in (roots as XmlNode))) {
    throw new ReportError(`${source} has no <testsuite> or <testcase> elements`);
  }
  return cases;
}

function collect(node: XmlNode, suites: readonly string[], out: JUnitCase[]): void {
  for (const testcase of asArray(node.testcase)) out.push(toCase(testcase, suites));
  for (const suite of asArray(node.testsuite)) {
    const name = typeof suite['@_name'] === 'string' ? suite['@_name'] : '';
    collect(suite, name ? [...suites, name] : suites, out);
  }
}

function toCase(node: XmlNode, suites: readonly string[]): JUnitCase {
  const failure = asArray(node.failure)[0];
  const error = asArray(node.error)[0];
  const skipped = asArray(node.skipped)[0] ?? (node.skipped === '' ? {} : undefined);
  // node's junit reporter also marks failures with an attribute on the testcase itself
  const status: TestStatus = failure || typeof node['@_failure'] === 'string' ? 'failed' : error ? 'error' : skipped !== undefined ? 'skipped' : 'passed';
  const problem = failure ?? error ?? skipped;
  const time = Number(node['@_time']);
  const line = Number(node['@_line']);
  return {
    suites,
    classname: stringAttr(node['@_classname']),
    name: stringAttr(node['@_name']),
    file: typeof node['@_file'] === 'string' && node['@_file'] !== '' ? node['@_file'] : undefined,
    line: Number.isFinite(line) && node['@_line'] !== undefined ? line : undefined,
    timeSeconds: Number.isFinite(time) && node['@_time'] !== undefined ? time : undefined,
    status,
    message: problem && typeof problem['@_message'] === 'string' ? problem['@_message'] : stringAttr(node['@_failure']) || undefined,
    details: problem ? text(problem) : undefined,
  };
}

function asArray(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
}

function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function text(node: XmlNode): string | undefined {
  const t = node['#text'];
  return typeof t === 'string' && t.trim() !== '' ? t : undefined;
}
