import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRoutes, matchRoute, methodFor } from '../../src/services/apigateway/router.js';
import { escapeJavaScript, inputVariable, jsonPath, renderTemplate, util } from '../../src/services/apigateway/vtl.js';
import { quotaPeriodStart } from '../../src/services/apigateway/quota.js';
import { applyPatch } from '../../src/services/apigateway/patch.js';
import type { ResourceDoc } from '../../src/services/apigateway/types.js';

function tree(paths: string[]): Record<string, ResourceDoc> {
  const out: Record<string, ResourceDoc> = { root: { id: 'root', path: '/', resourceMethods: { GET: { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false } } } };
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean);
    let parent = 'root';
    let path = '';
    for (const part of parts) {
      path += '/' + part;
      const id = path;
      out[id] ??= { id, parentId: parent, pathPart: part, path, resourceMethods: { ANY: { httpMethod: 'ANY', authorizationType: 'NONE', apiKeyRequired: false } } };
      parent = id;
    }
  }
  return out;
}

describe('apigateway resource matching', () => {
  const root = buildRoutes(tree(['/pets', '/pets/{id}', '/pets/{id}/toys', '/pets/special', '/{proxy+}', '/files/{path+}']))!;

  it('prefers static parts over variables over greedy parts', () => {
    assert.equal(matchRoute(root, '/pets')!.resource.path, '/pets');
    assert.equal(matchRoute(root, '/pets/special')!.resource.path, '/pets/special');
    assert.deepEqual(matchRoute(root, '/pets/7'), { resource: matchRoute(root, '/pets/7')!.resource, pathParameters: { id: '7' } });
    assert.equal(matchRoute(root, '/pets/7')!.resource.path, '/pets/{id}');
    assert.equal(matchRoute(root, '/pets/7/toys')!.resource.path, '/pets/{id}/toys');
  });

  it('falls back to the greedy proxy when a specific branch cannot match the rest', () => {
    const m = matchRoute(root, '/pets/7/other/deep')!;
    assert.equal(m.resource.path, '/{proxy+}');
    assert.deepEqual(m.pathParameters, { proxy: 'pets/7/other/deep' });
    const f = matchRoute(root, '/files/a/b%20c.txt')!;
    assert.deepEqual(f.pathParameters, { path: 'a/b c.txt' });
    assert.equal(matchRoute(root, '/')!.resource.path, '/');
    assert.equal(matchRoute(root, '/pets/')!.resource.path, '/pets');
  });

  it('finds ANY when the exact method is absent', () => {
    const r = matchRoute(root, '/pets')!.resource;
    assert.equal(methodFor(r, 'DELETE')!.httpMethod, 'ANY');
    const noProxy = buildRoutes(tree(['/a']))!;
    assert.equal(matchRoute(noProxy, '/b'), undefined);
  });
});

describe('apigateway mapping templates', () => {
  const input = inputVariable({ body: '{"a":{"b":[1,2,{"c":"x"}]},"s":"q\\"t"}', params: { path: { id: '1' }, querystring: { q: 'v' }, header: { 'X-H': 'h' } } });

  it('evaluates the JSONPath subset', () => {
    const doc = { a: { b: [1, 2, { c: 'x' }] }, 'k y': 3 };
    assert.deepEqual(jsonPath(doc, '$'), doc);
    assert.equal(jsonPath(doc, '$.a.b[2].c'), 'x');
    assert.equal(jsonPath(doc, "$['k y']"), 3);
    assert.deepEqual(jsonPath(doc, '$.a.b[*]'), [1, 2, { c: 'x' }]);
    assert.deepEqual(jsonPath(doc, '$..c'), ['x']);
    assert.equal(jsonPath(doc, '$.a.b[-1].c'), 'x');
    assert.equal(jsonPath(doc, '$.missing'), undefined);
  });

  it('renders $input, $util, $context and $stageVariables', () => {
    const out = renderTemplate(
      '{"json": $input.json(\'$.a.b\'), "n": $input.path(\'$.a.b\').size(), "id": "$input.params(\'id\')", "q": "$input.params(\'q\')", "h": "$input.params(\'x-h\')", "s": "$util.escapeJavaScript($input.path(\'$.s\'))", "ctx": "$context.stage", "sv": "$stageVariables.v"}',
      { input, context: { stage: 'dev' }, stageVariables: { v: 'w' } },
    );
    assert.deepEqual(JSON.parse(out), { json: [1, 2, { c: 'x' }], n: 3, id: '1', q: 'v', h: 'h', s: 'q"t', ctx: 'dev', sv: 'w' });
  });

  it('iterates params and supports #set/#if/#foreach', () => {
    const out = renderTemplate('#set($all = $input.params())\n{#foreach($type in $all.keySet())"$type": $all.get($type).size()#if($foreach.hasNext),#end#end}', { input, context: {}, stageVariables: {} });
    assert.deepEqual(JSON.parse(out), { path: 1, querystring: 1, header: 1 });
  });

  it('provides $util helpers as API Gateway documents them', () => {
    assert.equal(escapeJavaScript('a"b\'c\n'), 'a\\"b\\\'c\\n');
    assert.equal(util.urlEncode('a b&c/d'), 'a+b%26c%2Fd');
    assert.equal(util.urlDecode('a+b%26c'), 'a b&c');
    assert.equal(util.base64Encode('hi'), 'aGk=');
    assert.equal(util.base64Decode('aGk='), 'hi');
    assert.deepEqual(util.parseJson('{"a":1}'), { a: 1 });
  });
});

describe('apigateway quotas and patches', () => {
  it('computes the start of DAY, WEEK and MONTH quota periods with offsets', () => {
    const wed = Date.parse('2026-11-25T12:00:00Z'); // a Wednesday
    assert.equal(quotaPeriodStart(wed, 'DAY', 0), '2026-11-25');
    assert.equal(quotaPeriodStart(wed, 'WEEK', 0), '2026-11-22'); // Sunday
    assert.equal(quotaPeriodStart(wed, 'WEEK', 1), '2026-11-23'); // Monday
    assert.equal(quotaPeriodStart(wed, 'MONTH', 0), '2026-11-01');
    assert.equal(quotaPeriodStart(wed, 'MONTH', 27), '2026-10-28');
  });

  it('applies patch operations to fields, maps and lists', () => {
    const target: Record<string, any> = { name: 'a', tags: ['x'], vars: { k: 'v' } };
    applyPatch(
      target,
      [
        { op: 'replace', path: '/name', value: 'b' },
        { op: 'add', path: '/tags/y~1z', value: '' },
        { op: 'remove', path: '/vars/k' },
        { op: 'add', path: '/vars/n', value: '1' },
        { op: 'replace', path: '/on', value: 'true' },
      ],
      { name: 'string', tags: 'strlist', vars: 'map', on: 'bool' },
    );
    assert.deepEqual(target, { name: 'b', tags: ['x', 'y/z'], vars: { n: '1' }, on: true });
    assert.throws(() => applyPatch(target, [{ op: 'replace', path: '/other', value: '1' }], { name: 'string' }), /Invalid patch path/);
    assert.throws(() => applyPatch(target, [{ op: 'replace', path: '/on', value: 'maybe' }], { on: 'bool' }), /Invalid boolean/);
  });
});
